import type { Indicator, Observation } from "../api/contract";
import { isRate } from "./measure";
import { byCodeUnits } from "./order";
import { previousYear } from "./periods";

/**
 * Change on the same period a year before (同比: a quarter on the same quarter of the year
 * before): percent for amounts, percentage points for rates (see `isRate`).
 */
export interface Change {
  kind: "pct" | "pp";
  value: number;
  /** Whether the move is good given the indicator's direction; null when flat. */
  better: boolean | null;
}

export function change(ind: Indicator, current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const rate = isRate(ind);
  if (!rate && previous === 0) return null;
  const value = rate ? current - previous : ((current - previous) / Math.abs(previous)) * 100;
  const better = value === 0 ? null : value > 0 === (ind.direction === "higher");
  return { kind: rate ? "pp" : "pct", value, better };
}

/** One region's latest observation with a value at or before `until`, and the one a year before it. */
export function latestWithPrevious(
  observations: readonly Observation[],
  region: string,
  until?: string,
): { latest: Observation | undefined; previous: Observation | undefined } {
  const mine = observations.filter((o) => o.region === region && !o.period.includes("Q"));
  const latest = mine
    .filter((o) => o.value !== null && (until === undefined || o.period <= until))
    .sort((a, b) => byCodeUnits(b.period, a.period))[0];
  const previous = latest ? mine.find((o) => o.period === previousYear(latest.period)) : undefined;
  return { latest, previous };
}
