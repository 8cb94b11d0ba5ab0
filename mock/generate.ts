/**
 * The seeded simulated dataset: the real region tree, the indicator catalogue, and values
 * calibrated to the province's published figures, spread over cities and counties with a
 * Pearl River Delta > wings > north gradient. Same seed, same bytes.
 */
import type { Indicator, Level, Meta, Observation, Region, Status } from "../src/api/contract";
import { regionsAtLevel } from "../src/api/filter";
import { aggregate, roundTo } from "../src/domain/aggregate";
import { comparePeriods } from "../src/domain/periods";
import { CATALOGUE } from "./catalogue";
import { type IndicatorSpec, isRatio, type PathSim, type RatioSim } from "./catalogue-types";
import { decomposeTargets } from "./decompose";
import { IRREGULARITIES, type Irregularity } from "./irregularities";
import { cityProfiles, type Profile, unitProfiles } from "./profiles";
import { normal, uniform } from "./random";
import { buildRegions, PROVINCE_CODE } from "./regions";

export { IRREGULARITIES, type Irregularity } from "./irregularities";

export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2025;
export const DEFAULT_SEED = "gd-digital-economy-v1";

/** Policy dates from guangdong-facts.md, marked on time-series charts. */
const MILESTONES: Meta["milestones"] = [
  {
    date: "2021-09-01",
    label: { zh: "《广东省数字经济促进条例》施行", en: "Digital Economy Promotion Regulations in force" },
  },
  {
    date: "2024-09-24",
    label: { zh: "数字人才培育措施（粤人社规〔2024〕18号）", en: "Digital talent measures (粤人社规〔2024〕18号)" },
  },
];

/** Everything a backend serves, in memory. */
export interface Dataset {
  meta: Meta;
  regions: Region[];
  indicators: Indicator[];
  /** Per indicator id: every observation at every level it exists at. */
  observations: Map<string, Observation[]>;
}

type Cell = { value: number | null; status: Status };
/** code → period → cell */
type Table = Map<string, Map<string, Cell>>;

const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
/** Quarterly flows: how a year's total typically splits (the fourth quarter is the busiest). */
const SEASON = [0.22, 0.24, 0.25, 0.29];

/** The province path from the anchors: geometric between anchors (linear for rates). */
export function provincePath(spec: IndicatorSpec, year: number): number | null {
  const sim = pathSim(spec);
  if (sim.since !== undefined && year < sim.since) return null;
  const pts = Object.entries(sim.anchors)
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
  if (pts.length === 1) return pts[0][1];
  const linear = sim.measure === "rate";
  let i = pts.findIndex(([y]) => y >= year);
  if (i <= 0) i = i === 0 ? 1 : pts.length - 1; // extrapolate along the nearest segment
  const [[y0, v0], [y1, v1]] = [pts[i - 1], pts[i]];
  const t = (year - y0) / (y1 - y0);
  return linear ? v0 + (v1 - v0) * t : v0 * (v1 / v0) ** t;
}

function pathSim(spec: IndicatorSpec): PathSim {
  if (isRatio(spec.sim)) throw new Error(`${spec.id}: a ratio has no path of its own`);
  return spec.sim;
}

/**
 * The most a stock's region share drifts a year (±1%): stocks (population, villages,
 * enterprises, stations…) move slowly, so a county's y/y change stays within about a point
 * of the province's and never falls more than 2% while the province does not fall.
 */
