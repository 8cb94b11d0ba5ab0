import { median } from "simple-statistics";
import { type Indicator, type Level, type Observation, PILLARS, type Pillar, type Region, type Status } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { assessTargets, type RegionProgress, regionProgress, type TargetAssessment } from "../../domain/assessment";
import { benchmarksFor } from "../../domain/benchmark";
import { currentTarget, targetIndicators } from "../../domain/catalogue";
import { type Change, change } from "../../domain/change";
import { indexEntry, indexedIndicator, indexInputs, indexObservations } from "../../domain/index-inputs";
import { computeIndex, type IndexResult, type Norm, weightsOrEqual } from "../../domain/index-score";
import { TOTAL } from "../../domain/intensity";
import { byCodeUnits } from "../../domain/order";
import { isQuarter, previousYear } from "../../domain/periods";
import {
  benchmarkPillarScores,
  directedRanks,
  indexYear,
  indexYears,
  type Neighbour,
  nearestNeighbours,
  type Standing,
  standingOf,
  strengthsAndWeaknesses,
  type Tiers,
  tiersOf,
} from "../../domain/profile";
import { targetProgress } from "../../domain/targets";
import { detectWarnings, type Warning } from "../../domain/warnings";

/** The level a region is profiled at: a city without counties (Dongguan, Zhongshan) among the county-level units. */
export function profileLevel(region: Region, regions: readonly Region[]): Level {
  if (region.level !== "city") return region.level;
  return regions.some((r) => r.parent === region.code) ? "city" : "county";
}

/** The indicators a profile reads at its level: every one published there (base figures for the header and weights). */
export function profileIndicators(indicators: readonly Indicator[], level: Level): Indicator[] {
  return indicators.filter((i) => i.levels.includes(level));
}

/** A base figure of the header: its latest value up to the year, its period and status. */
export interface BaseFigure {
  indicator: Indicator;
  value: number;
  period: string;
  status: Status;
}

/** One indicator's row of the pillar tables. */
export interface IndicatorRow {
  /** The indicator as the row shows it: for an amount in its natural intensive form, the ratio's name, unit and decimals. */
  indicator: Indicator;
  /**
   * How the value is shown: `ratio`, an amount divided by its natural denominator (as the
   * index reads it); `as-is`, a rate; `total`, an amount as published.
   */
  form: "ratio" | "as-is" | "total";
  value: number | null;
  status: Status | null;
  change: Change | null;
  /** Null at province level, without a value, or with too few units. */
  standing: Standing | null;
}

/** One pillar's (or the index's) score, rank and tier, and the benchmarks' scores on the same scale. */
export interface PillarStanding {
  pillar: Pillar | "index";
  score: number | null;
  rank: number | null;
  of: number;
  tier: number | null;
  tiers: Tiers;
  /** city / zone / province, in that order, when they apply. */
  benchmarks: { kind: "city" | "zone" | "province"; score: number | null }[];
}

/** One year of a region's series and the median of its level. */
export interface SeriesPoint {
  period: string;
  value: number | null;
  median: number | null;
}

/** Everything a region's profile shows, judged from the data by the domain's pure functions. */
export interface Profile {
  region: Region;
  level: Level;
  /** The units it is ranked among (empty for the province). */
  units: Region[];
  year: string | null;
  /** The years the index can describe (see indexYears), oldest first. */
  years: string[];
  base: BaseFigure[];
  index: IndexResult | null;
  /** The index first, then each pillar; empty for the province or without an index. */
  standing: PillarStanding[];
  /** Pillars the region has a score for, of how many there are (to say why it has no index). */
  scoredPillars: number;
  /**
   * Every indicator of its level, size-free: each amount in its natural intensive form (the
   * values the index reads; an amount without a natural form as its total), rates as they are.
   */
  rows: IndicatorRow[];
  /** The same indicators as published (amounts as totals): the profile's `per=total`. */
  totals: IndicatorRow[];
  /** Judged on the size-free values the index reads, whatever the measure shown. */
  strengths: Standing[];
  weaknesses: Standing[];
  /** The strengths' and weaknesses' annual series (size-free, as judged) with the level's median, by indicator id. */
  series: Map<string, SeriesPoint[]>;
  neighbours: Neighbour[];
  /** Regions: against its own target or the province's path; the province: its targets. */
  progress: RegionProgress[];
  assessments: TargetAssessment[];
  warnings: Warning[];
}

export interface ProfileInput {
  region: Region;
  regions: readonly Region[];
  /** The catalogue. */
  indicators: readonly Indicator[];
  /** Every indicator of profileIndicators at the profile's level, by id. */
  data: ReadonlyMap<string, readonly Observation[]>;
  /** The targeted indicators at province level, by id. */
  provinceData: ReadonlyMap<string, readonly Observation[]>;
  year: string | null;
  weights: readonly number[] | null;
  norm: Norm;
  /** The latest year of the data (meta.lastYear): which target is current. */
  lastYear: number;
}

const valuesAt = (obs: readonly Observation[] | undefined, period: string) =>
  new Map((obs ?? []).filter((o) => o.period === period).map((o) => [o.region, o.value]));

