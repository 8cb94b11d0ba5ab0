import type { Indicator, Observation, Target } from "../api/contract";
import { isRate } from "./measure";
import { yearOf } from "./periods";

export type Verdict = "achieved" | "on-track" | "behind";

/** Where one region stands against one target and the straight-line path to it. */
export interface TargetProgress {
  target: Target;
  /**
   * Where the path starts: the plan's base (`from: "plan"`, its stated value or the
   * observation of its base period), else the first year with a value (`from: "data"`).
   */
  baseline: { period: string; value: number; from: "plan" | "data" };
  /** The value judged: the target year's once the data reaches it, else the latest. */
  latest: { period: string; value: number };
  /** The value the straight line from the baseline to the target reaches in the latest year. */
  expected: number;
  verdict: Verdict;
  /** Share of the way from the baseline to the target covered so far (may exceed 1). */
  covered: number;
}

type Valued = Observation & { value: number };

/** Finite or null: no judgment ever hands a NaN or an infinity to a view. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x + 0 : null); // + 0: no −0

/**
 * Progress against a target. The path runs straight from the baseline to the target: the
 * plan's base (`target.base`) where the catalogue gives one, else the first year with a value
 * (and the result says which). The value judged is the target year's once the data reaches it
 * (a target is met or missed in its year, whatever came after), else the latest. Verdict:
 * `achieved` once that value has reached the target; else `on-track` if it is at or beyond
 * the path in its year (above for "higher is better", below for "lower"), else `behind`.
 * A target year that has passed unmet is `behind`. Null when there is nothing to judge: no
 * value for the target year once it has passed, no value since the baseline, a baseline that
 * is not before the target year, or (without a plan base) a single year of data.
 */
export function targetProgress(ind: Indicator, target: Target, observations: readonly Observation[]): TargetProgress | null {
  const annual = observations
    .filter(
      (o): o is Valued => o.region === target.region && !o.period.includes("Q") && o.value !== null && Number.isFinite(o.value),
    )
    .sort((a, b) => a.period.localeCompare(b.period));
  const yT = yearOf(target.period);
  const baseline = baselineOf(target, annual);
  if (!baseline) return null;
  const y0 = yearOf(baseline.period);
  if (y0 >= yT) return null;
  const reached = annual.some((o) => yearOf(o.period) >= yT);
  const judged = reached ? annual.find((o) => yearOf(o.period) === yT) : annual.filter((o) => yearOf(o.period) >= y0).at(-1);
  if (!judged) return null;
  const y = yearOf(judged.period);
  if (y < y0 || (baseline.from === "data" && y === y0)) return null;
  const expected = baseline.value + ((target.value - baseline.value) * (y - y0)) / (yT - y0);
  const better = (a: number, b: number) => (ind.direction === "higher" ? a >= b : a <= b);
  const verdict: Verdict = better(judged.value, target.value)
    ? "achieved"
    : better(judged.value, expected)
      ? "on-track"
      : "behind";
  const span = target.value - baseline.value;
  const covered = span === 0 ? 1 : finite((judged.value - baseline.value) / span);
  if (covered === null || !Number.isFinite(expected)) return null;
  return {
    target,
    baseline,
    latest: { period: judged.period, value: judged.value },
    expected,
    verdict,
    covered,
  };
}

/** The plan's base where given (its value, else its period's observation), else the first year of data. */
function baselineOf(target: Target, annual: readonly Valued[]): TargetProgress["baseline"] | null {
  if (target.base) {
    const value = target.base.value ?? annual.find((o) => o.period === target.base?.period)?.value;
    if (value !== undefined && Number.isFinite(value)) return { period: target.base.period, value, from: "plan" };
  }
  const first = annual[0];
  return first ? { period: first.period, value: first.value, from: "data" } : null;
}

/**
 * How far a region's progress since the baseline falls short of the progress the province's
 * path asks over the same years (negative = behind), so that a region is judged on what it
 * gained, not on its level: rates (see `isRate`) in percentage points gained against the
 * points the path gains; amounts, which differ in size between regions, by their growth
 * factor against the path's (a shortfall of 0.2 = 20% of the region's baseline). Null when
 * either end is missing or an amount's baseline is not positive; never NaN or infinite.
 */
export function gapToPath(
  ind: Indicator,
  progress: TargetProgress,
  region: { baseline: number | null; latest: number | null },
): number | null {
  const { baseline, latest } = region;
  if (latest === null || baseline === null) return null;
  const sign = ind.direction === "higher" ? 1 : -1;
  const base = progress.baseline.value;
  if (isRate(ind)) return finite(sign * (latest - baseline - (progress.expected - base)));
  if (baseline <= 0 || base <= 0) return null;
  return finite(sign * (latest / baseline - progress.expected / base));
}
