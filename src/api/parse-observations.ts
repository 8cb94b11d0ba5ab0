import { INDICATOR_ID, type ObservationsResponse, ObservationsResponseSchema, PERIOD, REGION_CODE, STATUSES } from "./contract";
import { parse } from "./errors";

const STATUS = new Set<unknown>(STATUSES);

/**
 * Whether `json` is an observations answer exactly as ObservationsResponseSchema would return
 * it: every rule of the schema (codes, periods, finite numbers or null, statuses, no region and
 * period twice), and no key the schema would strip. A plain loop, several times faster than
 * zod (jitless under our CSP) on the megabytes a county-level read brings, and no copy.
 */
export function isExactObservationsResponse(json: unknown): json is ObservationsResponse {
  if (!isRecord(json) || Object.keys(json).length !== 2) return false;
  const { indicator, observations } = json;
  if (typeof indicator !== "string" || !INDICATOR_ID.test(indicator) || !Array.isArray(observations)) return false;
  const seen = new Set<string>();
  for (const o of observations) {
    if (!isRecord(o) || Object.keys(o).length !== 4) return false;
    const { region, period, value, status } = o;
    if (typeof region !== "string" || !REGION_CODE.test(region)) return false;
    if (typeof period !== "string" || !PERIOD.test(period)) return false;
    if (value !== null && !(typeof value === "number" && Number.isFinite(value))) return false;
    if (!STATUS.has(status)) return false;
    const key = `${region}@${period}`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * An observations answer validated against ObservationsResponseSchema: the answer itself when
 * it is exactly what the schema returns (the common case, checked in one plain pass), else
 * zod's result or its ContractError naming `endpoint` and the first failing path, as `parse`.
 */
export function parseObservationsResponse(json: unknown, endpoint: string): ObservationsResponse {
  return isExactObservationsResponse(json) ? json : parse(ObservationsResponseSchema, json, endpoint);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
