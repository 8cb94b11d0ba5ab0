/**
 * Contract v1 over a dataset, independent of any server framework: the MSW handlers and
 * the reference HTTP server are thin wrappers around `handleApi`.
 */
import { INDICATOR_ID, LEVELS, type Level, PERIOD, REGION_CODE } from "../src/api/contract";
import { filterObservations } from "../src/api/filter";
import type { Dataset } from "./generate";

export interface ApiResponse {
  status: number;
  body: unknown;
}

const error = (status: number, code: string, message: string): ApiResponse => ({
  status,
  body: { error: { code, message } },
});

/** Answers one request for `{base}/<route>`; `route` is the path after the base. */
export function handleApi(data: Dataset, method: string, route: string, params: URLSearchParams): ApiResponse {
  if (method !== "GET") return error(405, "method_not_allowed", `${method} is not supported; the API is read-only`);
  switch (route.replace(/^\/+|\/+$/g, "")) {
    case "meta":
      return { status: 200, body: data.meta };
    case "regions":
      return { status: 200, body: { regions: data.regions } };
    case "indicators":
      return { status: 200, body: { indicators: data.indicators } };
    case "observations":
      return observations(data, params);
    default:
      return error(404, "not_found", `no such endpoint: ${route}`);
  }
}

function observations(data: Dataset, params: URLSearchParams): ApiResponse {
  const id = params.get("indicator");
  const level = params.get("level");
  if (id === null || !INDICATOR_ID.test(id)) return error(400, "bad_parameter", "indicator: required, an indicator id");
  if (level === null || !(LEVELS as readonly string[]).includes(level)) {
    return error(400, "bad_parameter", `level: required, one of ${LEVELS.join(", ")}`);
  }
  const parent = params.get("parent") ?? undefined;
  if (parent !== undefined && !REGION_CODE.test(parent)) return error(400, "bad_parameter", "parent: a six-digit region code");
  const regionsParam = params.get("regions");
  const regions = regionsParam === null ? undefined : regionsParam.split(",").filter(Boolean);
  if (regions?.some((c) => !REGION_CODE.test(c))) return error(400, "bad_parameter", "regions: comma-separated six-digit codes");
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  for (const [name, p] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (p !== undefined && !PERIOD.test(p)) return error(400, "bad_parameter", `${name}: a period like 2023 or 2023Q2`);
  }
  const all = data.observations.get(id);
  const indicator = data.indicators.find((i) => i.id === id);
  if (!all || !indicator) return error(404, "unknown_indicator", `no indicator with id ${id}`);
  if (!indicator.levels.includes(level as Level)) {
    return error(400, "bad_parameter", `level: ${id} is published at ${indicator.levels.join(", ")} only`);
  }
  return {
    status: 200,
    body: {
      indicator: id,
      observations: filterObservations(all, data.regions, { level: level as Level, parent, regions, from, to }),
    },
  };
}
