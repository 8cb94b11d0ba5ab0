import type { Indicator, Observation, Region, Status, Text } from "../../api/contract";
import { type Change, change } from "../../domain/change";
import { comparePeriods, previousYear } from "../../domain/periods";

/** One region on the map, the ranking and the table. */
export interface MapRow {
  code: string;
  name: Text;
  value: number | null;
  status: Status | null;
  /** 1 = best given the indicator's direction; ties share a rank; null without a value. */
  rank: number | null;
  /** How many regions at this level have a value. */
  of: number;
  change: Change | null;
}

export function buildRows(
  units: readonly Region[],
  observations: readonly Observation[],
  period: string,
  ind: Indicator,
): MapRow[] {
  // 同比: a quarter is compared with the same quarter a year earlier, never the quarter before
  // (which would colour seasonality).
  const prev = previousYear(period);
  const now = new Map<string, Observation>();
  const before = new Map<string, Observation>();
  for (const o of observations) {
    if (o.period === period) now.set(o.region, o);
    else if (o.period === prev) before.set(o.region, o);
  }
  const values = units.map((u) => now.get(u.code)?.value ?? null).filter((v): v is number => v !== null);
  const sign = ind.direction === "higher" ? -1 : 1;
  const ordered = values.sort((a, b) => sign * (a - b));
  return units.map((u) => {
    const o = now.get(u.code);
    const value = o?.value ?? null;
    return {
      code: u.code,
      name: u.name,
      value,
      status: o?.status ?? null,
      rank: value === null ? null : ordered.indexOf(value) + 1,
      of: ordered.length,
      change: change(ind, value, before.get(u.code)?.value ?? null),
    };
  });
}

/** The periods an indicator has data for at a level, oldest first. */
export function periodsOf(observations: readonly Observation[]): string[] {
  return [...new Set(observations.map((o) => o.period))].sort(comparePeriods);
}
