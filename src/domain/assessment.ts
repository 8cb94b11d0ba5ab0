/**
 * Judgments on targets, modelled on the EU Digital Decade's monitoring (the JRC's trajectory
 * method): for each target a target trajectory (the path that reaches it, see targets.ts), a
 * projection of the current trend with an 80% prediction band, a verdict by the target year
 * (the outlook) and the effort gap between the two; and, per region, where progress falls
 * behind. Pure: the Overview, the briefing and every later view judge through here.
 */
import { linearRegression } from "simple-statistics";
import type { Indicator, Observation, Region, Target } from "../api/contract";
import { isRate } from "./measure";
import { byCodeUnits } from "./order";
import { isQuarter, yearOf } from "./periods";
import { gapToPath, type TargetProgress, targetProgress, targetTrajectory } from "./targets";

export type FitMethod = "log-linear" | "logistic" | "linear";
export type Outlook = "achieved" | "on-course" | "at-risk" | "off-course";
export interface YearValue {
  year: number;
  value: number;
}
/** An 80% prediction interval around a central value (low ≤ value ≤ high in value space). */
export interface Band {
  year: number;
  value: number;
  low: number;
  high: number;
}
/** Where the current trend leads (the "baseline trajectory" of the Digital Decade reports). */
export interface Projection {
  method: FitMethod;
  /** The annual values fitted, oldest first: the latest up to PROJECTION_WINDOW with a value. */
  fittedOn: YearValue[];
  /** Every year from the first fitted one to the target year (or the last fitted, if later). */
  path: Band[];
  atTarget: Band;
  /** Two points leave no residual to measure the spread: the band is then only the central value. */
  uncertain: boolean;
  /** The band's coverage (0.8). */
  level: number;
}
/**
 * Per year, in the indicator's own direction of change (negative = a fall): percentage
 * points for rates ("pp"), compound growth in % for amounts ("pct").
 */
export interface Effort {
  unit: "pp" | "pct";
  /** What the target asks per year from the value judged to the target year; null once that year is reached. */
  needed: number | null;
  /** What was achieved per year from the baseline to the value judged. */
  achieved: number | null;
  /** Years from the value judged to the target year (0 once reached). */
  yearsLeft: number;
}
/** Everything judged about one target: both verdicts, both trajectories and the effort gap. */
export interface TargetAssessment {
  indicator: Indicator;
  target: Target;
  /** Today against the target trajectory (targets.ts). */
  progress: TargetProgress;
  /** The target trajectory, every year from the baseline to the target year. */
  trajectory: YearValue[];
  /** Null when fewer than 2 annual values. */
  projection: Projection | null;
  /** By the target year; null when there is no projection to judge by. */
  outlook: Outlook | null;
  effort: Effort;
}

/** How many of the latest annual values the projection is fitted on. */
export const PROJECTION_WINDOW = 6;
/** Coverage of the prediction band. */
export const BAND_LEVEL = 0.8;
/** A rate's bounds, and where its values are clamped before the logit (in %). */
export const RATE_MAX = 100;
export const LOGIT_CLAMP = [0.5, 99.5] as const;

const finite = (x: number): number | null => (Number.isFinite(x) ? x + 0 : null);

// ─── the t-distribution ──────────────────────────────────────────────────────
/** t_{0.90, df} for df = 1…30 (two-sided 80%), from the standard tables. */
const T90 = [
  3.077684, 1.885618, 1.637744, 1.533206, 1.475884, 1.439756, 1.414924, 1.396815, 1.383029, 1.372184, 1.36343, 1.356217, 1.350171,
  1.34503, 1.340606, 1.336757, 1.333379, 1.330391, 1.327728, 1.325341, 1.323188, 1.321237, 1.31946, 1.317836, 1.316345, 1.314972,
  1.313703, 1.312527, 1.311434, 1.310415,
];
const Z90 = 1.2815516;

/**
 * The 90th percentile of Student's t with `df` degrees of freedom, the multiplier of an 80%
 * two-sided interval (simple-statistics has no t quantile): tabulated to 30, beyond by the
 * Cornish–Fisher expansion around the normal (error < 1e-5 from df 30). NaN for df < 1.
 */