const STOCK_DRIFT = 0.01;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The shift c in [-30, 30] at which f(c) = target, for f increasing (bisection). */
function solve(f: (c: number) => number, target: number): number {
  let [lo, hi] = [-30, 30];
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

interface Context {
  regions: Region[];
  counties: Profile[];
  cities: Profile[];
  seed: string;
  /** The years simulated, oldest first (YEARS unless a scale asks for more or fewer). */
  years: readonly number[];
  /** Published tables of the indicators generated so far (weights for rates). */
  done: Map<string, Table>;
  /** The deliberate irregularities to put in (IRREGULARITIES unless asked otherwise). */
  irregularities: readonly Irregularity[];
}

/** Raw (unrounded) values of one indicator for the units it is simulated at, by year. */
function simulateUnits(spec: IndicatorSpec, units: Profile[], ctx: Context): Map<string, Map<number, number>> {
  const { id } = spec;
  const sim = pathSim(spec);
  const out = new Map<string, Map<number, number>>(units.map((u) => [u.code, new Map()]));
  const meanDigital = units.reduce((s, u) => s + u.digital, 0) / units.length;
  // Stocks are levels that move slowly: no noise of their own each year, and a drift of the
  // region's share bounded by STOCK_DRIFT (flows and rates keep a yearly wobble).
  const stock = sim.measure === "stock";
  // Memoised: the same numbers, drawn once per unit and year instead of on every bisection
  // step (which made thousands of synthetic regions unaffordable).
  const noises = new Map<Profile, Map<number, number>>();
  const noise = (u: Profile, year: number) => {
    const byYear = noises.get(u) ?? new Map<number, number>();
    noises.set(u, byYear);
    let n = byYear.get(year);
    if (n === undefined) {
      const level = sim.spread * normal(ctx.seed, id, u.code);
      n = stock
        ? level + STOCK_DRIFT * Math.tanh(u.drift / 0.02) * (year - 2021.5)
        : level + u.drift * (year - 2021.5) + 0.03 * normal(ctx.seed, id, u.code, year);
      byYear.set(year, n);
    }
    return n;
  };
  // Published city figures, each city's oldest first.
  const published = new Map<string, [number, number][]>(
    Object.entries(sim.cityAnchors ?? {}).map(([city, byYear]) => [
      city,
      Object.entries(byYear)
        .map(([y, v]): [number, number] => [Number(y), v])
        .sort((a, b) => a[0] - b[0]),
    ]),
  );

  if (spec.aggregation.method === "sum" && sim.partOf === undefined) {
    const basis = sim.basis ?? "gdp";
    const raw = (u: Profile, year: number) =>
      u.basis[basis] * Math.exp(1.5 * sim.tilt * (u.digital - meanDigital) + noise(u, year));
    // A city with published figures keeps, in each of their years, the share of the province
    // that meets the figure: a multiplier on its simulated share, which moves geometrically
    // between two such years and stays as it is before the first and after the last.
    const multipliers = new Map<string, [number, number][]>();
    for (const [city, list] of published) {
      multipliers.set(
        city,
        list.map(([year, value]): [number, number] => {
          const total = units.reduce((s, u) => s + raw(u, year), 0);
          const p = provincePath(spec, year) as number;
          const cityShare = units.filter((u) => u.city === city).reduce((s, u) => s + raw(u, year), 0) / total;
          return [year, value / p / cityShare];
        }),
      );
    }
    const multiplierAt = (city: string, year: number) => {
      const list = multipliers.get(city);
      if (!list) return undefined;
      const i = list.findIndex(([y]) => y >= year);
      if (i === -1) return list[list.length - 1][1];
      if (i === 0 || list[i][0] === year) return list[i][1];
      const [[y0, m0], [y1, m1]] = [list[i - 1], list[i]];
      return m0 * (m1 / m0) ** ((year - y0) / (y1 - y0));
    };
    const everyCity = units.every((u) => multipliers.has(u.city));
    for (const year of ctx.years) {
      const p = provincePath(spec, year);
      if (p === null) continue;
      const total = units.reduce((s, u) => s + raw(u, year), 0);
      const m = new Map([...multipliers.keys()].map((city) => [city, multiplierAt(city, year) as number]));
      if (!everyCity) {
        // Cities with figures keep their (interpolated) shares; the others share what is left.
        const fixed = units.filter((u) => m.has(u.city));
        const fixedShare = fixed.reduce((s, u) => s + (raw(u, year) / total) * (m.get(u.city) as number), 0);
        const restTotal = units.filter((u) => !m.has(u.city)).reduce((s, u) => s + raw(u, year), 0);
        for (const u of units) {
          const k = m.get(u.city);
          const share = k !== undefined ? (raw(u, year) / total) * k : (raw(u, year) / restTotal) * (1 - fixedShare);
          out.get(u.code)?.set(year, p * share);
        }
        continue;
      }
      // Every city has figures (GDP): those published this year are met, and the province is
      // then their sum if all are; the others share what is left by their (multiplied) shares.
      const exact = (u: Profile) => published.get(u.city)?.some(([y]) => y === year) ?? false;
      const weight = (u: Profile) => (raw(u, year) / total) * (m.get(u.city) as number);
      const exactShare = units.filter(exact).reduce((s, u) => s + weight(u), 0);
      const othersShare = units.filter((u) => !exact(u)).reduce((s, u) => s + weight(u), 0);
      for (const u of units) {
        const share = exact(u) ? weight(u) : (weight(u) / othersShare) * (1 - exactShare);
        out.get(u.code)?.set(year, p * share);
      }
    }
    return out;
  }

  // Rates, and sums that are a part of a whole: a logistic model keeps every rate (or share of
  // the whole) inside 0…max while the weighted mean of the units is solved to equal the
  // province's path exactly (for a part: the path ÷ the whole's published total).
  const weightId = sim.partOf ?? (spec.aggregation.method === "weighted-mean" ? spec.aggregation.weight : undefined);
  const weightTable = weightId === undefined ? undefined : ctx.done.get(weightId);
  if (!weightTable) throw new Error(`${id}: ${weightId} must be generated first`);
  const max = sim.max ?? 100;
  const part = sim.partOf !== undefined;
  const base = (u: Profile, year: number) => 1.2 * sim.tilt * (u.digital - meanDigital) + noise(u, year);
  const weight = (u: Profile, year: number) => weightTable.get(u.code)?.get(String(year))?.value ?? 0;
  const mean = (list: Profile[], year: number, shift: (u: Profile) => number) => {
    let num = 0;
    let den = 0;
    for (const u of list) {
      const w = weight(u, year);
      num += w * max * sigmoid(base(u, year) + shift(u));
      den += w;
    }
    return num / den;
  };
  const totalWeight = (list: Profile[], year: number) => list.reduce((s, u) => s + weight(u, year), 0);
  // What the weighted mean must be: a rate's value, or a part's value as a % of its whole.
  const rateOf = (list: Profile[], year: number, value: number) => (part ? (100 * value) / totalWeight(list, year) : value);
  // An anchored city's shift relative to everyone else's, solved so that at its figure's year
  // the city meets its figure while the others still make up the province's path (repeated
  // when several cities are anchored, each fixed while the others' shifts are solved).
  const anchored = new Map<string, [number, number]>();
  for (const [city, list] of published) {
    if (list.length > 1) throw new Error(`${id}: a rate's city figure is for one year only (${city})`);
    anchored.set(city, list[0]);
  }
  const offset = new Map<string, number>();
  for (let round = 0; round < (anchored.size > 1 ? 12 : 1); round++) {
    for (const [city, [year, value]] of anchored) {
      const p = provincePath(spec, year) as number;
      const members = units.filter((u) => u.city === city);
      const own = solve((x) => mean(members, year, () => x), rateOf(members, year, value));
      const rest = solve(
        (x) => mean(units, year, (u) => (u.city === city ? own : x + (offset.get(u.city) ?? 0))),
        rateOf(units, year, p),
      );
      offset.set(city, own - rest);
    }
  }
  for (const year of ctx.years) {
    const p = provincePath(spec, year);
    if (p === null) continue;
    const c = solve((x) => mean(units, year, (u) => x + (offset.get(u.city) ?? 0)), rateOf(units, year, p));
    for (const u of units) {
      const rate = max * sigmoid(base(u, year) + c + (offset.get(u.city) ?? 0));
      out.get(u.code)?.set(year, part ? (weight(u, year) * rate) / 100 : rate);
    }
  }
  return out;
}

function statusOf(spec: IndicatorSpec, code: string, period: string, level: "unit" | "city", seed: string): Status {
  if (period.startsWith(String(LAST_YEAR))) return "preliminary";
  if (spec.context) return "final";
  const year = period.slice(0, 4);
  return uniform(seed, spec.id, code, year, "estimated") < (level === "unit" ? 0.04 : 0.015) ? "estimated" : "final";
}

/** Quarters of one unit's year, from its published annual values. */
function quarters(
  spec: IndicatorSpec,
  code: string,
  year: number,
  cur: number,
  prev: number | null,
  next: number | null,
  seed: string,
): number[] {
  const d = spec.decimals;
  if (spec.sim.measure === "flow") {
    const s = SEASON.map((w, k) => w * (1 + 0.05 * normal(seed, spec.id, code, year, k)));
    const total = s.reduce((a, b) => a + b, 0);
    const first = s.slice(0, 3).map((w) => roundTo((cur * w) / total, d));
    return [...first, roundTo(cur - first.reduce((a, b) => a + b, 0), d)];
  }
  // Stocks: the year's value is its fourth quarter; earlier quarters climb from last year's.
  const from = prev ?? (pathSim(spec).since === year ? 0 : next !== null && next > 0 ? (cur * cur) / next : cur);
  return [1, 2, 3].map((k) => roundTo(from + ((cur - from) * k) / 4, d)).concat(cur);
}

function generateIndicator(spec: IndicatorSpec, ctx: Context): Table {
  const table: Table = new Map();
  const set = (code: string, period: string, cell: Cell) => {
    const row = table.get(code) ?? new Map<string, Cell>();
    row.set(period, cell);
    table.set(code, row);
  };
  if (isRatio(spec.sim)) return generateRatio(spec, spec.sim, ctx);
  const sim = spec.sim;
  const d = spec.decimals;
  const levels = new Set(spec.levels);

  if (!levels.has("city") && !levels.has("county")) {
    for (const y of ctx.years) {
      const p = provincePath(spec, y);
      set(PROVINCE_CODE, String(y), {
        value: p === null ? null : roundTo(p, d),
        status: statusOf(spec, PROVINCE_CODE, String(y), "city", ctx.seed),
      });
    }
    return table;
  }

  const atCounty = levels.has("county");
  const units = atCounty ? ctx.counties : ctx.cities;
  const raw = simulateUnits(spec, units, ctx);
  const quarterly = spec.frequency === "quarterly";
  if (quarterly && spec.aggregation.method !== "sum") throw new Error(`${spec.id}: quarterly rates are not simulated`);

  // 1. Units: published values, rounded. Sums are apportioned so that they still add up to
  // the province's figure, each city with a figure published that year apart so that it meets
  // it exactly (the other units then make up the rest of the province's rounded total); rates
  // are rounded, then nudged where rounding parts a figure from its anchor.
  const sum = spec.aggregation.method === "sum";
  const publishedIn = (year: number) =>
    new Set(Object.keys(sim.cityAnchors ?? {}).filter((c) => sim.cityAnchors?.[c]?.[year] !== undefined));
  const rounded = new Map<string, Map<number, number>>(units.map((u) => [u.code, new Map()]));
  const put = (group: Profile[], values: number[], y: number) =>
    group.forEach((u, i) => {
      rounded.get(u.code)?.set(y, values[i]);
    });
  const rawAt = (u: Profile, y: number) => raw.get(u.code)?.get(y) as number;
  for (const y of ctx.years) {
    if (units.some((u) => raw.get(u.code)?.get(y) === undefined)) continue;
    if (!sum) {
      put(
        units,
        units.map((u) => roundTo(rawAt(u, y), d)),
        y,
      );
      continue;
    }
    const cities = publishedIn(y);
    let taken = 0;
    for (const city of cities) {
      const group = units.filter((u) => u.city === city);
      const values = apportion(
        group.map((u) => rawAt(u, y)),
        d,
      );
      put(group, values, y);
      taken += values.reduce((a, b) => a + b, 0);
    }
    const rest = units.filter((u) => !cities.has(u.city));
    const total = roundTo(
      units.reduce((s, u) => s + rawAt(u, y), 0),
      d,
    );
    const restValues = rest.map((u) => rawAt(u, y));
    put(rest, apportion(restValues, d, cities.size ? total - taken : undefined), y);
  }
  if (!sum) meetRateAnchors(spec, sim, units, rounded, ctx);
  const withheld = applyIrregularities(spec, rounded, ctx.years, ctx.irregularities);
  const truth = new Map<string, Map<string, number | null>>();
  for (const u of units) {
    const years = rounded.get(u.code) as Map<number, number>;
    const missing = atCounty && !spec.context && uniform(ctx.seed, spec.id, u.code, "missing") < 0.02;
    const t = new Map<string, number | null>();
    for (const y of ctx.years) {
      const value = years.get(y) ?? null;
      t.set(String(y), value);
      const published = (missing && y <= 2019) || withheld.has(`${u.code}@${y}`) ? null : value;
      set(u.code, String(y), { value: published, status: statusOf(spec, u.code, String(y), "unit", ctx.seed) });
    }
    if (quarterly) {
      for (const y of ctx.years) {
        const cur = t.get(String(y)) ?? null;
        const status = statusOf(spec, u.code, String(y), "unit", ctx.seed);
        if (cur === null) {
          for (const k of [1, 2, 3, 4]) {
            t.set(`${y}Q${k}`, null);
            set(u.code, `${y}Q${k}`, { value: null, status });
          }
          continue;
        }
        const qs = quarters(spec, u.code, y, cur, t.get(String(y - 1)) ?? null, t.get(String(y + 1)) ?? null, ctx.seed);
        qs.forEach((q, k) => {
          const period = `${y}Q${k + 1}`;
          t.set(period, q);
          set(u.code, period, { value: (missing && y <= 2019) || withheld.has(`${u.code}@${y}`) ? null : q, status });
        });
      }
    }
    truth.set(u.code, t);
  }

  // 2. Parents aggregate their children's true values by the indicator's rule: a value a
  // county withheld still counts in its city's total, as in official tables.
  const weightTable = spec.aggregation.method === "weighted-mean" ? ctx.done.get(spec.aggregation.weight) : undefined;
  const weightOf = (code: string, period: string) => weightTable?.get(code)?.get(period)?.value ?? null;
  const periods = [...(truth.values().next().value?.keys() ?? [])];
  const aggregateUp = (children: Map<string, string[]>, status: "city" | "province") => {
    for (const [parent, kids] of children) {
      const t = new Map<string, number | null>();
      for (const period of periods) {
        const parts = kids.map((k) => ({ value: truth.get(k)?.get(period) ?? null, weight: weightOf(k, period) }));
        const v = aggregate(parts, spec.aggregation);
        const value = v === null ? null : roundTo(v, d);
        t.set(period, value);
        set(parent, period, {
          value,
          status:
            status === "province" && !period.startsWith(String(LAST_YEAR))
              ? "final"
              : statusOf(spec, parent, period, "city", ctx.seed),
        });
      }
      truth.set(parent, t);
    }
  };
  if (atCounty) {
    const byCity = new Map<string, string[]>();
    for (const u of units) {
      // A city without counties is its own unit: it is already published.
      if (u.code === u.city) continue;
      byCity.set(u.city, [...(byCity.get(u.city) ?? []), u.code]);
    }
    aggregateUp(byCity, "city");
  }
  aggregateUp(new Map([[PROVINCE_CODE, ctx.cities.map((c) => c.code)]]), "province");
  return table;
}

/**
 * The deliberate irregularities of one indicator (`IRREGULARITIES`), applied to its units'
 * rounded values before anything is aggregated, so that the parents carry them by the
 * indicator's rule. Returns the cells (`code@year`) to publish as null: a discontinued
 * series, whose true value still counts in its parent, like any withheld value.
 */
function applyIrregularities(
  spec: IndicatorSpec,
  rounded: Map<string, Map<number, number>>,
  years: readonly number[],
  irregularities: readonly Irregularity[],
) {
  const withheld = new Set<string>();
  const d = spec.decimals;
  for (const x of irregularities) {
    const row = rounded.get(x.region);
    if (x.indicator !== spec.id || !row) continue;
    const from = Number(x.period);
    const original = new Map(row);
    for (const y of years) {
      const [v, before, now] = [row.get(y), original.get(y - 1), original.get(y)];
      if (y < from || v === undefined) continue;
      if (x.kind === "break") row.set(y, roundTo(v * (x.factor ?? 1), d));
      else if (x.kind === "slip" && y === from) row.set(y, roundTo(v * (x.factor ?? 1), d));
      else if (x.kind === "discontinued") withheld.add(`${x.region}@${y}`);
      else if (x.kind === "decline" && before !== undefined && now !== undefined) {
        // Two falls from the year before's (already lowered) value; later years grow from
        // the lower level as they would have.
        const change = y === from ? x.falls?.[0] : y === from + 1 ? x.falls?.[1] : now / before - 1;
        row.set(y, roundTo((row.get(y - 1) as number) * (1 + (change ?? 0)), d));
      }
    }
  }
  return withheld;
}

/**
 * Rates are rounded unit by unit, so a city's (or the province's) weighted mean of the rounded
 * values can miss its published figure by a unit of the last decimal: nudge the units with the
 * largest weights by that unit until the city meets its `cityAnchors` figure and the province
 * its anchor, as published (cities first; the province then moves only the other cities).
 */
function meetRateAnchors(
  spec: IndicatorSpec,
  sim: PathSim,
  units: Profile[],
  rounded: Map<string, Map<number, number>>,
  ctx: Context,
): void {
  if (spec.aggregation.method !== "weighted-mean") return;
  const d = spec.decimals;
  const [ulp, max] = [10 ** -d, sim.max ?? 100];
  const weights = ctx.done.get(spec.aggregation.weight);
  const weight = (code: string, year: number) => weights?.get(code)?.get(String(year))?.value ?? null;
  const byCity = new Map<string, Profile[]>();
  for (const u of units) byCity.set(u.city, [...(byCity.get(u.city) ?? []), u]);
  const mean = (parts: { value: number | null; weight: number | null }[]) => {
    const v = aggregate(parts, spec.aggregation);
    return v === null ? null : roundTo(v, d);
  };
  const cityValue = (city: string, year: number) =>
    mean((byCity.get(city) ?? []).map((u) => ({ value: rounded.get(u.code)?.get(year) ?? null, weight: weight(u.code, year) })));
  const provinceValue = (year: number) =>
    mean([...byCity.keys()].map((city) => ({ value: cityValue(city, year), weight: weight(city, year) })));
  const nudge = (year: number, candidates: Profile[], current: () => number | null, target: number) => {
    const order = [...candidates].sort((a, b) => (weight(b.code, year) ?? 0) - (weight(a.code, year) ?? 0));
    for (let step = 0; step < 4 * order.length; step++) {
      const now = current();
      if (now === null || now === target) return;
      const row = rounded.get(order[step % order.length].code);
      const v = roundTo((row?.get(year) ?? 0) + Math.sign(target - now) * ulp, d);
      if (row?.has(year) && v >= 0 && v <= max) row.set(year, v);
    }
  };
  const cityAnchors = Object.entries(sim.cityAnchors ?? {}).flatMap(([city, byYear]) =>
    Object.entries(byYear).map(([y, v]) => ({ city, year: Number(y), value: roundTo(v, d) })),
  );
  for (const a of cityAnchors) {
    if (!ctx.years.includes(a.year)) continue;
    nudge(a.year, byCity.get(a.city) ?? [], () => cityValue(a.city, a.year), a.value);
  }
  for (const [y, v] of Object.entries(sim.anchors)) {
    const year = Number(y);
    if (!ctx.years.includes(year) || (sim.since !== undefined && year < sim.since)) continue;
    const fixed = new Set(cityAnchors.filter((a) => a.year === year).map((a) => a.city));
    nudge(
      year,
      units.filter((u) => !fixed.has(u.city)),
      () => provinceValue(year),
      roundTo(v, d),
    );
  }
}

/**
 * A ratio's table: 100 × numerator ÷ denominator from their published (rounded) values, at
 * every region and year, then rounded. Null where a part is withheld; estimated where a part is.
 */
function generateRatio(spec: IndicatorSpec, sim: RatioSim, ctx: Context): Table {
  const { numerator, denominator } = sim.ratio;
  const [num, den] = [ctx.done.get(numerator), ctx.done.get(denominator)];
  if (!num || !den) throw new Error(`${spec.id}: ${numerator} and ${denominator} must be generated first`);
  if (spec.frequency !== "annual") throw new Error(`${spec.id}: ratios are annual`);
  const levelOf = new Map(ctx.regions.map((r) => [r.code, r.level]));
  const table: Table = new Map();
  for (const [code, row] of num) {
    if (!spec.levels.includes(levelOf.get(code) as Level)) continue;
    const out = new Map<string, Cell>();
    for (const year of ctx.years) {
      const period = String(year);
      const [a, b] = [row.get(period), den.get(code)?.get(period)];
      if (!a || !b) throw new Error(`${spec.id}: no ${a ? denominator : numerator} for ${code} ${period}`);
      const value =
        a.value === null || b.value === null || b.value === 0 ? null : roundTo((100 * a.value) / b.value, spec.decimals);
      const status: Status =
        year === LAST_YEAR ? "preliminary" : a.status === "estimated" || b.status === "estimated" ? "estimated" : "final";
      out.set(period, { value, status });
    }
    table.set(code, out);
  }
  return table;
}

/**
 * Rounds parts to `decimals` so that they add up to their rounded total, or to `total` when
 * given (largest remainder): small counts spread over 124 counties would otherwise lose much
 * of the province's figure.
 */
export function apportion(values: readonly number[], decimals: number, total?: number): number[] {
  const f = 10 ** decimals;
  const scaled = values.map((v) => v * f);
  const floors = scaled.map(Math.floor);
  let left = Math.round(total === undefined ? scaled.reduce((a, b) => a + b, 0) : total * f) - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  // Largest remainders first, round again for a total further off (the other groups rounded
  // the other way); a total below the floors takes units back, smallest remainders first.
  while (left > 0 && order.length > 0) {
    for (const [, i] of order) {
      if (left <= 0) break;
      floors[i] += 1;
      left -= 1;
    }
  }
  while (left < 0 && floors.some((v) => v > 0)) {
    for (const [, i] of [...order].reverse()) {
      if (left >= 0) break;
      if (floors[i] <= 0) continue;
      floors[i] -= 1;
      left += 1;
    }
  }
  return floors.map((v) => v / f);
}

/** What an indicator is computed from: a rate's weight, a part's whole, a ratio's parts. */
function dependencies(spec: IndicatorSpec): string[] {
  const deps = spec.aggregation.method === "weighted-mean" ? [spec.aggregation.weight] : [];
  if (isRatio(spec.sim)) deps.push(spec.sim.ratio.numerator, spec.sim.ratio.denominator);
  else if (spec.sim.partOf !== undefined) deps.push(spec.sim.partOf);
  return deps;
}

/** Catalogue order, except that everything an indicator is computed from comes before it. */
function dependencyOrder(specs: readonly IndicatorSpec[]): IndicatorSpec[] {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const out: IndicatorSpec[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (spec: IndicatorSpec) => {
    if (state.get(spec.id) === "done") return;
    if (state.get(spec.id) === "visiting") throw new Error(`${spec.id} depends on itself`);
    state.set(spec.id, "visiting");
    for (const dep of dependencies(spec)) {
      const d = byId.get(dep);
      if (!d) throw new Error(`${spec.id}: ${dep} is not in the catalogue`);
      visit(d);
    }
    state.set(spec.id, "done");
    out.push(spec);
  };
  for (const spec of specs) visit(spec);
  return out;
}

function toObservations(table: Table, regionOrder: Map<string, number>): Observation[] {
  const rows: Observation[] = [];
  for (const [region, byPeriod] of table) {
    for (const [period, cell] of byPeriod) rows.push({ region, period, value: cell.value, status: cell.status });
  }
  return rows.sort(
    (a, b) => (regionOrder.get(a.region) ?? 0) - (regionOrder.get(b.region) ?? 0) || comparePeriods(a.period, b.period),
  );
}

/** Strips the simulation parameters: what the API serves of a catalogue entry. */
export const toIndicator = ({ sim, ...indicator }: IndicatorSpec): Indicator => ({ ...indicator, measure: sim.measure });

/**
 * A synthetic large dataset for the benchmark (`bench/scale.ts`): how the ranking, the table,
 * the index and data loading grow with the number of regions. Not Guangdong's tree: the 21
 * real cities keep their sizes, and `regions` made-up county-level units (codes 700001…) are
 * spread over the 19 cities that have counties, each drawn like a real one.
 */
export interface Scale {
  /** County-level units, Dongguan and Zhongshan included (the real tree has 124). */
  regions: number;
  /** Catalogue entries (weights kept first); beyond the catalogue, entries are cloned with a suffix. */
  indicators?: number;
  /** How many quarters the periods span, ending with LAST_YEAR: quarters / 4 years (default 32). */
  quarters?: number;
}

const SYNTHETIC_KINDS = ["district", "county-city", "county", "autonomous-county"] as const;

/** The region tree of a scale: the province, the 21 real cities, `regions` synthetic county-level units. */
export function scaledRegions(regions: readonly Region[], units: number, seed: string): Region[] {
  const cities = regions.filter((r) => r.level === "city");
  const withCounties = cities.filter((c) => regions.some((r) => r.parent === c.code));
  const n = Math.max(units - (cities.length - withCounties.length), withCounties.length);
  const counties = Array.from({ length: n }, (_, i): Region => {
    const city = withCounties[i % withCounties.length];
    const code = String(700001 + i);
    return {
      code,
      level: "county",
      parent: city.code,
      name: { zh: `模拟县${i + 1}`, en: `Synthetic county ${i + 1}` },
      zone: city.zone,
      kind: SYNTHETIC_KINDS[Math.floor(uniform(seed, "kind", code) * SYNTHETIC_KINDS.length)],
    };
  });
  return [...regions.filter((r) => r.level !== "county"), ...counties];
}

/** `count` catalogue entries, everything another entry is computed from included; past the catalogue, suffixed clones. */
export function scaledCatalogue(catalogue: readonly IndicatorSpec[], count: number): IndicatorSpec[] {
  const ordered = dependencyOrder(catalogue);
  const needed = new Set(catalogue.flatMap(dependencies));
  // Dependencies of dependencies too (a part's whole), in an order that generates.
  for (const spec of [...ordered].reverse()) if (needed.has(spec.id)) for (const dep of dependencies(spec)) needed.add(dep);
  const required = ordered.filter((s) => needed.has(s.id));
  const rest = ordered.filter((s) => !needed.has(s.id));
  const out = [...required, ...rest].slice(0, Math.max(count, required.length));
  for (let k = 2; out.length < count; k++) {
    for (const { headline: _headline, ...spec } of rest) {
      if (out.length >= count) break;
      out.push({ ...spec, id: `${spec.id}-x${k}` });
    }
  }
  return out;
}

export function generateDataset({
  seed = DEFAULT_SEED,
  catalogue = CATALOGUE,
  scale,
  irregularities = IRREGULARITIES,
}: {
  seed?: string;
  catalogue?: readonly IndicatorSpec[];
  /** The deliberate irregularities (default IRREGULARITIES; [] gives the data without them, for tests). */
  irregularities?: readonly Irregularity[];
  /** A synthetic large dataset instead of the real tree (benchmarks only). */
  scale?: Scale;
} = {}): Dataset {
  const specs = scale?.indicators === undefined ? catalogue : scaledCatalogue(catalogue, scale.indicators);
  const span = scale?.quarters === undefined ? YEARS.length : Math.max(1, Math.ceil(scale.quarters / 4));
  const years = span === YEARS.length ? YEARS : Array.from({ length: span }, (_, i) => LAST_YEAR - span + 1 + i);
  const regions = scale ? scaledRegions(buildRegions(), scale.regions, seed) : buildRegions();
  const counties = unitProfiles(regions, regionsAtLevel(regions, "county"));
  const ctx: Context = { regions, counties, cities: cityProfiles(counties), seed, years, done: new Map(), irregularities };
  for (const spec of dependencyOrder(specs)) ctx.done.set(spec.id, generateIndicator(spec, ctx));
  const regionOrder = new Map(regions.map((r, i) => [r.code, i]));
  const published = (id: string, code: string, period: string) => ctx.done.get(id)?.get(code)?.get(period)?.value ?? null;
  const cityCodes = regions.filter((r) => r.level === "city").map((r) => r.code);
  const withCityTargets = (spec: IndicatorSpec): Indicator => {
    const indicator = toIndicator(spec);
    if (!spec.sim.decompose || !spec.levels.includes("city")) return indicator;
    const cities = decomposeTargets(spec, cityCodes, PROVINCE_CODE, published, apportion);
    return { ...indicator, targets: [...indicator.targets, ...cities] };
  };
  return {
    meta: {
      title: { zh: "广东省数字经济发展监测", en: "Guangdong Digital Economy Monitor" },
      dataVersion: scale ? `sim-${seed}-scale-${scale.regions}` : `sim-${seed}`,
      // Fixed, not the clock: the snapshot must be the same bytes on every run.
      updatedAt: "2026-03-31T00:00:00+08:00",
      simulated: true,
      firstYear: years[0],
      lastYear: LAST_YEAR,
      milestones: MILESTONES,
    },
    regions,
    indicators: specs.map(withCityTargets),
    observations: new Map(specs.map((s) => [s.id, toObservations(ctx.done.get(s.id) as Table, regionOrder)])),
  };
}
