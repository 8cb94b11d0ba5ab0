import { IndicatorsResponseSchema, MetaSchema, type Observation, type Region, RegionsResponseSchema } from "./contract";
import { type DataSource, trackVersion, versioned } from "./data-source";
import { ContractError, checkObservationRegions, HttpError, parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";
import { filterObservations } from "./filter";
import { parseObservationsResponse } from "./parse-observations";
import { parseYearFile, yearOf } from "./year-file";

/**
 * A published snapshot of contract v1 as plain files (see mock/snapshot.ts), filtered in the
 * browser with the same code the API uses. Each file is fetched and validated once, then
 * shared by every query (validated once, by a plain pass when the file is exactly as the
 * contract says and by zod otherwise, for its error). A query reads its level's file, `observations/{id}/{level}.json`,
 * and falls back to the indicator's whole file when the snapshot has no per-level files. A
 * query within one calendar year (`from` and `to` both in it, e.g. the profile's first screen)
 * reads the level's year file, `years/{level}/{year}.json` (every indicator's answer for that
 * year: one request for all of them), unless the indicator's level file is already read or
 * being read; without year files, or without the indicator in it, it reads the level's file.
 * Every path answers exactly what the API does: the same filter over a superset of the answer.
 * meta.json is read fresh; every other file with `?v={dataVersion}`, dropped on a new version.
 */
export function createStaticSource(baseUrl: string, settings: Omit<FetchOptions, "signal">): DataSource {
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, document.baseURI);
  const files = new Map<string, Promise<unknown>>();
  // Year files that turned out missing (a 404: a snapshot written before them, or a year beyond its range).
  const missing = new Set<string>();
  const tracker = trackVersion(
    () =>
      fetchJson(new URL("meta.json", root).href, "GET meta.json", { ...settings, cache: "no-cache" }).then((j) =>
        parse(MetaSchema, j, "GET meta.json"),
      ),
    () => {
      files.clear();
      missing.clear();
    },
  );
  // Cached without the caller's signal: a cancelled query must not poison the shared file.
  const file = <T>(name: string, endpoint: string, read: (json: unknown) => T): Promise<T> => {
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
  return {
    meta: tracker.meta,
    onVersionChange: tracker.listen,
    regions,
    indicators: () =>
      file("indicators.json", "GET indicators.json", (j) => parse(IndicatorsResponseSchema, j, "GET indicators.json").indicators),
    observations: async (q) => {
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
      const year = yearOf(q);
      // A file already read (or on its way) for the whole level answers any year without a request.
      const yearName = year === null ? null : `years/${q.level}/${year}.json`;
      const yearFile = yearName && !missing.has(yearName) && !files.has(perLevel) && !files.has(whole) ? yearName : null;
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
        yearFile === null || year === null
          ? levelFile()
          : readYear(yearFile, year).then(
              (answers) => {
                const some = answers.get(q.indicator);
                return some ? [some, yearFile] : levelFile();
              },
              (e: unknown) => {
                if (!is404(e)) throw e;
                missing.add(yearFile);
                return levelFile();
              },
            );
      const [[all, name], regionList] = await Promise.all([observations(), regions()]);
      const endpoint = `GET ${name}`;
      checkObservationRegions(all, regionList, endpoint);
      return filterObservations(all, regionList, q);
    },
  };
}

const is404 = (e: unknown): boolean => e instanceof HttpError && e.status === 404;