export function tQuantile90(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  if (df <= 30) return T90[Math.floor(df) - 1];
  const z = Z90;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

// ─── the projection ──────────────────────────────────────────────────────────
interface Link {
  method: FitMethod;
  to: (v: number) => number;
  from: (z: number) => number;
}
const clampRate = (v: number) => Math.min(RATE_MAX, Math.max(0, v));
const LINEAR: Link = { method: "linear", to: (v) => v, from: (z) => z };
const LINEAR_RATE: Link = { method: "linear", to: (v) => v, from: clampRate };
const LOG: Link = { method: "log-linear", to: Math.log, from: Math.exp };
const LOGISTIC: Link = {
  method: "logistic",
  to: (v) => {
    const p = Math.min(LOGIT_CLAMP[1], Math.max(LOGIT_CLAMP[0], v)) / RATE_MAX;
    return Math.log(p / (1 - p));
  },
  from: (z) => RATE_MAX / (1 + Math.exp(-z)),
};

/** A region's annual values, oldest first: finite values only (nulls and quarters skipped). */
export function annualValues(observations: readonly Observation[], region: string): YearValue[] {
  return observations
    .filter((o) => o.region === region && !isQuarter(o.period) && o.value !== null && Number.isFinite(o.value))
    .map((o) => ({ year: yearOf(o.period), value: o.value as number }))
    .sort((a, b) => a.year - b.year);
}

/** Which link fits these values: see `project`. */
function linkFor(ind: Pick<Indicator, "unit">, values: readonly number[]): Link {
  const rate = isRate(ind);
  if (values.length < 3) return rate ? LINEAR_RATE : LINEAR;
  if (!rate) return values.every((v) => v > 0) ? LOG : LINEAR;
  const outside = values.filter((v) => v < LOGIT_CLAMP[0] || v > LOGIT_CLAMP[1]).length;
  const wellPosed = values.every((v) => v >= 0 && v <= RATE_MAX) && outside <= 1;
  return wellPosed ? LOGISTIC : LINEAR_RATE;
}

/** Least squares on the link scale with its prediction bands; null if anything is not finite. */
function fitWith(link: Link, points: readonly YearValue[], until: number): Projection | null {
  const n = points.length;
  const x0 = points[n - 1].year; // years from the last fitted one: keeps the intercept small
  const xs = points.map((p) => p.year - x0);
  const zs = points.map((p) => link.to(p.value));
  if (!zs.every(Number.isFinite)) return null;
  const { m, b } = linearRegression(xs.map((x, i) => [x, zs[i]]));
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - meanX) ** 2, 0);
  const df = n - 2;
  const ssr = zs.reduce((s, z, i) => s + (z - (b + m * xs[i])) ** 2, 0);
  const sd = df > 0 ? Math.sqrt(ssr / df) : 0;
  const t = df > 0 ? tQuantile90(df) : 0;
  const bandAt = (year: number): Band | null => {
    const x = year - x0;
    const z = b + m * x;
    // The standard prediction interval: residual spread, the mean's uncertainty and the leverage of x.
    const half = t * sd * Math.sqrt(1 + 1 / n + (x - meanX) ** 2 / sxx);
    const value = finite(link.from(z));
    const low = finite(link.from(z - half));
    const high = finite(link.from(z + half));
    return value === null || low === null || high === null ? null : { year, value, low, high };
  };
  const path: Band[] = [];
  for (let year = points[0].year; year <= Math.max(until, x0); year++) {
    const band = bandAt(year);
    if (!band) return null;
    path.push(band);
  }
  const atTarget = until >= points[0].year ? path[until - points[0].year] : bandAt(until);
  if (!atTarget) return null;
  return {
    method: link.method,
    fittedOn: points.map((p) => ({ ...p })),
    path,
    atTarget,
    uncertain: df <= 0,
    level: BAND_LEVEL,
  };
}

