/**
 * How the pure work behind the views grows with the number of regions, on the generator's
 * synthetic large datasets (`generateDataset({ scale })`): loading one indicator's file as the
 * static source does (JSON.parse, zod, region check, level filter), the ranking (buildRows),
 * class breaks, the table model and the Digital Development Index. Timed in Node, one core,
 * median of `reps` runs after a warm-up; reported, never asserted.
 */
import { gzipSync } from "node:zlib";
import { type Dataset, generateDataset } from "../mock/generate";
import { type Indicator, type Observation, ObservationsResponseSchema, RegionsResponseSchema } from "../src/api/contract";
import { checkObservationRegions, parse } from "../src/api/errors";
import { filterObservations, regionsAtLevel } from "../src/api/filter";
import { buildRows, periodsOf } from "../src/charts/map/map-data";
import { rankingRows } from "../src/charts/map/ranking-option";
import { computeBreaks } from "../src/domain/bins";
import { computeIndex, type IndexIndicator } from "../src/domain/index-score";
import { isQuarter } from "../src/domain/periods";
import { buildTableModel } from "../src/features/explore/table-model";
import { median, round, time } from "./stats";

export const SCALE_SIZES = [100, 1000, 3000] as const;
export const SCALE_SHAPE = { indicators: 40, quarters: 32 } as const;

/** One size's figures: milliseconds (medians) and the sizes of what was processed. */
export interface ScalePoint {
  regions: number;
  /** County-level units ranked, classed and indexed. */
  units: number;
  observations: number;
  generateMs: number;
  /** One annual indicator's file (all levels) as the static source serves it. */
  annualFile: { bytes: number; gzipBytes: number; rows: number; jsonParseMs: number; zodMs: number; filterMs: number };
  /** The same for a quarterly indicator (five periods a year). */
  quarterlyFile: { bytes: number; gzipBytes: number; rows: number; jsonParseMs: number; zodMs: number; filterMs: number };
  /** regions.json: JSON.parse and its schema (duplicates and parents checked). */
  regionsMs: number;
  /** buildRows for one period at county level (the map, the ranking and the table share it). */
  rankingMs: number;
  /** computeBreaks, each method, on the same values. */
  binsMs: { quantile: number; jenks: number; equal: number };
  /** buildTableModel: every county-level unit × every annual period of the indicator. */
  tableModelMs: number;
  /** computeIndex over every indicator at county level for the last year, min-max and z-scores. */
  indexMs: { minmax: number; zscore: number };
  indexIndicators: number;
}

interface Options {
  sizes?: readonly number[];
  reps?: number;
  log?: (line: string) => void;
  /** Where the datasets come from (run.ts shares them with the browser checks). */
  dataset?: (regions: number) => Dataset;
}

/** The synthetic dataset of `regions` county-level units with the benchmark's shape. */
export const scaledDataset = (regions: number): Dataset => generateDataset({ scale: { regions, ...SCALE_SHAPE } });

const ms = (values: number[]) => round(median(values), 2);

function fileFigures(
  indicator: string,
  observations: readonly Observation[],
  regions: Parameters<typeof filterObservations>[1],
  reps: number,
) {
  const body = `${JSON.stringify({ indicator, observations })}\n`;
  const endpoint = `GET observations/${indicator}.json`;
  const jsonParse = time(() => JSON.parse(body) as unknown, reps);
  const zod = time(() => parse(ObservationsResponseSchema, jsonParse.result, endpoint), reps);
  const all = zod.result.observations;
  const filter = time(() => {
    checkObservationRegions(all, regions, endpoint);
    return filterObservations(all, regions, { level: "county" });
  }, reps);
  return {
    bytes: Buffer.byteLength(body),
    gzipBytes: gzipSync(body).length,
    rows: observations.length,
    jsonParseMs: ms(jsonParse.ms),
    zodMs: ms(zod.ms),
    filterMs: ms(filter.ms),
    county: filter.result,
  };
}

/** The curve at each size (default 100, 1,000 and 3,000 county-level units). */
export function runScale({
  sizes = SCALE_SIZES,
  reps = 5,
  log = () => undefined,
  dataset = scaledDataset,
}: Options = {}): ScalePoint[] {
  const points: ScalePoint[] = [];
  for (const n of sizes) {
    const t0 = performance.now();
    const data = dataset(n);
    const generateMs = round(performance.now() - t0, 0);
    const units = regionsAtLevel(data.regions, "county");
    const countyMeasures = data.indicators.filter((i) => !i.context && i.levels.includes("county"));
    const annual = countyMeasures.find((i) => i.frequency === "annual") as Indicator;
    const quarterly = countyMeasures.find((i) => i.frequency === "quarterly") as Indicator;
    const { county, ...annualFile } = fileFigures(annual.id, data.observations.get(annual.id) ?? [], data.regions, reps);
    const { county: _q, ...quarterlyFile } = fileFigures(
      quarterly.id,
      data.observations.get(quarterly.id) ?? [],
      data.regions,
      reps,
    );
    const regionsBody = JSON.stringify({ regions: data.regions });
    const regionsMs = ms(time(() => parse(RegionsResponseSchema, JSON.parse(regionsBody), "GET regions.json"), reps).ms);

    const years = periodsOf(county).filter((p) => !isQuarter(p));
    const period = years[years.length - 1];
    const ranking = time(() => buildRows(units, county, period, annual), reps);
    rankingRows(ranking.result);
    const values = ranking.result.map((r) => r.value);
    const bins = {
      quantile: ms(time(() => computeBreaks(values, "quantile"), reps).ms),
      jenks: ms(time(() => computeBreaks(values, "jenks"), reps).ms),
      equal: ms(time(() => computeBreaks(values, "equal"), reps).ms),
    };
    const tableModelMs = ms(
      time(() => buildTableModel({ indicator: annual, regions: units, observations: county, periods: years }), reps).ms,
    );

    // The index as Compare computes it: every measure published at county level, values of one year.
    const inputs: IndexIndicator[] = countyMeasures.map((ind) => {
      const all = filterObservations(data.observations.get(ind.id) ?? [], data.regions, { level: "county" });
      return {
        id: ind.id,
        pillar: ind.pillar,
        direction: ind.direction,
        values: new Map(all.filter((o) => o.period === period).map((o) => [o.region, o.value])),
      };
    });
    const codes = units.map((u) => u.code);
    const indexMs = {
      minmax: ms(time(() => computeIndex(codes, inputs, null, "minmax"), reps).ms),
      zscore: ms(time(() => computeIndex(codes, inputs, null, "zscore"), reps).ms),
    };
    const point: ScalePoint = {
      regions: n,
      units: units.length,
      observations: [...data.observations.values()].reduce((s, o) => s + o.length, 0),
      generateMs,
      annualFile,
      quarterlyFile,
      regionsMs,
      rankingMs: ms(ranking.ms),
      binsMs: bins,
      tableModelMs,
      indexMs,
      indexIndicators: inputs.length,
    };
    log(
      `scale ${n}: generated in ${generateMs} ms; file ${annual.id} zod ${annualFile.zodMs} ms, ranking ${point.rankingMs} ms, index ${indexMs.minmax} ms`,
    );
    points.push(point);
  }
  return points;
}

// `npx tsx bench/scale.ts`: the curve alone, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(runScale({ log: (l) => console.error(l) }), null, 2));
}
