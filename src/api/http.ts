import {
  IndicatorsResponseSchema,
  MetaSchema,
  type ObservationQuery,
  ObservationsResponseSchema,
  RegionsResponseSchema,
} from "./contract";
import type { DataSource, Opts } from "./data-source";
import { parse } from "./errors";
import { type FetchOptions, fetchJson } from "./fetch-json";

export type HttpSettings = Omit<FetchOptions, "signal">;

/** The REST API of contract v1 at `baseUrl` (relative to the page, or absolute). */
export function createHttpSource(baseUrl: string, settings: HttpSettings): DataSource {
  const root = new URL(`${baseUrl.replace(/\/+$/, "")}/`, document.baseURI);
  const get = (path: string, endpoint: string, o?: Opts) =>
    fetchJson(new URL(path, root).href, endpoint, { ...settings, signal: o?.signal });
  return {
    meta: async (o) => parse(MetaSchema, await get("meta", "GET /meta", o), "GET /meta"),
    regions: async (o) => parse(RegionsResponseSchema, await get("regions", "GET /regions", o), "GET /regions").regions,
    indicators: async (o) =>
      parse(IndicatorsResponseSchema, await get("indicators", "GET /indicators", o), "GET /indicators").indicators,
    observations: async (q, o) => {
      const endpoint = "GET /observations";
      const body = parse(ObservationsResponseSchema, await get(`observations?${observationParams(q)}`, endpoint, o), endpoint);
      return body.observations;
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