/**
 * Where the current trend leads by `until` (the target year), from the latest
 * PROJECTION_WINDOW annual values with a value (any status). Amounts: log-linear (constant
 * growth) when every value is positive, else linear. Rates: a logistic S-curve between 0 and
 * 100, fitted by least squares on the logit of the values clamped to LOGIT_CLAMP (a value of
 * 0 or 100 has no logit); linear instead when a value lies outside 0–100 or more than one
 * lies beyond the clamp (a series pinned at a bound says nothing about the curve), and a
 * linear rate is kept within 0–100. Fewer than 3 values: linear. The 80% band is the standard
 * prediction interval on the link scale (t with n − 2 degrees of freedom, widening with the
 * distance from the fitted years) carried back through the link. Null with fewer than 2 values.
 */
export function project(ind: Pick<Indicator, "unit">, annual: readonly YearValue[], until: number): Projection | null {
  const points = annual.slice(-PROJECTION_WINDOW);
  if (points.length < 2) return null;
  const link = linkFor(
    ind,
    points.map((p) => p.value),
  );
  const fitted = fitWith(link, points, until);
  if (fitted || link.method === "linear") return fitted;
  return fitWith(isRate(ind) ? LINEAR_RATE : LINEAR, points, until);
}

// ─── verdicts and effort ─────────────────────────────────────────────────────
/**
 * The outlook by the target year. Achieved: the value judged meets the target (see
 * targetProgress). A passed target year: achieved, else off course. Otherwise, at the target
 * year: on course when the band's worse end still meets the target, at risk when only its
 * central value or its better end does, off course when even the better end misses it.
 * "Worse" and "better" follow the indicator's direction.
 */
export function outlookOf(
  ind: Pick<Indicator, "direction">,
  progress: TargetProgress,
  projection: Projection | null,
): Outlook | null {
  if (progress.verdict === "achieved") return "achieved";
  if (yearOf(progress.latest.period) >= yearOf(progress.target.period)) return "off-course";
  if (!projection) return null;
  const goal = progress.target.value;
  const higher = ind.direction === "higher";
  const meets = (v: number) => (higher ? v >= goal : v <= goal);
  const { low, high } = projection.atTarget;
  if (meets(higher ? low : high)) return "on-course";
  if (meets(higher ? high : low)) return "at-risk";
  return "off-course";
}

/** Change per year from `from` to `to` over `years`: pp for rates, compound growth in % for amounts. */
function perYear(rate: boolean, from: number, to: number, years: number): number | null {
  if (years <= 0) return null;
  if (rate) return finite((to - from) / years);
  if (from <= 0 || to <= 0) return null;
  return finite(((to / from) ** (1 / years) - 1) * 100);
}

/** What the target asks per year from now, beside what was achieved per year since the baseline. */
export function effortOf(ind: Pick<Indicator, "unit">, progress: TargetProgress): Effort {
  const rate = isRate(ind);
  const y0 = yearOf(progress.baseline.period);
  const y = yearOf(progress.latest.period);
  const yT = yearOf(progress.target.period);
  return {
    unit: rate ? "pp" : "pct",
    needed: perYear(rate, progress.latest.value, progress.target.value, yT - y),
    achieved: perYear(rate, progress.baseline.value, progress.latest.value, y - y0),
    yearsLeft: Math.max(0, yT - y),
  };
}

/** One target judged: progress today, the target trajectory, the projection, the outlook and the effort gap. */
export function assessTarget(ind: Indicator, target: Target, observations: readonly Observation[]): TargetAssessment | null {
  const progress = targetProgress(ind, target, observations);
  if (!progress) return null;
  const projection = project(ind, annualValues(observations, target.region), yearOf(target.period));
  return {
    indicator: ind,
    target,
    progress,
    trajectory: targetTrajectory(ind, progress),
    projection,
    outlook: outlookOf(ind, progress, projection),
    effort: effortOf(ind, progress),
  };
}

/**
 * Every target of `region` across the catalogue (base figures left out), in catalogue order
 * and each indicator's targets by year; those with nothing to judge are left out.
 */
export function assessTargets(
  indicators: readonly Indicator[],
  observations: ReadonlyMap<string, readonly Observation[]>,
  region: string,
): TargetAssessment[] {
  return indicators.flatMap((ind) =>
    ind.context
      ? []
      : ind.targets
          .filter((x) => x.region === region)
          .sort((a, b) => byCodeUnits(a.period, b.period))
          .flatMap((x) => assessTarget(ind, x, observations.get(ind.id) ?? []) ?? []),
  );
}

