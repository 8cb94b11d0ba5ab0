import type { Indicator, Level, Observation, Pillar, Region, Status, Text } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { type Benchmark, benchmarkSeries, ratioBenchmarkSeries } from "../../domain/benchmark";
import { type Change, change } from "../../domain/change";
import type { MeasuredObservation } from "../../domain/intensity";
import { previousYear } from "../../domain/periods";
import { seriesOf } from "../../domain/series";
import { pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import { memoBy, NONE } from "./memo";

/** The levels regions are compared at: a city among cities, a county among county-level units. */
export type CompareLevel = Extract<Level, "city" | "county">;

/** What Compare compares: cities and county-level units, never the province (a benchmark). */
export const isComparable = (r: Region): boolean => r.level !== "province";

/** Which level each selected region is compared at, given the focus (the first region). */
export interface SelectionLevels {
  focus: Region | undefined;
  focusLevel: CompareLevel;
  levelOf: Map<string, CompareLevel>;
  /** The levels present, cities first. */
  levels: CompareLevel[];
}

/**
 * A county is compared among county-level units and a city among cities, except that a city
 * without counties (Dongguan, Zhongshan) is also a county-level unit: when the focus is a
 * county, such a city joins it among the counties, so that the two are ranked together.
 */
export function selectionLevels(regions: readonly Region[], selected: readonly Region[]): SelectionLevels {
  const focus = selected[0];
  const focusLevel: CompareLevel = focus?.level === "county" ? "county" : "city";
  const countyUnits = new Set(regionsAtLevel(regions, "county").map((r) => r.code));
  const levelOf = new Map<string, CompareLevel>(
    selected.map((r) => [
      r.code,
      r.level === "county" || (focusLevel === "county" && countyUnits.has(r.code)) ? "county" : "city",
    ]),
  );
  const present = new Set(levelOf.values());
  return { focus, focusLevel, levelOf, levels: (["city", "county"] as const).filter((l) => present.has(l)) };
}

/** Each region's value in one period. */
export function valuesAt(observations: readonly Observation[], period: string): Map<string, number | null> {
  return new Map(observations.filter((o) => o.period === period).map((o) => [o.region, o.value]));
}

/** Observations of one region at the period's frequency (years, or quarters when the period is one). */
export function pathOf(observations: readonly Observation[], region: string, quarterly: boolean): Observation[] {
  return seriesOf(observations, region, { quarterly });
}

/**
 * The indicators of a pillar drawn as small multiples: not base figures (context), and
 * published at every level the selection is compared at.
 */
export function pillarIndicators(indicators: readonly Indicator[], pillar: Pillar, levels: readonly CompareLevel[]): Indicator[] {
  return indicators.filter((i) => i.pillar === pillar && !i.context && levels.every((l) => i.levels.includes(l)));
}

/** The indicators entering the index at a level: every non-context indicator published there. */
export function indexIndicators(indicators: readonly Indicator[], level: CompareLevel): Indicator[] {
  return indicators.filter((i) => !i.context && i.levels.includes(level));
}

/** The indicators one can compare regions on: those published for cities or counties. */
export function comparableIndicators(indicators: readonly Indicator[]): Indicator[] {
  return indicators.filter((i) => i.levels.includes("city") || i.levels.includes("county"));
}

/**
 * A benchmark's path by the rule of what is shown: the ratio of sums for a measure
 * (`ratioScale` its scale; the observations are then MeasuredObservations), else the
 * indicator's own aggregation (average unit for a total, weighted mean for a rate). Kept by
 * its inputs' identity (memo.ts): the series chart and the values table share one computation,
 * which at 3,000 county-level units runs over every unit's every period.
 */
export function benchmarkPath(
  members: readonly string[],
  indicator: Indicator,
  observations: readonly Observation[],
  weights: readonly Observation[] | undefined,
  ratioScale: number | null = null,
): Observation[] {
  return memoBy([members, indicator, observations, weights ?? NONE], String(ratioScale), () =>
    ratioScale !== null
      ? ratioBenchmarkSeries(members, observations as readonly MeasuredObservation[], ratioScale)
      : benchmarkSeries(members, indicator.aggregation, observations, weights),
  );
}

/**
 * A benchmark's name, saying how it is computed: "Guangzhou (weighted mean)" for a rate,
 * "Guangdong (average county)" for a total, "Guangdong (ratio of sums)" for a measure.
 */
export function benchmarkName(b: Benchmark, ind: Indicator, lang: Lang, t: Translate, ratio = false): string {
  const name = b.zone ? t(`compare.zone.${b.zone}`) : b.region ? pick(b.region.name, lang) : "";
  if (ratio) return t("compare.bench.ratio", { name });
  return ind.aggregation.method === "sum"
    ? t("compare.bench.perUnit", { name, unit: t(b.level === "county" ? "compare.unit.county" : "compare.unit.city") })
    : t("compare.bench.weighted", { name });
}

/** A benchmark's row in the values table: its value in the period, status and change on the period before. */
export interface BenchmarkRow {
  name: string;
  value: number | null;
  status: Status | null;
  change: Change | null;
}

/**
 * The benchmarks' rows of the values table, from the focus level's observations (and, for a
 * weighted mean, its weights; for a measure, `ratioScale`: the ratio of sums).
 */
export function benchmarkRows(
  benchmarks: readonly Benchmark[],
  indicator: Indicator,
  data: readonly Observation[],
  weights: readonly Observation[] | undefined,
  period: string,
  lang: Lang,
  t: Translate,
  ratioScale: number | null = null,
): BenchmarkRow[] {
  const prev = previousYear(period);
  return benchmarks.map((b) => {
    const series = benchmarkPath(b.members, indicator, data, weights, ratioScale);
    const now = series.find((o) => o.period === period);
    const before = series.find((o) => o.period === prev);
    return {
      name: benchmarkName(b, indicator, lang, t, ratioScale !== null),
      value: now?.value ?? null,
      status: now?.status ?? null,
      change: change(indicator, now?.value ?? null, before?.value ?? null),
    };
  });
}

/** A bar of a ranking: a region (or a unit's index) with its rank among its level. */
export interface RankedRow {
  code: string;
  name: Text;
  value: number | null;
  rank: number | null;
  of: number;
}

/** A ranking's rows as drawn: the units, with a gap where units are left out. */
export type RankingSlot = { gap: false; row: RankedRow } | { gap: true; key: string };

/**
 * The bars of a ranking, best first: all units when they fit (up to 30), else the best `n`,
 * the worst `n` and every selected unit in between, with a gap wherever units are left out.
 */
export function rankingSlots(rows: readonly RankedRow[], selected: readonly string[], n = 10): RankingSlot[] {
  const ranked = rows
    .filter((r) => r.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.code.localeCompare(b.code));
  const keep = new Set(selected);
  const kept =
    ranked.length <= 30
      ? ranked.map((_, i) => i)
      : ranked.flatMap((r, i) => (i < n || i >= ranked.length - n || keep.has(r.code) ? [i] : []));
  const out: RankingSlot[] = [];
  kept.forEach((index, k) => {
    if (k > 0 && index !== kept[k - 1] + 1) out.push({ gap: true, key: `gap-${index}` });
    out.push({ gap: false, row: ranked[index] });
  });
  return out;
}
