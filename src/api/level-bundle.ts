import * as z from "zod/mini";
import { type Indicator, LEVELS, type Level, type Observation, ObservationsResponseSchema, type Region } from "./contract";
import { ContractError, parse } from "./errors";
import { regionsAtLevel } from "./filter";
import { lazyFields } from "./lazy-fields";
import { isExactObservationsResponse } from "./parse-observations";

/**
 * A static snapshot's bundle of one level, `bundles/{level}.json` (no API endpoint: the static
 * source's way to answer every indicator's query at a level in one request): for every
 * indicator published at the level, exactly the answer of `GET /observations?indicator={id}&level={level}`,
 * i.e. the indicator's per-level file. Written only for the levels listed in meta.json's
 * snapshot-only `snapshot.bundles` (see mock/snapshot.ts for which).
 */
export const LevelBundleSchema = z.object(
  lazyFields({
    // Built on the first parse by zod, which happens only when the plain pass refuses (see contract.ts).
    level: () => z.enum(LEVELS),
    answers: () => z.array(ObservationsResponseSchema),
  }),
);
export type LevelBundle = z.infer<typeof LevelBundleSchema>;

/** A bundle's path in the snapshot. */
export const bundleName = (level: Level): string => `bundles/${level}.json`;

/**
 * The levels whose bundle a snapshot's meta.json says it has (`snapshot.bundles`, a field of the
 * snapshot only: MetaSchema strips it, and the API's `GET /meta` has none). A hint, read from the
 * raw JSON and trusted only as far as naming files to read: anything but a list of distinct
 * levels counts as no bundles, and the source then reads the per-level files, which answer the
 * same. Every bundle read is itself validated (parseLevelBundle, checkLevelBundle).
 */
export function bundledLevels(rawMeta: unknown): ReadonlySet<Level> {
  const none = new Set<Level>();
  if (!isRecord(rawMeta) || !isRecord(rawMeta.snapshot)) return none;
  const list = rawMeta.snapshot.bundles;
  if (!Array.isArray(list) || !list.every((l) => (LEVELS as readonly unknown[]).includes(l))) return none;
  const levels = new Set(list as Level[]);
  return levels.size === list.length ? levels : none;
}

/** A bundle validated against LevelBundleSchema: one plain pass when it is exactly as the schema returns it, else zod's result or its error. */
export function parseLevelBundle(json: unknown, endpoint: string): LevelBundle {
  if (isRecord(json) && Object.keys(json).length === 2) {
    const { level, answers } = json;
    if ((LEVELS as readonly unknown[]).includes(level) && Array.isArray(answers) && answers.every(isExactObservationsResponse)) {
      return json as LevelBundle;
    }
  }
  return parse(LevelBundleSchema, json, endpoint);
}

/**
 * A valid bundle's answers by indicator, once it is known to be the bundle of `level`: a
 * misplaced or mixed-up file must never answer with another level's or indicator's figures.
 * Refused with a ContractError naming `endpoint` and the first failing path: a bundle of
 * another level; an answer for an indicator the catalogue does not publish at this level; an
 * indicator answered twice; an observation of a region outside the level (another level's
 * figures, or a code the tree does not have).
 */
export function checkLevelBundle(
  bundle: LevelBundle,
  level: Level,
  regions: readonly Region[],
  indicators: readonly Indicator[],
  endpoint: string,
): Map<string, Observation[]> {
  if (bundle.level !== level) throw new ContractError(endpoint, "level", `expected ${level}, got ${bundle.level}`);
  const published = new Set(indicators.filter((i) => i.levels.includes(level)).map((i) => i.id));
  const known = new Set(regions.map((r) => r.code));
  const units = new Set(regionsAtLevel(regions, level).map((r) => r.code));
  const answers = new Map<string, Observation[]>();
  bundle.answers.forEach(({ indicator, observations }, i) => {
    const at = `answers[${i}]`;
    if (!published.has(indicator)) {
      throw new ContractError(endpoint, `${at}.indicator`, `${indicator} is not published at ${level} level`);
    }
    if (answers.has(indicator)) throw new ContractError(endpoint, `${at}.indicator`, `${indicator} is answered twice`);
    const k = observations.findIndex((o) => !units.has(o.region));
    if (k >= 0) {
      const code = observations[k].region;
      throw new ContractError(
        endpoint,
        `${at}.observations[${k}].region`,
        known.has(code) ? `${code} is not a ${level}-level region` : { kind: "unknownRegion", code },
      );
    }
    answers.set(indicator, observations);
  });
  return answers;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