// ─── where we are behind, by progress ───────────────────────────────────────
/** One region's progress on one indicator, with its level beside it (never mixed up with it). */
export interface RegionProgress {
  region: string;
  indicator: Indicator;
  /** The region's latest annual value up to the year judged, and its period. */
  level: number | null;
  levelPeriod: string | null;
  /**
   * The shortfall of its progress against the path (negative = behind; see gapToPath): in
   * percentage points for rates ("pp"), in % of the region's baseline for amounts ("pct",
   * −20 = 20% short).
   */
  gap: number | null;
  unit: "pp" | "pct";
  /** The gap as a share of the progress the path asks since the baseline (−0.5 = half of it missing); null if the path asks none. */
  relative: number | null;
  /** Its own target (targets[].region is the region), else the province's path. */
  against: "own-target" | "province-path";
  /** The target judged against: the region's own, or the province's. */
  target: Target;
  behind: boolean;
}

interface LevelIndex {
  byRegion: Map<string, Observation[]>;
  lastYear: number;
}
const indexes = new WeakMap<readonly Observation[], LevelIndex>();

/** Annual observations by region, oldest first, and the latest year with a value: built once per array. */
function indexOf(observations: readonly Observation[]): LevelIndex {
  let index = indexes.get(observations);
  if (index) return index;
  const byRegion = new Map<string, Observation[]>();
  let lastYear = Number.NEGATIVE_INFINITY;
  // Observations usually come grouped by region: look a region up only when it changes.
  let region = "";
  let list: Observation[] = [];
  for (const o of observations) {
    if (o.period.length !== 4) continue; // a quarter ("2023Q2"), not a year
    if (o.region !== region) {
      region = o.region;
      list = byRegion.get(region) ?? [];
      if (!list.length) byRegion.set(region, list);
    }
    list.push(o);
    if (o.value !== null && Number(o.period) > lastYear) lastYear = Number(o.period);
  }
  for (const l of byRegion.values()) {
    // Sorted already, as a rule: only sort a list that is not.
    if (l.some((o, i) => i > 0 && l[i - 1].period > o.period)) l.sort((a, b) => (a.period < b.period ? -1 : 1));
  }
  index = { byRegion, lastYear };
  indexes.set(observations, index);
  return index;
}

/** The region's own target judged today: the earliest not passed by `lastYear`, else its last. */
function ownTarget(ind: Indicator, region: string, lastYear: number): Target | undefined {
  const mine = ind.targets.filter((x) => x.region === region).sort((a, b) => byCodeUnits(a.period, b.period));
  return mine.find((x) => yearOf(x.period) >= lastYear) ?? mine.at(-1);
}

/** The progress a path asks from its baseline to its expected value, in gapToPath's units; null if none. */
function asked(ind: Indicator, p: TargetProgress): number | null {
  const sign = ind.direction === "higher" ? 1 : -1;
  const base = p.baseline.value;
  const need = isRate(ind) ? sign * (p.expected - base) : base > 0 ? sign * (p.expected / base - 1) : Number.NaN;
  return Number.isFinite(need) && need > 0 ? need : null;
}

/** The latest annual value up to `year` of a region's series (oldest first), and its period. */
function levelUpTo(mine: readonly Observation[], year: number): { level: number | null; levelPeriod: string | null } {
  // A loop, not findLast: the site supports browsers older than ES2023.
  for (let k = mine.length - 1; k >= 0; k--) {
    const { value, period } = mine[k];
    if (value !== null && Number.isFinite(value) && yearOf(period) <= year) return { level: value, levelPeriod: period };
  }
  return { level: null, levelPeriod: null };
}

function valueAt(mine: readonly Observation[], period: string): number | null {
  for (const o of mine) if (o.period === period) return o.value;
  return null;
}

/**
 * A region judged on its progress, not its level. Against its own target when the catalogue
 * gives one for it (the nearest not yet passed by the data's latest year): behind when
 * targetProgress says so. Else against the province's path (gapToPath): rates by the
 * percentage points gained since the path's baseline year against those the path gains,
 * amounts by their growth against the path's; behind when short of it. `observations` are the
 * level's (any regions; indexed once per array). Null when the region has no annual value.
 */
