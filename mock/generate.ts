/**
 * The seeded simulated dataset: the real region tree, the indicator catalogue, and values
 * calibrated to the province's published figures, spread over cities and counties with a
 * Pearl River Delta > wings > north gradient. Same seed, same bytes.
 */
import type { Indicator, Meta, Observation, Region, Status } from "../src/api/contract";
import { regionsAtLevel } from "../src/api/filter";
import { aggregate, roundTo } from "../src/domain/aggregate";
import { comparePeriods } from "../src/domain/periods";
import { CATALOGUE } from "./catalogue";
import type { IndicatorSpec } from "./catalogue-types";
import { cityProfiles, type Profile, unitProfiles } from "./profiles";
import { normal, uniform } from "./random";
import { buildRegions, PROVINCE_CODE } from "./regions";

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
  if (spec.sim.since !== undefined && year < spec.sim.since) return null;
  const pts = Object.entries(spec.sim.anchors)
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
  if (pts.length === 1) return pts[0][1];
  const linear = spec.sim.measure === "rate";
  let i = pts.findIndex(([y]) => y >= year);
  if (i <= 0) i = i === 0 ? 1 : pts.length - 1; // extrapolate along the nearest segment
  const [[y0, v0], [y1, v1]] = [pts[i - 1], pts[i]];
  const t = (year - y0) / (y1 - y0);
  return linear ? v0 + (v1 - v0) * t : v0 * (v1 / v0) ** t;
}

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
}

