import type { Indicator, Observation, Target } from "../api/contract";
import { isRate } from "./measure";
import { byCodeUnits } from "./order";
import { yearOf } from "./periods";

export type Verdict = "achieved" | "on-track" | "behind";

/** Where one region stands against one target and the target trajectory to it. */
export interface TargetProgress {
  target: Target;
  /**
   * Where the path starts: the plan's base (`from: "plan"`, its stated value or the
   * observation of its base period), else the first year with a value (`from: "data"`).
   */
  baseline: { period: string; value: number; from: "plan" | "data" };
  /** The value judged: the target year's once the data reaches it, else the latest. */
  latest: { period: string; value: number };
  /** The value the target trajectory (see `trajectoryAt`) reaches in the judged year. */
  expected: number;
  verdict: Verdict;
  /** Share of the way from the baseline to the target covered so far (may exceed 1). */
  covered: number;
}

type Valued = Observation & { value: number };

/** Finite or null: no judgment ever hands a NaN or an infinity to a view. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x + 0 : null); // + 0: no −0

/**
 * Progress against a target. The path (the target trajectory, see `trajectoryAt`: constant
 * growth for amounts, linear for rates) runs from the baseline to the target: the plan's base
 * (`target.base`) where the catalogue gives one, else the first year with a value (and the
 * result says which). The value judged is the target year's once the data reaches it
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
    .sort((a, b) => byCodeUnits(a.period, b.period));
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
  const expected = trajectoryAt(ind, { year: y0, value: baseline.value }, { year: yT, value: target.value }, y);
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

/**
 * The target trajectory in `year`, from `from` to `to` (the EU Digital Decade's "target
 * trajectory"): constant annual growth for amounts, as plans state them (年均增长):
 * from · (to / from)^((year − y0) / (yT − y0)); linear in percentage points for rates (see
 * `isRate`). An amount path that starts or ends at zero or below has no constant growth and
 * is linear too. Beyond either end it extends the same curve.
 */
export function trajectoryAt(
  ind: Pick<Indicator, "unit">,
  from: { year: number; value: number },
  to: { year: number; value: number },
  year: number,
): number {
  if (to.year === from.year) return to.value;
  const share = (year - from.year) / (to.year - from.year);
  if (year === from.year) return from.value;
  if (year === to.year) return to.value;
  // In logs: the ratio of two positive numbers can overflow (a tiny base), the interpolation cannot.
  if (!isRate(ind) && from.value > 0 && to.value > 0) {
    return Math.exp(Math.log(from.value) + (Math.log(to.value) - Math.log(from.value)) * share);
  }
  return from.value + (to.value - from.value) * share;
}

/** Every year of the target trajectory, from the baseline's year to the target's. */
export function targetTrajectory(ind: Pick<Indicator, "unit">, progress: TargetProgress): { year: number; value: number }[] {
  const from = { year: yearOf(progress.baseline.period), value: progress.baseline.value };
  const to = { year: yearOf(progress.target.period), value: progress.target.value };
  const out: { year: number; value: number }[] = [];
  for (let y = from.year; y <= to.year; y++) out.push({ year: y, value: trajectoryAt(ind, from, to, y) });
  return out;
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
