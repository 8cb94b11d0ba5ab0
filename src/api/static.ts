import {
  IndicatorsResponseSchema,
  MetaSchema,
  type Observation,
  ObservationsResponseSchema,
  type Region,
  RegionsResponseSchema,
} from "./contract";
import type { DataSource } from "./data-source";
import { checkObservationRegions, parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";
import { filterObservations } from "./filter";

/**
 * A published snapshot of contract v1 as plain files, filtered in the browser with the same
 * code the API uses. Each file is fetched and validated once, then shared by every query.
 */
export function createStaticSource(baseUrl: string, settings: Omit<FetchOptions, "signal">): DataSource {
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, document.baseURI);
  const files = new Map<string, Promise<unknown>>();
  // Cached without the caller's signal: a cancelled query must not poison the shared file.
  const file = <T>(name: string, endpoint: string, read: (json: unknown) => T): Promise<T> => {
    let p = files.get(name) as Promise<T> | undefined;
    if (!p) {
      p = fetchJson(new URL(name, root).href, endpoint, settings).then(read);
      files.set(name, p);
      p.catch(() => files.delete(name)); // let Retry fetch again
    }
    return p;
  };
  const regions = (): Promise<Region[]> =>
    file("regions.json", "GET regions.json", (j) => parse(RegionsResponseSchema, j, "GET regions.json").regions);
  return {
    meta: () => file("meta.json", "GET meta.json", (j) => parse(MetaSchema, j, "GET meta.json")),
    regions,
    indicators: () =>
      file("indicators.json", "GET indicators.json", (j) => parse(IndicatorsResponseSchema, j, "GET indicators.json").indicators),
    observations: async (q) => {
      const name = `observations/${encodeURIComponent(q.indicator)}.json`;
      const endpoint = `GET ${name}`;
      const [all, regionList] = await Promise.all([
        file(name, endpoint, (j): Observation[] => parse(ObservationsResponseSchema, j, endpoint).observations),
        regions(),
      ]);
      checkObservationRegions(all, regionList, endpoint);
      return filterObservations(all, regionList, q);
    },
  };
}