/** Raw (unrounded) values of one indicator for the units it is simulated at, by year. */
function simulateUnits(spec: IndicatorSpec, units: Profile[], ctx: Context): Map<string, Map<number, number>> {
  const { sim, id } = spec;
  const out = new Map<string, Map<number, number>>(units.map((u) => [u.code, new Map()]));
  const meanDigital = units.reduce((s, u) => s + u.digital, 0) / units.length;
  // Memoised: the same numbers, drawn once per unit and year instead of on every bisection
  // step (which made thousands of synthetic regions unaffordable).
  const noises = new Map<Profile, Map<number, number>>();
  const noise = (u: Profile, year: number) => {
    const byYear = noises.get(u) ?? new Map<number, number>();
    noises.set(u, byYear);
    let n = byYear.get(year);
    if (n === undefined) {
      n = sim.spread * normal(ctx.seed, id, u.code) + u.drift * (year - 2021.5) + 0.03 * normal(ctx.seed, id, u.code, year);
      byYear.set(year, n);
    }
    return n;
  };
  const anchored = new Map<string, [number, number]>(
    Object.entries(sim.cityAnchors ?? {}).map(([city, byYear]) => {
      const [y, v] = Object.entries(byYear)[0];
      return [city, [Number(y), v]];
    }),
  );

  if (spec.aggregation.method === "sum") {
    const basis = sim.basis ?? "gdp";
    const raw = (u: Profile, year: number) =>
      u.basis[basis] * Math.exp(1.5 * sim.tilt * (u.digital - meanDigital) + noise(u, year));
    // A city with a published figure keeps its share of the province at that figure's year
    // in every year; the other cities share what is left.
    const multiplier = new Map<string, number>();
    for (const [city, [year, value]] of anchored) {
      const total = units.reduce((s, u) => s + raw(u, year), 0);
      const p = provincePath(spec, year) as number;
      const cityShare = units.filter((u) => u.city === city).reduce((s, u) => s + raw(u, year), 0) / total;
      multiplier.set(city, value / p / cityShare);
    }
    for (const year of ctx.years) {
      const p = provincePath(spec, year);
      if (p === null) continue;
      const total = units.reduce((s, u) => s + raw(u, year), 0);
      const fixed = units.filter((u) => multiplier.has(u.city));
      const fixedShare = fixed.reduce((s, u) => s + (raw(u, year) / total) * (multiplier.get(u.city) as number), 0);
      const restTotal = units.filter((u) => !multiplier.has(u.city)).reduce((s, u) => s + raw(u, year), 0);
      for (const u of units) {
        const m = multiplier.get(u.city);
        const share = m !== undefined ? (raw(u, year) / total) * m : (raw(u, year) / restTotal) * (1 - fixedShare);
        out.get(u.code)?.set(year, p * share);
      }
    }
    return out;
  }

  // Rates: a logistic model keeps every value inside 0…max while the weighted mean of the
  // units is solved to equal the province's path exactly.
  const weightTable = ctx.done.get(spec.aggregation.weight);
  if (!weightTable) throw new Error(`${id}: weight ${spec.aggregation.weight} must be generated first`);
  const max = sim.max ?? 100;
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
  const offset = new Map<string, number>();
  for (const [city, [year, value]] of anchored) {
    const p = provincePath(spec, year) as number;
    const members = units.filter((u) => u.city === city);
    const c = solve((x) => mean(members, year, () => x), value);
    offset.set(city, c - solve((x) => mean(units, year, () => x), p));
  }
  for (const year of ctx.years) {
    const p = provincePath(spec, year);
    if (p === null) continue;
    const c = solve((x) => mean(units, year, (u) => x + (offset.get(u.city) ?? 0)), p);
    for (const u of units) {
      out.get(u.code)?.set(year, max * sigmoid(base(u, year) + c + (offset.get(u.city) ?? 0)));
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
  const from = prev ?? (spec.sim.since === year ? 0 : next !== null && next > 0 ? (cur * cur) / next : cur);
  return [1, 2, 3].map((k) => roundTo(from + ((cur - from) * k) / 4, d)).concat(cur);
}

function generateIndicator(spec: IndicatorSpec, ctx: Context): Table {
  const table: Table = new Map();
  const set = (code: string, period: string, cell: Cell) => {
    const row = table.get(code) ?? new Map<string, Cell>();
    row.set(period, cell);
    table.set(code, row);
  };
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

  // 1. Units: published values, rounded (sums so that they still add up to the province's
  // figure); a few counties did not report in the early years.
  const rounded = new Map<string, Map<number, number>>(units.map((u) => [u.code, new Map()]));
  for (const y of ctx.years) {
    const values = units.map((u) => raw.get(u.code)?.get(y));
    if (values.some((v) => v === undefined)) continue;
    const published =
      spec.aggregation.method === "sum" ? apportion(values as number[], d) : (values as number[]).map((v) => roundTo(v, d));
    units.forEach((u, i) => {
      rounded.get(u.code)?.set(y, published[i]);
    });
  }
  const truth = new Map<string, Map<string, number | null>>();
  for (const u of units) {
    const years = rounded.get(u.code) as Map<number, number>;
    const missing = atCounty && !spec.context && uniform(ctx.seed, spec.id, u.code, "missing") < 0.02;
    const t = new Map<string, number | null>();
    for (const y of ctx.years) {
      const value = years.get(y) ?? null;
      t.set(String(y), value);
      const published = missing && y <= 2019 ? null : value;
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
          set(u.code, period, { value: missing && y <= 2019 ? null : q, status });
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
 * Rounds parts to `decimals` so that they add up to their rounded total (largest remainder):
 * small counts spread over 124 counties would otherwise lose much of the province's figure.
 */
export function apportion(values: readonly number[], decimals: number): number[] {
  const f = 10 ** decimals;
  const scaled = values.map((v) => v * f);
  const floors = scaled.map(Math.floor);
  let left = Math.round(scaled.reduce((a, b) => a + b, 0)) - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors.map((v) => v / f);
}

/** Catalogue order with every weight before the rates that use it. */
function dependencyOrder(specs: readonly IndicatorSpec[]): IndicatorSpec[] {
  const weights = new Set(specs.flatMap((s) => (s.aggregation.method === "weighted-mean" ? [s.aggregation.weight] : [])));
  return [...specs.filter((s) => weights.has(s.id)), ...specs.filter((s) => !weights.has(s.id))];
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
export const toIndicator = ({ sim: _sim, ...indicator }: IndicatorSpec): Indicator => indicator;

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

/** `count` catalogue entries, every weight a rate needs included; past the catalogue, suffixed clones. */
export function scaledCatalogue(catalogue: readonly IndicatorSpec[], count: number): IndicatorSpec[] {
  const ordered = dependencyOrder(catalogue);
  const weights = ordered.filter((s) =>
    catalogue.some((c) => c.aggregation.method === "weighted-mean" && c.aggregation.weight === s.id),
  );
  const rest = ordered.filter((s) => !weights.includes(s));
  const out = [...weights, ...rest].slice(0, Math.max(count, weights.length));
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
}: {
  seed?: string;
  catalogue?: readonly IndicatorSpec[];
  /** A synthetic large dataset instead of the real tree (benchmarks only). */
  scale?: Scale;
} = {}): Dataset {
  const specs = scale?.indicators === undefined ? catalogue : scaledCatalogue(catalogue, scale.indicators);
  const span = scale?.quarters === undefined ? YEARS.length : Math.max(1, Math.ceil(scale.quarters / 4));
  const years = span === YEARS.length ? YEARS : Array.from({ length: span }, (_, i) => LAST_YEAR - span + 1 + i);
  const regions = scale ? scaledRegions(buildRegions(), scale.regions, seed) : buildRegions();
  const counties = unitProfiles(regions, regionsAtLevel(regions, "county"));
  const ctx: Context = { regions, counties, cities: cityProfiles(counties), seed, years, done: new Map() };
  for (const spec of dependencyOrder(specs)) ctx.done.set(spec.id, generateIndicator(spec, ctx));
  const regionOrder = new Map(regions.map((r, i) => [r.code, i]));
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
    indicators: specs.map(toIndicator),
    observations: new Map(specs.map((s) => [s.id, toObservations(ctx.done.get(s.id) as Table, regionOrder)])),
  };
}