export function regionProgress(
  ind: Indicator,
  province: TargetProgress,
  observations: readonly Observation[],
  region: string,
): RegionProgress | null {
  const index = indexOf(observations);
  const mine = index.byRegion.get(region) ?? [];
  const unit = isRate(ind) ? "pp" : "pct";
  const scale = unit === "pp" ? 1 : 100;
  const target = ind.targets.some((x) => x.region === region) ? ownTarget(ind, region, index.lastYear) : undefined;
  // Its own target where it has one that can be judged, else the province's path.
  const own = target ? targetProgress(ind, target, mine) : null;
  const judgedBy = own ?? province;
  const raw = own
    ? gapToPath(ind, own, { baseline: own.baseline.value, latest: own.latest.value })
    : gapToPath(ind, province, {
        baseline: valueAt(mine, province.baseline.period),
        latest: valueAt(mine, province.latest.period),
      });
  const { level, levelPeriod } = levelUpTo(mine, yearOf(judgedBy.latest.period));
  if (!own && raw === null && level === null) return null;
  const need = asked(ind, judgedBy);
  return {
    region,
    indicator: ind,
    level,
    levelPeriod,
    gap: raw === null ? null : finite(raw * scale),
    unit,
    relative: raw === null || need === null ? null : finite(raw / need),
    against: own ? "own-target" : "province-path",
    target: judgedBy.target,
    behind: own ? own.verdict === "behind" : raw !== null && raw < 0,
  };
}

/** A region behind on at least one target, with its worst shortfall. */
export interface Shortfall {
  region: Region;
  /** The indicator it is furthest behind on (by `relative`, then `gap`). */
  worst: RegionProgress;
  /** On how many of the indicators with targets it is behind, of how many it could be judged on. */
  behindOn: number;
  of: number;
}

const judged = (r: RegionProgress) => r.gap !== null || r.against === "own-target";

/** More behind first: by the share of the asked progress missing, then the gap, then the indicator. */
function worse(a: RegionProgress, b: RegionProgress): number {
  if (a.relative !== null && b.relative !== null && a.relative !== b.relative) return a.relative - b.relative;
  if ((a.relative === null) !== (b.relative === null)) return a.relative === null ? 1 : -1;
  return (a.gap ?? 0) - (b.gap ?? 0) || byCodeUnits(a.indicator.id, b.indicator.id);
}

/**
 * The regions furthest behind, by progress (see regionProgress): those behind on the most
 * indicators first, then by their worst shortfall; only regions behind on at least one.
 */
export function shortfalls(
  units: readonly Region[],
  list: readonly { indicator: Indicator; progress: TargetProgress; observations: readonly Observation[] }[],
  limit = 10,
): Shortfall[] {
  const rows = new Map<string, Shortfall>();
  for (const region of units) {
    let row: Shortfall | undefined;
    let of = 0;
    for (const { indicator, progress, observations } of list) {
      const r = regionProgress(indicator, progress, observations, region.code);
      if (!r || !judged(r)) continue;
      of++;
      if (!r.behind) continue;
      if (!row) row = { region, worst: r, behindOn: 1, of: 0 };
      else {
        row.behindOn++;
        if (worse(r, row.worst) < 0) row.worst = r;
      }
    }
    if (row) rows.set(region.code, { ...row, of });
  }
  return [...rows.values()]
    .sort((a, b) => b.behindOn - a.behindOn || worse(a.worst, b.worst) || byCodeUnits(a.region.code, b.region.code))
    .slice(0, limit);
}

/** Most urgent first: by the target year's outlook, then today's verdict. */
const OUTLOOK_ORDER = { "off-course": 0, "at-risk": 1, "on-course": 2, achieved: 3 } as const;
const VERDICT_ORDER = { behind: 0, "on-track": 1, achieved: 2 } as const;

export function sortAssessments(list: readonly TargetAssessment[]): TargetAssessment[] {
  return [...list].sort(
    (a, b) =>
      (a.outlook === null ? 4 : OUTLOOK_ORDER[a.outlook]) - (b.outlook === null ? 4 : OUTLOOK_ORDER[b.outlook]) ||
      VERDICT_ORDER[a.progress.verdict] - VERDICT_ORDER[b.progress.verdict],
  );
}
