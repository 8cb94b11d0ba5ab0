import {
  IndicatorsResponseSchema,
  MetaSchema,
  type Observation,
  ObservationsResponseSchema,
  type Region,
  RegionsResponseSchema,
} from "./contract";
import { type DataSource, trackVersion, versioned } from "./data-source";
import { ContractError, checkObservationRegions, HttpError, parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";
import { filterObservations } from "./filter";

/**
 * A published snapshot of contract v1 as plain files (see mock/snapshot.ts), filtered in the
 * browser with the same code the API uses. Each file is fetched and validated once, then
 * shared by every query. A query reads its level's file, `observations/{id}/{level}.json`,
 * and falls back to the indicator's whole file when the snapshot has no per-level files.
 * meta.json is read fresh; every other file with `?v={dataVersion}`, dropped on a new version.
 */
export function createStaticSource(baseUrl: string, settings: Omit<FetchOptions, "signal">): DataSource {
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, document.baseURI);
  const files = new Map<string, Promise<unknown>>();
  const tracker = trackVersion(
    () =>
      fetchJson(new URL("meta.json", root).href, "GET meta.json", { ...settings, cache: "no-cache" }).then((j) =>
        parse(MetaSchema, j, "GET meta.json"),
      ),
    () => files.clear(),
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
          const { indicator, observations } = parse(ObservationsResponseSchema, j, endpoint);
          // A misplaced file would draw another indicator's figures under this one's name.
          if (indicator !== q.indicator) {
            throw new ContractError(endpoint, "indicator", { kind: "otherIndicator", expected: q.indicator, got: indicator });
          }
          return observations;
        });
      };
      const observations = (): Promise<[Observation[], string]> => {
        const perLevel = `observations/${id}/${q.level}.json`;
        return read(perLevel).then(
          (all) => [all, perLevel],
          (e: unknown) => {
            if (!(e instanceof HttpError && e.status === 404)) throw e;
            const whole = `observations/${id}.json`;
            return read(whole).then((all) => [all, whole]);
          },
        );
      };
      const [[all, name], regionList] = await Promise.all([observations(), regions()]);
      const endpoint = `GET ${name}`;
      checkObservationRegions(all, regionList, endpoint);
      return filterObservations(all, regionList, q);
    },
  };
}
