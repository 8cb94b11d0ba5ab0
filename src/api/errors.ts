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
  ) {
    super(`${endpoint}: HTTP ${status}${detail ? ` – ${detail}` : ""}`);
    this.name = "HttpError";
  }
}

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

/** Worth retrying: the network failed or the server did (5xx). Never a 4xx or a broken contract. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof HttpError && error.status >= 500;
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
