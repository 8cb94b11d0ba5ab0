import type { Observation } from "../api/contract";
import { comparePeriods, isQuarter, periodRange } from "./periods";

/**
 * One region's series at one frequency (years, or quarters), oldest first, up to `until`
 * (inclusive). The contract promises no order: whatever reads a series in order (a sparkline,
 * a title's first and last period, a file name) takes it from here.
 */
export function seriesOf(
  observations: readonly Observation[],
  region: string,
  { quarterly = false, until }: { quarterly?: boolean; until?: string } = {},
): Observation[] {
  const end = until === undefined ? Number.POSITIVE_INFINITY : periodRange(until)[1];
  return observations
    .filter((o) => o.region === region && isQuarter(o.period) === quarterly && periodRange(o.period)[1] <= end)
    .sort((a, b) => comparePeriods(a.period, b.period));
}
