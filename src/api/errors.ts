import * as z from "zod/mini";

// No `new Function` probing: under the site's strict Content-Security-Policy (no eval) the
// probe is reported as a violation even though zod catches it.
z.config({ jitless: true });

/** The backend answered with a non-2xx status. */
export class HttpError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly code: string | undefined,
    detail: string,
    /** Seconds the server asked us to wait (its Retry-After header), when it said. */
    readonly retryAfter?: number,
  ) {
    const wait = retryAfter === undefined ? "" : ` (the server asks to retry after ${formatWait(retryAfter)})`;
    super(`${endpoint}: HTTP ${status}${detail ? ` – ${detail}` : ""}${wait}`);
    this.name = "HttpError";
  }
}

const formatWait = (seconds: number) =>
  seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;

/**
 * A Retry-After header as seconds from `now`: delta-seconds ("120") or an HTTP date; anything
 * else, or a date in the past, is no request to wait.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The longest wait we retry after on our own; past it, the alert says so and Retry is the user's. */
export const MAX_AUTO_RETRY_AFTER_S = 10;

/** The backend answered, but not per contract v1. */
export class ContractError extends Error {
  constructor(
    readonly endpoint: string,
    readonly path: string,
    detail: string,
  ) {
    super(`${endpoint}: response breaks the data contract at ${path || "(root)"}: ${detail}`);
    this.name = "ContractError";
  }
}

/** The request never got an answer: offline, refused, CORS, or timed out. */
export class NetworkError extends Error {
  constructor(
    readonly endpoint: string,
    detail: string,
    readonly timedOut = false,
  ) {
    super(`${endpoint}: ${detail}`);
    this.name = "NetworkError";
  }
}

/** The backend wants the user to sign in (401) or refuses them (403). */
export const needsSignIn = (error: unknown): boolean =>
  error instanceof HttpError && (error.status === 401 || error.status === 403);

/**
 * Worth retrying on our own: the network failed, or the server did (5xx) or asked us to slow
 * down (429) without asking for a wait longer than MAX_AUTO_RETRY_AFTER_S. Never another 4xx
 * or a broken contract.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof HttpError) || !(error.status >= 500 || error.status === 429)) return false;
  return (error.retryAfter ?? 0) <= MAX_AUTO_RETRY_AFTER_S;
}

/**
 * Checks that every observation names a region of the tree: a number for a region that does
 * not exist is a broken contract, not something to draw.
 */
export function checkObservationRegions(
  observations: readonly { region: string }[],
  regions: readonly { code: string }[],
  endpoint: string,
): void {
  const known = new Set(regions.map((r) => r.code));
  const i = observations.findIndex((o) => !known.has(o.region));
  if (i >= 0) throw new ContractError(endpoint, `observations[${i}].region`, `unknown region ${observations[i].region}`);
}

/** Validates `json` or throws a ContractError naming the endpoint and the first failing path. */
export function parse<S extends z.ZodMiniType>(schema: S, json: unknown, endpoint: string): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  throw new ContractError(endpoint, path, issue.message);
}
