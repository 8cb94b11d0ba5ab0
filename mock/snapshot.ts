/**
 * The static snapshot of contract v1: the files the `static` data source reads
 * (meta.json, regions.json, indicators.json, observations/{id}.json and, per level,
 * observations/{id}/{level}.json), each exactly what the matching API endpoint answers
 * (`GET /observations?indicator={id}[&level={level}]`). The per-level files are an
 * optimisation: a province-level query reads a few hundred bytes instead of every county's
 * figures; a snapshot without them still works (the source falls back to the whole file).
 * Written to a temporary folder and swapped in whole, so a failed run never leaves a
 * half-written snapshot behind.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { IndicatorsResponseSchema, MetaSchema, ObservationsResponseSchema, RegionsResponseSchema } from "../src/api/contract";
import { filterObservations } from "../src/api/filter";
import type { Dataset } from "./generate";

export function snapshotFiles(data: Dataset): Map<string, unknown> {
  const files = new Map<string, unknown>([
    ["meta.json", data.meta],
    ["regions.json", { regions: data.regions }],
    ["indicators.json", { indicators: data.indicators }],
  ]);
  const levels = new Map(data.indicators.map((i) => [i.id, i.levels]));
  for (const [id, observations] of data.observations) {
    files.set(`observations/${id}.json`, { indicator: id, observations });
    // Only the levels the indicator is published at: at any other the API answers 400.
    for (const level of levels.get(id) ?? []) {
      const atLevel = filterObservations(observations, data.regions, { level });
      files.set(`observations/${id}/${level}.json`, { indicator: id, observations: atLevel });
    }
  }
  return files;
}

export async function writeSnapshot(data: Dataset, outDir: string): Promise<void> {
  const out = resolve(outDir);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    for (const [name, body] of snapshotFiles(data)) {
      await mkdir(dirname(join(tmp, name)), { recursive: true });
      await writeFile(join(tmp, name), `${JSON.stringify(body)}\n`);
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = `${tmp}-old`;
  await rm(old, { recursive: true, force: true });
  await rename(out, old).catch(() => undefined);
  try {
    await rename(tmp, out);
  } catch (e) {
    // Put the published snapshot back: a failed swap must not leave the folder missing.
    await rename(old, out).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  await rm(old, { recursive: true, force: true });
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
