import type * as z from "zod/mini";

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

/** Worth retrying: the network failed or the server did (5xx). Never a 4xx or a broken contract. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof HttpError && error.status >= 500;
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
