/**
 * Early warnings (预警): figures that deserve a second look before anyone reads them as news.
 * Three rules on annual values (quarters are not read), never on base figures (`context`):
 * an outlying change, a two-year reversal, and a series that vanishes. A fourth, a preliminary
 * figure revised when it turns final, needs two versions of the data and is not run (one
 * version is published). Pure; see Data & methods (methods.warnings.*) for the prose.
 */
import { median } from "simple-statistics";
import type { Indicator, Level, Observation, Region } from "../api/contract";
import { isRate } from "./measure";
import { byCodeUnits } from "./order";

export type WarningKind = "outlier" | "reversal" | "vanished";
/** One figure to look at again, with the numbers its one-line reason is written from. */
export interface Warning {
  kind: WarningKind;
  indicator: string;
  region: string;
  /** The year the warning is about: the outlying change's, the last fall's, the first year missing. */
  period: string;
  /** For sorting, 1 = just at the rule's threshold (see detectWarnings). */
  severity: number;
  /**
   * outlier: change (pp, or % for amounts), unit ("pp" | "pct"), previous, current, z (the
   * weaker of the two, signed), zOwn, zPeers, peers (how many). reversal: since (the year
   * before the first fall), from, to, change, unit, years (falls in a row). vanished: last
   * (the last year reported), lastValue, years (years missing while peers report).
   */
  params: Record<string, number | string>;
}

/** Default threshold of the robust z-score (Iglewicz and Hoaglin's 3.5). */
export const OUTLIER_Z = 3.5;
/** MAD × 1.4826 estimates the standard deviation of normal data. */
const MAD_SCALE = 1.4826;
/**
 * Fewest changes of a region's own, and of other regions of its level that year, to judge an
 * outlier by. Each robust z is Iglewicz and Hoaglin's modified z-score: the sample includes
 * the change judged (median and MAD are robust to it), the peers' sample every region of the
 * level reporting a change that year.
 */
export const MIN_OWN_CHANGES = 5;
export const MIN_PEERS = 4;
/**
 * The spread is never taken below these, so that a very regular series does not make
 * ordinary noise an outlier: 0.5 percentage points for rates, 0.05 in log-ratio (about 5%
 * growth) for amounts.
 */
export const MIN_SPREAD = { pp: 0.5, log: 0.05 } as const;

const KIND_ORDER: Record<WarningKind, number> = { outlier: 0, vanished: 1, reversal: 2 };

/** Median and robust spread (MAD × 1.4826, at least `floor`) of `xs`. */
export function robustCentre(xs: readonly number[], floor: number): { centre: number; spread: number } {
  const centre = median(xs as number[]);
  const mad = median(xs.map((x) => Math.abs(x - centre)));
  return { centre, spread: Math.max(MAD_SCALE * mad, floor) };
}

/** A region's annual series within a Frame. */
interface Series {
  region: string;
  level: Level;
  /** Where its values start in `Frame.v`. */
  at: number;
  /** Offset of its latest value (year y0 + last). */
  last: number;
}

/**
 * One indicator's annual values, every region on one span of years, in one flat array (the
 * dataset may hold 3,000 units × 40 indicators: one array each would be 120,000 of them):
 * region i's value in year y0 + k is v[series[i].at + k], NaN where missing.
 */
interface Frame {
  y0: number;
  span: number;
  v: Float64Array;
  series: Series[];
}

/** The year of an annual period ("2023"), NaN for a quarter ("2023Q2"): by char codes, on every observation. */
function annualYear(period: string): number {
  if (period.length !== 4) return Number.NaN;
  return period.charCodeAt(0) * 1000 + period.charCodeAt(1) * 100 + period.charCodeAt(2) * 10 + period.charCodeAt(3) - 48 * 1111;
}

/** The frame of the annual values of the regions in `levelOf`: one pass over the observations. */
function frameOf(observations: readonly Observation[], levelOf: ReadonlyMap<string, Level>): Frame {
  const n = observations.length;
  const rows = new Int32Array(n);
  const years = new Int32Array(n);
  const values = new Float64Array(n);
  const index = new Map<string, number>();
  const series: Series[] = [];
  let m = 0;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  // Observations usually come grouped by region: look a region up only when it changes.
  let region = "";
  let row = -1;
  for (const o of observations) {
    const value = o.value;
    if (value === null || !Number.isFinite(value)) continue;
    const y = annualYear(o.period);
    if (Number.isNaN(y)) continue;
    if (o.region !== region) {
      region = o.region;
      const known = index.get(region);
      if (known !== undefined) row = known;
      else {
        const level = levelOf.get(region);
        row = level ? series.push({ region, level, at: 0, last: -1 }) - 1 : -1;
        index.set(region, row);
      }
    }
    if (row < 0) continue;
    rows[m] = row;
    years[m] = y;
    values[m] = value;
    m++;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!m) return { y0: 0, span: 0, v: new Float64Array(0), series: [] };
  const span = y1 - y0 + 1;
  const v = new Float64Array(series.length * span).fill(Number.NaN);
  series.forEach((s, i) => {
    s.at = i * span;
  });
  for (let i = 0; i < m; i++) {
    const s = series[rows[i]];
    const k = years[i] - y0;
    v[s.at + k] = values[i];
    if (k > s.last) s.last = k;
  }
  return { y0, span, v, series };
}

