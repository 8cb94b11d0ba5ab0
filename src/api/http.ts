import {
  IndicatorsResponseSchema,
  MetaSchema,
  type ObservationQuery,
  ObservationsResponseSchema,
  type Region,
  RegionsResponseSchema,
} from "./contract";
import { type DataSource, type Opts, trackVersion, versioned } from "./data-source";
import { ContractError, checkObservationRegions, HttpError, parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";

export type HttpSettings = Omit<FetchOptions, "signal">;

/**
 * The REST API of contract v1 at `baseUrl` (relative to the page, or absolute). /meta is read
 * fresh, every other endpoint with `v={dataVersion}`; a server that has moved on to another
 * version answers 409 `stale_version`, and the request is made again with the new one.
 */
export function createHttpSource(baseUrl: string, settings: HttpSettings): DataSource {
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, document.baseURI);
  const tracker = trackVersion(
    async () =>
      parse(
        MetaSchema,
        await fetchJson(new URL("meta", root).href, "GET /meta", { ...settings, cache: "no-cache" }),
        "GET /meta",
      ),
    () => {
      tree = undefined;
    },
  );
  const get = async (path: string, endpoint: string, o?: Opts, again = true): Promise<unknown> => {
    try {
      return await fetchJson(versioned(new URL(path, root), await tracker.version()), endpoint, {
        ...settings,
        signal: o?.signal,
      });
    } catch (e) {
      if (!(again && e instanceof HttpError && e.status === 409 && e.code === "stale_version")) throw e;
      await tracker.meta();
      return get(path, endpoint, o, false);
    }
  };
  const regions = async (o?: Opts) =>
    parse(RegionsResponseSchema, await get("regions", "GET /regions", o), "GET /regions").regions;
  // The tree that observations are checked against: fetched once, without a caller's signal
  // (a cancelled query must not poison it), and again after a failure.
  let tree: Promise<Region[]> | undefined;
  const knownRegions = () => {
    tree ??= regions().catch((e: unknown) => {
      tree = undefined;
      throw e;
    });
    return tree;
  };
  return {
    meta: tracker.meta,
    onVersionChange: tracker.listen,
    regions,
    indicators: async (o) =>
      parse(IndicatorsResponseSchema, await get("indicators", "GET /indicators", o), "GET /indicators").indicators,
    observations: async (q, o) => {
      const endpoint = "GET /observations";
      const [json, known] = await Promise.all([get(`observations?${observationParams(q)}`, endpoint, o), knownRegions()]);
      const { indicator, observations } = parse(ObservationsResponseSchema, json, endpoint);
      // Another indicator's figures (a misrouted or mis-cached answer) would be drawn under this one's name.
      if (indicator !== q.indicator) {
        throw new ContractError(endpoint, "indicator", { kind: "otherIndicator", expected: q.indicator, got: indicator });
      }
      checkObservationRegions(observations, known, endpoint);
      return observations;
    },
  };
}

export function observationParams(q: ObservationQuery): URLSearchParams {
  const p = new URLSearchParams({ indicator: q.indicator, level: q.level });
  if (q.parent) p.set("parent", q.parent);
  if (q.regions?.length) p.set("regions", q.regions.join(","));
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  return p;
}
