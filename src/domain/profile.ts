/**
 * The judgments of a region's profile (地区画像): tiers (梯队) of the Digital Development Index,
 * direction-aware ranks and percentile ranks, strengths and weaknesses (优势 / 短板), nearest
 * neighbours on the standardised indicator profile, and benchmarks scored on the units' own
 * scale. Pure; the index itself is index-score.ts's, so a score and a rank are the same
 * number on the profile, in Compare and on the map.
 */
import { median } from "simple-statistics";
import type { Aggregation, Indicator, Observation } from "../api/contract";
import { benchmarkValue } from "./benchmark";
import { classify, computeBreaks } from "./bins";
import { MINMAX_FLAT, type Norm, normalise, rankDescending } from "./index-score";
import { byCodeUnits } from "./order";
import { isQuarter } from "./periods";

/** How many tiers (梯队) the units of a level are sorted into, as the provincial county reports do. */
export const TIER_COUNT = 5;
/** Fewest units with a value for a rank, a percentile or a peer median to mean anything. */
export const MIN_UNITS = 5;
/** Fewest indicators two units must both have for their distance to be taken. */
export const MIN_SHARED = 5;

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** Tiers of the units of one level: 1 = the top class. */
export interface Tiers {
  /** Natural breaks, ascending: [min, b1, …, max]; tier t covers breaks[n − t] ≤ x < breaks[n − t + 1] (the top one closed). */
  breaks: number[];
  /** How many tiers there are: TIER_COUNT, fewer when there are fewer distinct scores. */
  count: number;
  /** Each unit's tier; null without a score. */
  tiers: Map<string, number | null>;
}

/**
 * Tiers by natural breaks: Ckmeans (optimal 1-D k-means, Jenks' modern successor; bins.ts)
 * of the scores into `k` classes, the highest class tier 1. Fewer distinct scores than `k`
 * give fewer tiers; no score gives none.
 */
export function tiersOf(scores: ReadonlyMap<string, number | null>, k = TIER_COUNT): Tiers {
  const breaks = computeBreaks([...scores.values()], "jenks", k);
  const count = Math.max(breaks.length - 1, breaks.length ? 1 : 0);
  const tiers = new Map<string, number | null>();
  for (const [code, v] of scores) tiers.set(code, present(v) && count ? count - classify(v, breaks) : null);
  return { breaks, count, tiers };
}

/** The score range of tier `tier` (1 = top) as [low, high]; the top tier's high end is closed. */
export function tierRange(tiers: Pick<Tiers, "breaks" | "count">, tier: number): [number, number] | null {
  const i = tiers.count - tier;
  if (i < 0 || i >= tiers.count) return null;
  return [tiers.breaks[i], tiers.breaks[i + 1]];
}

/** A unit's standing on one indicator among the units of its level. */
export interface Standing {
  indicator: string;
  value: number;
  /** 1 = best given the direction; ties share a rank (1, 1, 3), as on the map. */
  rank: number;
  /** How many units have a value. */
  of: number;
  /**
   * 0–100, 100 = best: the share of the other units it does better than, ties counted half
   * (mid-rank percentile), direction-aware; 50 when it is alone.
   */
  percentile: number;
  /** The median of the units with a value (the "peer median"). */
  median: number;
}

/** Ranks by the indicator's direction: 1 = best; ties share; null without a value. */
export function directedRanks(
  values: ReadonlyMap<string, number | null>,
  direction: "higher" | "lower",
): Map<string, number | null> {
  const codes = [...values.keys()];
  const sign = direction === "higher" ? 1 : -1;
  const ranks = rankDescending(codes.map((c) => (present(values.get(c)) ? sign * (values.get(c) as number) : null)));
  return new Map(codes.map((c, i) => [c, ranks[i]]));
}

/**
 * The standing of `code` on one indicator among `values` (every unit of its level); null when
 * it has no value or fewer than MIN_UNITS units have one.
 */
export function standingOf(
  code: string,
  indicator: { id: string; direction: "higher" | "lower"; values: ReadonlyMap<string, number | null> },
  minUnits = MIN_UNITS,
): Standing | null {
  const own = indicator.values.get(code);
  const xs = [...indicator.values.values()].filter(present);
  if (!present(own) || xs.length < minUnits) return null;
  const sign = indicator.direction === "higher" ? 1 : -1;
  let better = 0;
  let ties = 0;
  for (const x of xs) {
    const d = sign * (own - x);
    if (d > 0) better++;
    else if (d === 0) ties++;
  }
  // `ties` counts the unit itself.
  const others = xs.length - 1;
  return {
    indicator: indicator.id,
    value: own,
    rank: xs.length - better - ties + 1,
    of: xs.length,
    percentile: others ? (100 * (better + (ties - 1) / 2)) / others : 50,
    median: median(xs),
  };
}

/**
 * The `n` indicators where the unit stands highest (strengths, best first) and the `n` where
 * it stands lowest (weaknesses, worst first), by percentile rank; ties by indicator id. An
 * indicator is never both: with fewer than 2n standings the better half are strengths.
 */
export function strengthsAndWeaknesses(standings: readonly Standing[], n = 3): { strengths: Standing[]; weaknesses: Standing[] } {
  const sorted = [...standings].sort((a, b) => b.percentile - a.percentile || byCodeUnits(a.indicator, b.indicator));
  const top = Math.min(n, Math.ceil(sorted.length / 2));
  const bottom = Math.min(n, sorted.length - top);
  return { strengths: sorted.slice(0, top), weaknesses: sorted.slice(sorted.length - bottom).reverse() };
}

