/**
 * The static snapshot of contract v1: the files the `static` data source reads
 * (meta.json, regions.json, indicators.json, observations/{id}.json), each exactly what the
 * matching API endpoint answers. Written to a temporary folder and swapped in whole, so a
 * failed run never leaves a half-written snapshot behind.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { IndicatorsResponseSchema, MetaSchema, ObservationsResponseSchema, RegionsResponseSchema } from "../src/api/contract";
import type { Dataset } from "./generate";

export function snapshotFiles(data: Dataset): Map<string, unknown> {
  const files = new Map<string, unknown>([
    ["meta.json", data.meta],
    ["regions.json", { regions: data.regions }],
    ["indicators.json", { indicators: data.indicators }],
  ]);
  for (const [id, observations] of data.observations) {
    files.set(`observations/${id}.json`, { indicator: id, observations });
  }
  return files;
}

export async function writeSnapshot(data: Dataset, outDir: string): Promise<void> {
  const out = resolve(outDir);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(join(tmp, "observations"), { recursive: true });
    for (const [name, body] of snapshotFiles(data)) {
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