/**
 * Changes on the year before, laid out as the frame's values (NaN where none): pp for rates,
 * log-ratios for amounts. An amount within `h` (half a unit of the last decimal) of zero has
 * no meaningful log-ratio and gives none.
 */
function changesOf(f: Frame, rate: boolean, h: number): Float64Array {
  const { v, span } = f;
  const out = new Float64Array(v.length).fill(Number.NaN);
  for (const s of f.series) {
    for (let k = s.at + 1; k < s.at + span; k++) {
      const prev = v[k - 1];
      const cur = v[k];
      if (rate) out[k] = cur - prev;
      else if (prev > h && cur > h) out[k] = Math.log(cur / prev);
    }
  }
  return out;
}

/**
 * The robust z of the least extreme change that the rounded figures allow (0 if that range
 * spans the centre): each true value lies within `h` of the one published.
 */
function leastZ(prev: number, cur: number, rate: boolean, h: number, centre: number, spread: number): number {
  const low = rate ? cur - prev - 2 * h : Math.log((cur - h) / (prev + h));
  const high = rate ? cur - prev + 2 * h : Math.log((cur + h) / (prev - h));
  if (low > centre) return (low - centre) / spread;
  if (high < centre) return (high - centre) / spread;
  return 0;
}

function outliers(ind: Indicator, f: Frame, z: number): Warning[] {
  const rate = isRate(ind);
  const floor = rate ? MIN_SPREAD.pp : MIN_SPREAD.log;
  const h = 0.5 * 10 ** -ind.decimals;
  const { v, span, y0 } = f;
  const c = changesOf(f, rate, h);
  // The peers' centre and spread, once per level and year: every region of the level with a change that year.
  const pooled = new Map<Level, number[][]>();
  for (const s of f.series) {
    const years = pooled.get(s.level) ?? Array.from({ length: span }, () => [] as number[]);
    pooled.set(s.level, years);
    for (let k = 1; k < span; k++) if (!Number.isNaN(c[s.at + k])) years[k].push(c[s.at + k]);
  }
  const peerStats = new Map(
    [...pooled].map(([level, years]) => [
      level,
      years.map((xs) => (xs.length > MIN_PEERS ? { ...robustCentre(xs, floor), n: xs.length - 1 } : null)),
    ]),
  );
  const out: Warning[] = [];
  for (const s of f.series) {
    let count = 0;
    for (let k = 1; k < span; k++) if (!Number.isNaN(c[s.at + k])) count++;
    if (count < MIN_OWN_CHANGES) continue;
    let mine: { centre: number; spread: number } | undefined;
    const stats = peerStats.get(s.level) ?? [];
    for (let k = 1; k < span; k++) {
      const change = c[s.at + k];
      const p = stats[k];
      if (Number.isNaN(change) || !p) continue;
      // The peers' test first, on the change as published (cheap): the least extreme one the
      // rounding allows is never further out.
      if (Math.abs(change - p.centre) <= z * p.spread) continue;
      const prev = v[s.at + k - 1];
      const cur = v[s.at + k];
      const zPeers = leastZ(prev, cur, rate, h, p.centre, p.spread);
      if (Math.abs(zPeers) <= z) continue;
      mine ??= robustCentre(
        Array.from(c.subarray(s.at + 1, s.at + span)).filter((x) => !Number.isNaN(x)),
        floor,
      );
      const zOwn = leastZ(prev, cur, rate, h, mine.centre, mine.spread);
      if (Math.abs(zOwn) <= z || Math.sign(zPeers) !== Math.sign(zOwn)) continue;
      const weaker = Math.abs(zOwn) < Math.abs(zPeers) ? zOwn : zPeers;
      out.push({
        kind: "outlier",
        indicator: ind.id,
        region: s.region,
        period: String(y0 + k),
        severity: Math.abs(weaker) / z,
        params: {
          change: rate ? change : (Math.exp(change) - 1) * 100,
          unit: rate ? "pp" : "pct",
          previous: prev,
          current: cur,
          z: weaker,
          zOwn,
          zPeers,
          peers: p.n,
        },
      });
    }
  }
  return out;
}

