import {
  type Indicator,
  IndicatorsResponseSchema,
  type Level,
  MetaSchema,
  type Observation,
  type Region,
  RegionsResponseSchema,
} from "./contract";
import { type DataSource, trackVersion, versioned } from "./data-source";
import { ContractError, checkObservationRegions, HttpError, parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";
import { filterObservations } from "./filter";
import { bundledLevels, bundleName, checkLevelBundle, parseLevelBundle } from "./level-bundle";
import { parseObservationsResponse } from "./parse-observations";
import { parseYearFile, yearOf } from "./year-file";

/**
 * A published snapshot of contract v1 as plain files (see mock/snapshot.ts), filtered in the
 * browser with the same code the API uses. Each file is fetched and validated once, then
 * shared by every query (validated once, by a plain pass when the file is exactly as the
 * contract says and by zod otherwise, for its error). A query reads its level's file, `observations/{id}/{level}.json`,
 * and falls back to the indicator's whole file when the snapshot has no per-level files. At a
 * level meta.json lists as bundled (`snapshot.bundles`, see level-bundle.ts; the snapshot bundles
 * only levels whose bundle is small), a query reads the level's bundle, `bundles/{level}.json`
 * (every indicator's per-level answer: one request for all of them, e.g. the Overview's ~40 series
 * of a level), and without the bundle (a 404) or without the indicator in it, the level's file;
 * at any other level no bundle is ever asked for. A
 * query within one calendar year (`from` and `to` both in it, e.g. the profile's first screen)
 * reads the level's year file, `years/{level}/{year}.json` (every indicator's answer for that
 * year: one request for all of them), unless a file that covers the level (the indicator's
 * level file, its whole file or the level's bundle) is already read or being read; without year
 * files, or without the indicator in it, it reads the level's bundle or file as above.
 * Every path answers exactly what the API does: the same filter over a superset of the answer.
 * meta.json is read fresh; every other file with `?v={dataVersion}`, dropped on a new version.
 */
export function createStaticSource(baseUrl: string, settings: Omit<FetchOptions, "signal">): DataSource {
  // No document in Node (the build's prerender reads the snapshot from an absolute baseUrl).
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, typeof document === "undefined" ? undefined : document.baseURI);
  const files = new Map<string, Promise<unknown>>();
  // Year files and bundles that turned out missing (a 404: a snapshot written before them, or a year beyond its range).
  const missing = new Set<string>();
  // The levels bundled in the snapshot of one data version, as its meta.json says.
  let manifest: { version: string; levels: ReadonlySet<Level> } | undefined;
  const tracker = trackVersion(
    () =>
      fetchJson(new URL("meta.json", root).href, "GET meta.json", { ...settings, cache: "no-cache" }).then((j) => {
        const meta = parse(MetaSchema, j, "GET meta.json");
        manifest = { version: meta.dataVersion, levels: bundledLevels(j) };
        return meta;
      }),
    () => {
      files.clear();
      missing.clear();
    },
  );
  // Cached without the caller's signal: a cancelled query must not poison the shared file.
  const file = <T>(name: string, endpoint: string, read: (json: unknown) => T | PromiseLike<T>): Promise<T> => {
    let p = files.get(name) as Promise<T> | undefined;
    if (!p) {
      const loading = tracker
        .version()
        .then((v) => fetchJson(versioned(new URL(name, root), v), endpoint, settings))
        .then(read);
      files.set(name, loading);
      loading.catch(() => {
        if (files.get(name) === loading) files.delete(name); // let Retry fetch again
      });
      p = loading;
    }
    return p;
  };
  const regions = (): Promise<Region[]> =>
    file("regions.json", "GET regions.json", (j) => parse(RegionsResponseSchema, j, "GET regions.json").regions);
  const indicators = (): Promise<Indicator[]> =>
    file("indicators.json", "GET indicators.json", (j) => parse(IndicatorsResponseSchema, j, "GET indicators.json").indicators);
  // A level's bundle, validated once and checked against the tree and the catalogue once.
  const readBundle = (name: string, level: Level) => {
    const endpoint = `GET ${name}`;
    return file(name, endpoint, async (j) => {
      const bundle = parseLevelBundle(j, endpoint);
      const [regionList, catalogue] = await Promise.all([regions(), indicators()]);
      return checkLevelBundle(bundle, level, regionList, catalogue, endpoint);
    });
  };
  return {
    meta: tracker.meta,
    onVersionChange: tracker.listen,
    regions,
    indicators,
    observations: async (q) => {
      // The manifest of the version the files are read with (a hint: a missing bundle is a 404, then the level's file).
      const version = await tracker.version();
      const bundle = bundleName(q.level);
      const known = manifest;
      const bundled = known !== undefined && known.version === version && known.levels.has(q.level) && !missing.has(bundle);
      const id = encodeURIComponent(q.indicator);
      const read = (name: string) => {
        const endpoint = `GET ${name}`;
        return file(name, endpoint, (j): Observation[] => {
          const { indicator, observations } = parseObservationsResponse(j, endpoint);
          // A misplaced file would draw another indicator's figures under this one's name.
          if (indicator !== q.indicator) {
            throw new ContractError(endpoint, "indicator", { kind: "otherIndicator", expected: q.indicator, got: indicator });
          }
          return observations;
        });
      };
      const whole = `observations/${id}.json`;
      const perLevel = `observations/${id}/${q.level}.json`;
      const levelFile = (): Promise<[Observation[], string]> =>
        read(perLevel).then(
          (all) => [all, perLevel],
          (e: unknown) => {
            if (!is404(e)) throw e;
            return read(whole).then((all) => [all, whole]);
          },
        );
      // A file of many indicators' answers (a bundle, a year file): this indicator's, else the
      // fallback; a 404 marks the file missing (an older snapshot) and falls back too.
      const answerFrom = (
        name: string,
        answers: Promise<Map<string, Observation[]>>,
        fallback: () => Promise<[Observation[], string]>,
      ): Promise<[Observation[], string]> =>
        answers.then(
          (byIndicator) => {
            const some = byIndicator.get(q.indicator);
            return some ? [some, name] : fallback();
          },
          (e: unknown) => {
            if (!is404(e)) throw e;
            missing.add(name);
            return fallback();
          },
        );
      // The level's bundle when the snapshot has it, unless the indicator's own file is already in
      // (asked again when called: a year file's answer comes first, and meanwhile the bundle may have 404ed).
      const levelOrBundle = (): Promise<[Observation[], string]> =>
        !bundled || missing.has(bundle) || files.has(perLevel) || files.has(whole)
          ? levelFile()
          : answerFrom(bundle, readBundle(bundle, q.level), levelFile);
      const year = yearOf(q);
      // A file already read (or on its way) for the whole level answers any year without a request.
      const yearName = year === null ? null : `years/${q.level}/${year}.json`;
      const covered = files.has(perLevel) || files.has(whole) || (bundled && files.has(bundle));
      const yearFile = yearName && !missing.has(yearName) && !covered ? yearName : null;
      const readYear = (name: string, y: string) => {
        const endpoint = `GET ${name}`;
        return file(name, endpoint, (j) => {
          const parsed = parseYearFile(j, endpoint);
          // A misplaced file would draw another level's or year's figures under this one's.
          if (parsed.level !== q.level) throw new ContractError(endpoint, "level", `expected ${q.level}, got ${parsed.level}`);
          if (parsed.year !== y) throw new ContractError(endpoint, "year", `expected ${y}, got ${parsed.year}`);
          return new Map(parsed.answers.map((a) => [a.indicator, a.observations]));
        });
      };
      const observations = (): Promise<[Observation[], string]> =>
        yearFile === null || year === null ? levelOrBundle() : answerFrom(yearFile, readYear(yearFile, year), levelOrBundle);
      const [[all, name], regionList] = await Promise.all([observations(), regions()]);
      const endpoint = `GET ${name}`;
      checkObservationRegions(all, regionList, endpoint);
      return filterObservations(all, regionList, q);
    },
  };
}

const is404 = (e: unknown): boolean => e instanceof HttpError && e.status === 404;