/**
 * What a profile judges: `all`, or `standing` alone (the first screen's: year, base figures,
 * index, ranks, tiers and benchmarks; every other part empty).
 */
export type ProfilePart = "all" | "standing";

/** A region's profile. Scores, ranks and tiers come from computeIndex, as in Compare. */
export function buildProfile(input: ProfileInput, part: ProfilePart = "all"): Profile {
  const steps = profileSteps(input, part);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Observations in the given periods only. */
const inPeriods = (obs: readonly Observation[] | undefined, periods: ReadonlySet<string>) =>
  (obs ?? []).filter((o) => periods.has(o.period));

/**
 * buildProfile in steps: the generator pauses (yields) between its parts, so that a caller on
 * the main thread could let the browser paint and handle input between them; run to the end, it
 * is buildProfile. Each part reads only the input, never the clock. (use-profile.ts judged the
 * first full profile a step per task, drawn in a transition: Lighthouse's simulated LCP of the
 * profile rose from ~3.5 s to ~6 s in three interleaved pairs, though the observed paint came
 * earlier; not understood yet, so it is not used there.)
 */
export function* profileSteps(input: ProfileInput, part: ProfilePart = "all"): Generator<void, Profile, void> {
  const { region, regions, indicators, data, provinceData, weights, norm, lastYear } = input;
  const all = part === "all";
  const level = profileLevel(region, regions);
  const province = regions.find((r) => r.level === "province");
  const atLevel = profileIndicators(indicators, level);
  const own = atLevel.filter((i) => !i.context);
  const year = indexYear(atLevel, data, input.year);
  const units = level === "province" ? [] : regionsAtLevel(regions, level);
  const codes = units.map((u) => u.code);

  const base = atLevel
    .filter((i) => i.context && (i.id === "population" || i.id === "gdp"))
    .flatMap((indicator): BaseFigure[] => {
      const mine = (data.get(indicator.id) ?? [])
        .filter((o) => o.region === region.code && !isQuarter(o.period) && o.value !== null && (!year || o.period <= year))
        .sort((a, b) => byCodeUnits(b.period, a.period))[0];
      return mine ? [{ indicator, value: mine.value as number, period: mine.period, status: mine.status }] : [];
    });

  // Each indicator as the index reads it (an amount ÷ its natural denominator, a rate as it is),
  // or as published when it does not enter (an amount without a natural form).
  const entries = own.map((ind) => indexEntry(ind, indicators, level));
  // The rows read the year and the year before: only those are divided (a tenth of the series);
  // the strengths' and weaknesses' charts divide their whole series below.
  const rowYears = new Set(year ? [year, previousYear(year)] : []);
  const rowData = new Map([...data].map(([id, obs]) => [id, inPeriods(obs, rowYears)] as const));
  const sizeFree = new Map(
    entries.flatMap((e) => (e.form === "out" ? [] : [[e.indicator.id, indexObservations(e, rowData)] as const])),
  );
  const rowOf = (indicator: Indicator, obs: readonly Observation[], form: IndicatorRow["form"]): IndicatorRow => {
    const now = year ? obs.find((o) => o.region === region.code && o.period === year) : undefined;
    const before = year ? obs.find((o) => o.region === region.code && o.period === previousYear(year)) : undefined;
    const value = now?.value ?? null;
    const standing =
      year && level !== "province"
        ? standingOf(region.code, { id: indicator.id, direction: indicator.direction, values: valuesAt(obs, year) })
        : null;
    return {
      indicator,
      form,
      value,
      status: now?.status ?? null,
      change: change(indicator, value, before?.value ?? null),
      standing,
    };
  };
  const rows: IndicatorRow[] = all
    ? entries.map((e) =>
        e.form === "out"
          ? rowOf(e.indicator, rowData.get(e.indicator.id) ?? [], "total")
          : rowOf(indexedIndicator(e), sizeFree.get(e.indicator.id) ?? [], e.form),
      )
    : [];
  const totals: IndicatorRow[] = all
    ? own.map((ind) =>
        rowOf(ind, rowData.get(ind.id) ?? [], entries.find((e) => e.indicator === ind)?.form === "as-is" ? "as-is" : "total"),
      )
    : [];
  // Strengths and weaknesses compare regions on what the index compares them on: size-free
  // values only (a total's percentile would only say how big a region is).
  const entering = new Set(sizeFree.keys());
  const { strengths, weaknesses } = strengthsAndWeaknesses(
    rows.flatMap((r) => (r.standing && entering.has(r.indicator.id) ? [r.standing] : [])),
  );
  if (all) yield;

  let index: IndexResult | null = null;
  const standing: PillarStanding[] = [];
  let scoredPillars = 0;
  let neighbours: Neighbour[] = [];
  if (year && level !== "province") {
    const input = indexInputs(indicators, level, data, year);
    index = computeIndex(codes, input, weights, norm);
    const result = index;
    const row = result.rows.find((r) => r.code === region.code);
    scoredPillars = row ? result.pillars.filter((p) => row.pillars[p] !== null).length : 0;
    const benchmarks = benchmarksFor(region, units, level, regions);
    const entered = new Set(result.pillars.flatMap((p) => result.indicators[p]));
    // Each benchmark aggregates the size-free values by the ratio's own rule: a ratio of sums
    // (the mean weighted by the denominators) for an amount, a rate by its weight.
    const byId = new Map(input.map((i) => [i.id, i]));
    const forBench = entries.flatMap((e) => {
      const inp = byId.get(e.indicator.id);
      if (e.form === "out" || !inp || !entered.has(inp.id)) return [];
      const { aggregation } = indexedIndicator(e);
      return [
        {
          ...inp,
          aggregation,
          weights: aggregation.method === "weighted-mean" ? valuesAt(data.get(aggregation.weight), year) : undefined,
        },
      ];
    });
    const benchScores = benchmarks.map((b) => ({
      kind: b.kind,
      scores: benchmarkPillarScores(b.members, codes, forBench, norm),
    }));
    const w = weightsOrEqual(weights);
    const benchIndex = (scores: Map<string, number | null>) => {
      const have = result.pillars.filter((p) => w[PILLARS.indexOf(p)] > 0 && scores.get(p) != null);
      const sum = have.reduce((a, p) => a + w[PILLARS.indexOf(p)], 0);
      return sum ? have.reduce((a, p) => a + w[PILLARS.indexOf(p)] * (scores.get(p) as number), 0) / sum : null;
    };
    const of = (scores: Map<string, number | null>) => [...scores.values()].filter((v) => v !== null).length;
    const entry = (pillar: Pillar | "index", scores: Map<string, number | null>): PillarStanding => {
      const tiers = tiersOf(scores);
      return {
        pillar,
        score: scores.get(region.code) ?? null,
        rank: directedRanks(scores, "higher").get(region.code) ?? null,
        of: of(scores),
        tier: tiers.tiers.get(region.code) ?? null,
        tiers,
        benchmarks: benchScores.map((b) => ({
          kind: b.kind,
          score: pillar === "index" ? benchIndex(b.scores) : (b.scores.get(pillar) ?? null),
        })),
      };
    };
    standing.push(entry("index", new Map(result.rows.map((r) => [r.code, r.index]))));
    for (const p of result.pillars) standing.push(entry(p, new Map(result.rows.map((r) => [r.code, r.pillars[p]]))));
    if (all) {
      yield;
      neighbours = nearestNeighbours(region.code, codes, input);
    }
  }

  let progress: RegionProgress[] = [];
  let assessments: TargetAssessment[] = [];
  if (province && all) {
    yield;
    const targeted = targetIndicators(indicators, province.code, level);
    if (level === "province") assessments = assessTargets(targeted, provinceData, province.code);
    else {
      progress = targeted.flatMap((ind) => {
        const target = currentTarget(ind, province.code, lastYear);
        const p = target && targetProgress(ind, target, provinceData.get(ind.id) ?? []);
        const r = p ? regionProgress(ind, p, data.get(ind.id) ?? [], region.code) : null;
        return r ? [r] : [];
      });
    }
  }
  if (all) yield;
  const entryOf = new Map(entries.map((e) => [e.indicator.id, e]));
  const series = new Map(
    [...strengths, ...weaknesses].map((s) => {
      const e = entryOf.get(s.indicator);
      const obs = e && e.form !== "out" ? indexObservations(e, data) : [];
      return [s.indicator, seriesWithMedian(obs, region.code, codes)] as const;
    }),
  );
  if (all && level !== "province") yield;
  const warnings = level === "province" || !all ? [] : detectWarnings(own, data, regions).filter((w) => w.region === region.code);

  return {
    region,
    level,
    units,
    year,
    years: all ? indexYears(atLevel, data) : year ? [year] : [],
    base,
    index,
    standing,
    scoredPillars,
    rows,
    totals,
    strengths,
    weaknesses,
    series,
    neighbours,
    progress,
    assessments,
    warnings,
  };
}

/** The rows the profile lists for the URL's `per`: as published for `total`, else size-free. */
export const rowsFor = (profile: Pick<Profile, "rows" | "totals">, per: string | null): IndicatorRow[] =>
  per === TOTAL ? profile.totals : profile.rows;

/** A region's annual series and its level's median, year by year, for a strength's or weakness's chart. */
export function seriesWithMedian(observations: readonly Observation[], region: string, units: readonly string[]): SeriesPoint[] {
  const wanted = new Set(units);
  const byYear = new Map<string, number[]>();
  const own = new Map<string, number | null>();
  for (const o of observations) {
    if (isQuarter(o.period) || !wanted.has(o.region)) continue;
    if (o.region === region) own.set(o.period, o.value);
    if (o.value !== null) {
      const list = byYear.get(o.period) ?? [];
      list.push(o.value);
      byYear.set(o.period, list);
    }
  }
  return [...new Set([...byYear.keys(), ...own.keys()])].sort().map((period) => {
    const xs = byYear.get(period) ?? [];
    return { period, value: own.get(period) ?? null, median: xs.length ? median(xs) : null };
  });
}
