/**
 * The static snapshot of contract v1: the files the `static` data source reads (meta.json,
 * regions.json, indicators.json, observations/{id}.json, per level observations/{id}/{level}.json,
 * per level and year years/{level}/{year}.json, and for the small levels bundles/{level}.json).
 * Each observations file is exactly what the
 * matching API endpoint answers (`GET /observations?indicator={id}[&level={level}]`); a year
 * file is a list of such answers, `GET /observations?indicator={id}&level={level}&from={year}&to={year}`
 * for every indicator published at the level (see src/api/year-file.ts); a level bundle is the
 * list of the level's per-level files, every indicator published at the level with all its
 * periods (see src/api/level-bundle.ts). The
 * per-level, per-year and bundle files are optimisations: a province-level query reads a few hundred
 * bytes instead of every county's figures, the one-year queries of the profile's first
 * screen read one file of one year instead of every indicator's every year, and the Overview's
 * ~40 series of a level come in one request instead of ~40; a snapshot
 * without them still works (the source falls back to the level's file, then to the whole
 * file). A year file is written for every year from meta.firstYear to meta.lastYear, so that
 * a missing one means an older snapshot. A level's bundle is written only when it is at most
 * BUNDLE_MAX_GZIP_BYTES gzipped, and meta.json lists the levels that have one (a field of the
 * snapshot only, `snapshot.bundles`), so that the client never asks for a bundle that is not
 * there. Written to a temporary folder first, so a failed run
 * never leaves a half-written snapshot behind (see `writeSnapshot` for how it is published
 * over a snapshot being read).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import {
  IndicatorsResponseSchema,
  LEVELS,
  type Level,
  MetaSchema,
  type Observation,
  ObservationsResponseSchema,
  RegionsResponseSchema,
} from "../src/api/contract";
import { filterObservations } from "../src/api/filter";
import { bundleName, type LevelBundle } from "../src/api/level-bundle";
import type { YearFile } from "../src/api/year-file";
import type { Dataset } from "./generate";

/**
 * The largest level bundle written, gzipped: 128 KB is ~0.65 s at Lighthouse's mobile 1.6 Mbps,
 * about what the 150 ms round trips it saves come to (~40 series files, 6 at a time, ~7 round
 * trips). Guangdong's bundles measure 3.4 KB (province), 58 KB (city) and 302 KB (county) gzipped;
 * the county Map needs one indicator's county file (≤ 28 KB), and would pay 10× that for a bundle.
 * At 3,000 county-level units (bench/scale.ts) the city bundle stays near 60 KB and the county one
 * is megabytes: the rule is by size, not by level, and the client reads meta.json's list.
 */
export const BUNDLE_MAX_GZIP_BYTES = 128 * 1024;

/** The snapshot-only part of meta.json: which levels have a bundle (see src/api/level-bundle.ts). */
export interface SnapshotManifest {
  bundles: Level[];
}

/** A file's bytes as written (`writeSnapshot`). */
const serialise = (body: unknown): string => `${JSON.stringify(body)}\n`;

export function snapshotFiles(data: Dataset, o: { bundleMaxGzipBytes?: number } = {}): Map<string, unknown> {
  const maxGzip = o.bundleMaxGzipBytes ?? BUNDLE_MAX_GZIP_BYTES;
  const manifest: SnapshotManifest = { bundles: [] };
  const files = new Map<string, unknown>([
    ["meta.json", { ...data.meta, snapshot: manifest }],
    ["regions.json", { regions: data.regions }],
    ["indicators.json", { indicators: data.indicators }],
  ]);
  const levels = new Map(data.indicators.map((i) => [i.id, i.levels]));
  const byLevel = new Map<Level, { indicator: string; observations: Observation[] }[]>(LEVELS.map((l) => [l, []]));
  for (const [id, observations] of data.observations) {
    files.set(`observations/${id}.json`, { indicator: id, observations });
    // Only the levels the indicator is published at: at any other the API answers 400.
    for (const level of levels.get(id) ?? []) {
      const atLevel = filterObservations(observations, data.regions, { level });
      files.set(`observations/${id}/${level}.json`, { indicator: id, observations: atLevel });
      byLevel.get(level)?.push({ indicator: id, observations: atLevel });
    }
  }
  for (let y = data.meta.firstYear; y <= data.meta.lastYear; y++) {
    const year = String(y);
    for (const [level, series] of byLevel) {
      if (!series.length) continue;
      const answers = series.map(({ indicator, observations }) => ({
        indicator,
        observations: filterObservations(observations, data.regions, { level, from: year, to: year }),
      }));
      files.set(`years/${level}/${year}.json`, { level, year, answers } satisfies YearFile);
    }
  }
  for (const [level, answers] of byLevel) {
    if (!answers.length) continue;
    const bundle = { level, answers } satisfies LevelBundle;
    if (gzipSync(serialise(bundle)).length > maxGzip) continue;
    files.set(bundleName(level), bundle);
    manifest.bundles.push(level);
  }
  return files;
}

/**
 * Writes the snapshot into a temporary folder beside `outDir`, then publishes it: into a new
 * folder in one rename; over a published snapshot file by file (each rename atomic), meta.json
 * last, and only then removes the files the new version no longer has. A reader never finds a
 * file missing, and a reader who sees the new meta.json (and asks `?v={its dataVersion}`) only
 * ever gets the new version's files: no cache can store an old file under the new version.
 */
export async function writeSnapshot(data: Dataset, outDir: string): Promise<void> {
  const out = resolve(outDir);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  const names = [...snapshotFiles(data)];
  try {
    for (const [name, body] of names) {
      await mkdir(dirname(join(tmp, name)), { recursive: true });
      await writeFile(join(tmp, name), serialise(body));
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  const published = await stat(join(out, "meta.json")).then(
    () => true,
    () => false,
  );
  if (!published) {
    await rm(out, { recursive: true, force: true });
    await mkdir(dirname(out), { recursive: true });
    await rename(tmp, out);
    return;
  }
  const before = await listFiles(out);
  try {
    for (const [name] of names.filter(([n]) => n !== "meta.json")) {
      await mkdir(dirname(join(out, name)), { recursive: true });
      await rename(join(tmp, name), join(out, name));
    }
    await rename(join(tmp, "meta.json"), join(out, "meta.json"));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const now = new Set(names.map(([n]) => n));
  for (const name of before) if (!now.has(name)) await rm(join(out, name), { force: true });
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

/** Reads a snapshot folder back into a dataset, validating every file against the contract. */
export async function readSnapshot(dir: string): Promise<Dataset> {
  const json = async (name: string) => JSON.parse(await readFile(join(dir, name), "utf8")) as unknown;
  const meta = MetaSchema.parse(await json("meta.json"));
  const { regions } = RegionsResponseSchema.parse(await json("regions.json"));
  const { indicators } = IndicatorsResponseSchema.parse(await json("indicators.json"));
  const observations = new Map<string, Dataset["observations"] extends Map<string, infer O> ? O : never>();
  const files = new Set(await readdir(join(dir, "observations")));
  for (const ind of indicators) {
    if (!files.has(`${ind.id}.json`)) continue;
    observations.set(ind.id, ObservationsResponseSchema.parse(await json(`observations/${ind.id}.json`)).observations);
  }
  return { meta, regions, indicators, observations };
}
