import {
  IndicatorsResponseSchema,
  MetaSchema,
  type ObservationQuery,
  ObservationsResponseSchema,
  type Region,
  RegionsResponseSchema,
} from "./contract";
import type { DataSource, Opts } from "./data-source";
import { ContractError, checkObservationRegions, parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";

export type HttpSettings = Omit<FetchOptions, "signal">;

/** The REST API of contract v1 at `baseUrl` (relative to the page, or absolute). */
export function createHttpSource(baseUrl: string, settings: HttpSettings): DataSource {
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, document.baseURI);
  const get = (path: string, endpoint: string, o?: Opts) =>
    fetchJson(new URL(path, root).href, endpoint, { ...settings, signal: o?.signal });
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
    meta: async (o) => parse(MetaSchema, await get("meta", "GET /meta", o), "GET /meta"),
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
