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

/** Who may call the API from a page on another origin (the reference server's `--cors`, `--allow-headers`). */
export interface CorsPolicy {
  /** Allowed origins; "*" allows any. */
  origins: ReadonlySet<string>;
  /** The request headers such a page may send; undefined: those its preflight asks for, if valid names. */
  allowHeaders?: readonly string[];
}

/** An HTTP token (RFC 9110, 5.6.2): what a header name may be. */
export const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** More names than any real client asks for in one preflight. */
const MAX_REQUEST_HEADERS = 64;

/**
 * The CORS headers of the answer to a request from `origin` (none for an origin not allowed).
 * A preflight may ask for any request headers (a deployment's `X-Api-Key`, `Authorization`…)
 * unless the policy lists them; they are echoed only if each is a valid header name, otherwise
 * the preflight is refused with 400. Every answer exposes Retry-After, which the dashboard
 * reads after a 429 or 503 and a browser hides from cross-origin pages unless exposed.
 */
export function corsHeaders(
  policy: CorsPolicy,
  request: { origin: string | undefined; preflight: boolean; requestHeaders: string | undefined },
): { status: number; headers: Record<string, string> } {
  const { origin } = request;
  const any = policy.origins.has("*");
  if (!origin || !(any || policy.origins.has(origin))) return { status: 200, headers: {} };
  const headers: Record<string, string> = {
    "Access-Control-Allow-Origin": any ? "*" : origin,
    Vary: "Origin",
    "Access-Control-Expose-Headers": "Retry-After",
  };
  if (!request.preflight) return { status: 200, headers };
  headers["Access-Control-Allow-Methods"] = "GET, OPTIONS";
  headers["Access-Control-Max-Age"] = "600";
  let allowed = policy.allowHeaders;
  if (!allowed) {
    allowed = (request.requestHeaders ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    if (allowed.length > MAX_REQUEST_HEADERS || allowed.some((h) => !HEADER_NAME.test(h))) return { status: 400, headers: {} };
    headers.Vary = "Origin, Access-Control-Request-Headers";
  }
  if (allowed.length) headers["Access-Control-Allow-Headers"] = allowed.join(", ");
  return { status: 200, headers };
}