/** A unit close to the focus on the standardised indicator profile. */
export interface Neighbour {
  code: string;
  /** Root mean square difference of z-scores over the indicators both have (see nearestNeighbours). */
  distance: number;
  /** How many indicators the distance is taken over. */
  shared: number;
}

/**
 * The `k` units nearest to `code` on the standardised indicator profile. Each indicator is
 * turned into z-scores across the units (population SD; direction does not matter for a
 * distance). The distance is Euclidean over the indicators both units have, divided by the
 * square root of their number (the root mean square difference), so that a pair sharing
 * fewer indicators is not made to look closer; a missing value is left out, never imputed.
 * Pairs sharing fewer than `minShared` indicators are not compared. Ties go to the lower code.
 */
export function nearestNeighbours(
  code: string,
  units: readonly string[],
  indicators: readonly { values: ReadonlyMap<string, number | null> }[],
  k = 5,
  minShared = MIN_SHARED,
): Neighbour[] {
  const z = indicators.map((ind) => {
    const scores = normalise(
      units.map((u) => ind.values.get(u) ?? null),
      "higher",
      "zscore",
    );
    return new Map(units.map((u, i) => [u, scores[i]]));
  });
  const out: Neighbour[] = [];
  for (const u of units) {
    if (u === code) continue;
    let sum = 0;
    let shared = 0;
    for (const m of z) {
      const a = m.get(code);
      const b = m.get(u);
      if (present(a) && present(b)) {
        sum += (a - b) ** 2;
        shared++;
      }
    }
    if (shared >= minShared && shared > 0) out.push({ code: u, distance: Math.sqrt(sum / shared), shared });
  }
  return out.sort((a, b) => a.distance - b.distance || byCodeUnits(a.code, b.code)).slice(0, k);
}

/**
 * A value scored on the scale the units' values make (index-score.ts's normalise), without
 * entering it: how a benchmark (the average county of a city, say) would score among them.
 * Min-max scores may leave 0–100 for a value outside the units' range.
 */
export function scoreOnScale(
  values: readonly (number | null)[],
  direction: "higher" | "lower",
  norm: Norm,
  value: number | null,
): number | null {
  const xs = values.filter(present);
  if (!present(value) || !xs.length) return null;
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  if (max - min <= 1e-9 * Math.max(Math.abs(min), Math.abs(max), 1)) return norm === "minmax" ? MINMAX_FLAT : 0;
  const sign = direction === "higher" ? 1 : -1;
  if (norm === "minmax") return (direction === "higher" ? (value - min) / (max - min) : (max - value) / (max - min)) * 100;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return (sign * (value - mean)) / sd;
}

/** One indicator of the index, for a benchmark's pillar scores. */
export interface BenchmarkIndicator {
  id: string;
  pillar: string;
  direction: "higher" | "lower";
  aggregation: Aggregation;
  /** Every unit's value for the year. */
  values: ReadonlyMap<string, number | null>;
  /** For a weighted mean, each unit's weight for the year. */
  weights?: ReadonlyMap<string, number | null>;
}

/**
 * A benchmark's pillar scores: each indicator aggregated over the members by its own rule
 * (benchmark.ts: the average unit for a sum, the weighted mean for a rate), scored on the
 * units' scale, then averaged by pillar (a pillar needs at least half of its indicators, as
 * in computeIndex). Keys: the pillars given.
 */
export function benchmarkPillarScores(
  members: readonly string[],
  units: readonly string[],
  indicators: readonly BenchmarkIndicator[],
  norm: Norm,
): Map<string, number | null> {
  const byPillar = new Map<string, (number | null)[]>();
  for (const ind of indicators) {
    const { value } = benchmarkValue(members, ind.values, ind.aggregation, ind.weights);
    const score = scoreOnScale(
      units.map((u) => ind.values.get(u) ?? null),
      ind.direction,
      norm,
      value,
    );
    const list = byPillar.get(ind.pillar) ?? [];
    list.push(score);
    byPillar.set(ind.pillar, list);
  }
  const out = new Map<string, number | null>();
  for (const [pillar, scores] of byPillar) {
    const got = scores.filter(present);
    out.set(pillar, scores.length - got.length > scores.length / 2 ? null : got.reduce((a, b) => a + b, 0) / got.length);
  }
  return out;
}

/** The years (annual, oldest first) in which at least half of the indicators (base figures aside) have a value at the level. */
export function indexYears(indicators: readonly Indicator[], data: ReadonlyMap<string, readonly Observation[]>): string[] {
  const own = indicators.filter((i) => !i.context);
  const count = new Map<string, number>();
  for (const ind of own) {
    const years = new Set((data.get(ind.id) ?? []).filter((o) => o.value !== null && !isQuarter(o.period)).map((o) => o.period));
    for (const y of years) count.set(y, (count.get(y) ?? 0) + 1);
  }
  return [...count.keys()].filter((y) => (count.get(y) ?? 0) >= own.length / 2).sort();
}

/**
 * The year an index of a level describes (the profile, the tier map): the URL's when it is one
 * of indexYears, else the latest of them.
 */
export function indexYear(
  indicators: readonly Indicator[],
  data: ReadonlyMap<string, readonly Observation[]>,
  wanted: string | null,
): string | null {
  const years = indexYears(indicators, data);
  return wanted && years.includes(wanted) ? wanted : (years.at(-1) ?? null);
}