/**
 * Two or more falls in a row (for "higher is better"; rises for "lower"), each larger than
 * rounding (half a unit of the last decimal), in consecutive years up to the series' latest
 * value: a decline that has since recovered is no longer warned on.
 */
function reversals(ind: Indicator, f: Frame): Warning[] {
  const rate = isRate(ind);
  const sign = ind.direction === "higher" ? 1 : -1;
  const rounding = 0.5 * 10 ** -ind.decimals;
  const { v, y0 } = f;
  const out: Warning[] = [];
  for (const s of f.series) {
    let falls = 0;
    // NaN compares false: a missing year ends the run.
    for (let k = s.at + s.last; k > s.at && sign * (v[k - 1] - v[k]) > rounding; k--) falls++;
    if (falls < 2) continue;
    const from = v[s.at + s.last - falls];
    const to = v[s.at + s.last];
    const change = rate ? to - from : from > 0 && to > 0 ? (to / from - 1) * 100 : null;
    out.push({
      kind: "reversal",
      indicator: ind.id,
      region: s.region,
      period: String(y0 + s.last),
      severity: falls - 1,
      params: {
        since: y0 + s.last - falls,
        from,
        to,
        ...(change === null ? {} : { change }),
        unit: rate ? "pp" : "pct",
        years: falls,
      },
    });
  }
  return out;
}

/** Reported, then missing in every later year in which other regions of its level report. */
function vanished(ind: Indicator, f: Frame): Warning[] {
  const { v, span, y0 } = f;
  // Per level, whether any region reports in each year.
  const reporting = new Map<Level, boolean[]>();
  for (const s of f.series) {
    const years = reporting.get(s.level) ?? new Array<boolean>(span).fill(false);
    reporting.set(s.level, years);
    for (let k = 0; k <= s.last; k++) if (!Number.isNaN(v[s.at + k])) years[k] = true;
  }
  const out: Warning[] = [];
  for (const s of f.series) {
    // Years after its latest in which others of its level report (it does not: `last` is its latest).
    const years = reporting.get(s.level) ?? [];
    let missing = 0;
    let first = -1;
    for (let k = s.last + 1; k < span; k++) {
      if (!years[k]) continue;
      missing++;
      if (first < 0) first = k;
    }
    if (!missing) continue;
    out.push({
      kind: "vanished",
      indicator: ind.id,
      region: s.region,
      period: String(y0 + first),
      severity: missing,
      params: { last: y0 + s.last, lastValue: v[s.at + s.last], years: missing },
    });
  }
  return out;
}

/**
 * Every warning on the indicators given (base figures skipped), for the regions listed (their
 * level decides their peers), most severe first. Severity, 1 at a rule's threshold: an
 * outlier's weaker |z| (own history, peers) over the threshold; a reversal's falls in a row
 * less one; a vanished series' years missing. Ties: outliers, then vanished, then reversals,
 * then by indicator, region and period.
 *
 * - outlier: the change on the year before (pp for rates, log-ratio for amounts) whose robust
 *   z-score, (change − median) / (1.4826 × MAD), exceeds `z` (default 3.5) both against the
 *   region's changes (at least 5) and against the changes of its level's regions that year
 *   (at least 4 others), in the same direction; the least extreme change that the rounded
 *   figures allow is the one judged. The province, which has no peers, is not tested.
 * - reversal: see `reversals`.
 * - vanished: see `vanished`; a series that ends for every region of the level is not one.
 */
export function detectWarnings(
  indicators: readonly Indicator[],
  observations: ReadonlyMap<string, readonly Observation[]>,
  regions: readonly Region[],
  options: { z?: number } = {},
): Warning[] {
  const z = options.z ?? OUTLIER_Z;
  const levelOf = new Map(regions.map((r) => [r.code, r.level]));
  const out: Warning[] = [];
  for (const ind of indicators) {
    if (ind.context) continue;
    const frame = frameOf(observations.get(ind.id) ?? [], levelOf);
    out.push(...outliers(ind, frame, z), ...reversals(ind, frame), ...vanished(ind, frame));
  }
  return out.sort(
    (a, b) =>
      b.severity - a.severity ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      byCodeUnits(a.indicator, b.indicator) ||
      byCodeUnits(a.region, b.region) ||
      byCodeUnits(a.period, b.period),
  );
}
