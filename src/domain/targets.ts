import type { Indicator, Observation, Target } from "../api/contract";
import { yearOf } from "./periods";

export type Verdict = "achieved" | "on-track" | "behind";

/** Where one region stands against one target and the straight-line path to it. */
export interface TargetProgress {
  target: Target;
  baseline: { period: string; value: number };
  latest: { period: string; value: number };
  /** The value the straight line from the baseline to the target reaches in the latest year. */
  expected: number;
  verdict: Verdict;
  /** Share of the way from the baseline to the target covered so far (may exceed 1). */
  covered: number;
}

/**
 * Progress against a target. The path runs straight from the baseline (the first year with a
 * value, since plans published here carry no base year of their own) to the target. Verdict:
 * `achieved` once the latest value has reached the target; else `on-track` if it is at or
 * beyond the path in its year (above for "higher is better", below for "lower"), else `behind`.
 * A target year that has passed without the target reached is `behind`.
 */
export function targetProgress(ind: Indicator, target: Target, observations: readonly Observation[]): TargetProgress | null {
  const annual = observations
    .filter(
      (o): o is Observation & { value: number } => o.region === target.region && !o.period.includes("Q") && o.value !== null,
    )
    .sort((a, b) => a.period.localeCompare(b.period));
  const first = annual[0];
  const last = annual.at(-1);
  const [y0, yT] = [first ? yearOf(first.period) : 0, yearOf(target.period)];
  if (!first || !last || first === last || y0 >= yT) return null;
  const y = Math.min(yearOf(last.period), yT);
  const expected = first.value + ((target.value - first.value) * (y - y0)) / (yT - y0);
  const better = (a: number, b: number) => (ind.direction === "higher" ? a >= b : a <= b);
  const verdict: Verdict = better(last.value, target.value) ? "achieved" : better(last.value, expected) ? "on-track" : "behind";
  const span = target.value - first.value;
  return {
    target,
    baseline: { period: first.period, value: first.value },
    latest: { period: last.period, value: last.value },
    expected,
    verdict,
    covered: span === 0 ? 1 : (last.value - first.value) / span,
  };
}

/**
 * How far a region is from the province's path, comparable across indicators: negative =
 * behind. Rates are measured against the path's value itself (the same yardstick everywhere);
 * amounts, which differ in size between regions, by growth since the baseline against the
 * growth the path asks of the province.
 */
export function gapToPath(
  ind: Indicator,
  progress: TargetProgress,
  region: { baseline: number | null; latest: number | null },
): number | null {
  const { baseline, latest } = region;
  if (latest === null) return null;
  const sign = ind.direction === "higher" ? 1 : -1;
  if (ind.aggregation.method === "weighted-mean") {
    return progress.expected === 0 ? null : sign * (latest / progress.expected - 1);
  }
  if (baseline === null || baseline <= 0 || progress.baseline.value <= 0) return null;
  return sign * (latest / baseline / (progress.expected / progress.baseline.value) - 1);
}
