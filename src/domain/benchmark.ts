import type { Aggregation, Level, Observation, Region, Status, Zone } from "../api/contract";
import { aggregate } from "./aggregate";
import { leastFinal, type MeasuredObservation, ratioOfSums } from "./intensity";
import { comparePeriods, yearOf } from "./periods";

export type BenchmarkKind = "city" | "zone" | "province";

/** A group of units of one level that a focused region is drawn against. */
export interface Benchmark {
  kind: BenchmarkKind;
  /** The city or the province the benchmark is named after; null for a zone. */
  region: Region | null;
  zone: Zone | null;
  /** The level of the units it averages: a county is compared with the average county, not with its city's total. */
  level: Level;
  /** The units it averages over. */
  members: string[];
}

/**
 * The benchmarks of a focused region, over `units` (every unit of the focus's level): its
 * city (for a county), its zone, the province. A city with no counties (Dongguan, Zhongshan)
 * has no city benchmark: at county level it is its own city.
 */
export function benchmarksFor(focus: Region, units: readonly Region[], level: Level, regions: readonly Region[]): Benchmark[] {
  const out: Benchmark[] = [];
  const city = focus.level === "county" ? regions.find((r) => r.code === focus.parent) : undefined;
  if (city) {
    out.push({
      kind: "city",
      region: city,
      zone: null,
      level,
      members: units.filter((u) => u.parent === city.code).map((u) => u.code),
    });
  }
  if (focus.zone) {
    const zone = focus.zone;
    out.push({ kind: "zone", region: null, zone, level, members: units.filter((u) => u.zone === zone).map((u) => u.code) });
  }
  const province = regions.find((r) => r.level === "province") ?? null;
  out.push({ kind: "province", region: province, zone: null, level, members: units.map((u) => u.code) });
  return out;
}

/**
 * A benchmark's value by the indicator's own rule. Weighted mean: Σ value·weight / Σ weight
 * over the members with both (never a plain mean of rates). Sum: the average per unit, i.e.
 * the members' total ÷ the number of members with a value, so a missing value neither counts
 * as zero nor shrinks the average. `units` is how many members contributed.
 */
export function benchmarkValue(
  members: readonly string[],
  values: ReadonlyMap<string, number | null>,
  rule: Aggregation,
  weights?: ReadonlyMap<string, number | null>,
): { value: number | null; units: number } {
  if (rule.method === "sum") {
    const parts = members.map((m) => ({ value: values.get(m) ?? null }));
    const units = parts.filter((p) => p.value !== null).length;
    const total = aggregate(parts, rule);
    return { value: total === null ? null : total / units, units };
  }
  const parts = members.map((m) => ({ value: values.get(m) ?? null, weight: weights?.get(m) ?? null }));
  return {
    value: aggregate(parts, rule),
    units: parts.filter((p) => p.value !== null && p.weight !== null).length,
  };
}

/** The members' observations by period, in period order. */
function byPeriod<O extends Observation>(members: readonly string[], observations: readonly O[]): [string, O[]][] {
  const wanted = new Set(members);
  const groups = new Map<string, O[]>();
  for (const o of observations) {
    if (!wanted.has(o.region)) continue;
    const list = groups.get(o.period) ?? [];
    list.push(o);
    groups.set(o.period, list);
  }
  return [...groups].sort(([a], [b]) => comparePeriods(a, b));
}

// The least final status among the contributing figures: an average of estimates is an estimate.
const leastFinalOf = (contributing: readonly Observation[]): Status =>
  contributing.reduce<Status>((worst, o) => leastFinal(o.status, worst), "final");

/**
 * A measured indicator's benchmark path (per resident, per GDP, per km²): in each period,
 * Σ numerator ÷ Σ denominator × scale over the members with both (ratioOfSums), never a mean of
 * the members' ratios; its status is the least final of the contributing figures.
 */
export function ratioBenchmarkSeries(
  members: readonly string[],
  observations: readonly MeasuredObservation[],
  scale: number,
): Observation[] {
  return byPeriod(members, observations).map(([period, list]) => ({
    region: "",
    period,
    value: ratioOfSums(list, scale),
    status: leastFinalOf(list.filter((o) => o.numerator !== null && o.denominator !== null)),
  }));
}

/**
 * A benchmark's path: one observation per period the members have. A quarter's weight is the
 * weight of that quarter when published, else of its year (weights such as villages or GDP
 * are annual).
 */
export function benchmarkSeries(
  members: readonly string[],
  rule: Aggregation,
  observations: readonly Observation[],
  weightObservations: readonly Observation[] = [],
): Observation[] {
  const wanted = new Set(members);
  const weightAt = new Map<string, Map<string, number | null>>();
  for (const o of weightObservations) {
    if (!wanted.has(o.region)) continue;
    const m = weightAt.get(o.period) ?? new Map<string, number | null>();
    m.set(o.region, o.value);
    weightAt.set(o.period, m);
  }
  return byPeriod(members, observations).map(([period, list]) => {
    const values = new Map(list.map((o) => [o.region, o.value]));
    const weights = weightAt.get(period) ?? weightAt.get(String(yearOf(period)));
    const { value } = benchmarkValue(members, values, rule, weights);
    const contributing = list.filter(
      (o) => o.value !== null && (rule.method === "sum" || (weights?.get(o.region) ?? null) !== null),
    );
    return { region: "", period, value, status: leastFinalOf(contributing) };
  });
}
