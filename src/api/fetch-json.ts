import { ErrorBodySchema } from "./contract";
import { ContractError, HttpError, NetworkError, parseRetryAfter } from "./errors";

export interface FetchOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  credentials?: RequestCredentials;
  headers?: Record<string, string>;
}

/**
 * GETs JSON, turning every failure into a typed error naming the endpoint: fetch itself only
 * rejects on network failure, so a non-2xx status, a body that is not JSON and a timeout
 * are handled here.
 */
export async function fetchJson(url: string, endpoint: string, o: FetchOptions): Promise<unknown> {
  // A view starts dozens of queries in one commit, and each fetch() costs the main thread a few
  // milliseconds: one task per request keeps the page responsive while they start.
  await yieldToMain();
  if (o.signal?.aborted) throw o.signal.reason;
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      credentials: o.credentials,
      headers: { Accept: "application/json", ...o.headers },
    });
  } catch (e) {
    if (o.signal?.aborted) throw e; // cancelled by the caller (e.g. a newer query): not an error to show
    if (timeout.aborted) throw new NetworkError(endpoint, `no answer within ${o.timeoutMs / 1000} s`, true);
    throw new NetworkError(endpoint, "the server could not be reached");
  }
  const text = await response.text();
  if (!response.ok) {
    let code: string | undefined;
    let message = response.statusText;
    try {
      const body = ErrorBodySchema.safeParse(JSON.parse(text));
      if (body.success) ({ code, message } = body.data.error);
    } catch {
      // not a contract error body: keep the status text
    }
    // A cross-origin API must list Retry-After in Access-Control-Expose-Headers for us to see it.
    throw new HttpError(endpoint, response.status, code, message, parseRetryAfter(response.headers.get("retry-after")));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = response.headers.get("content-type") ?? "no content type";
    throw new ContractError(endpoint, "", `the answer is not JSON (content type: ${type})`);
  }
}

/** Resolves in a later task, letting input and rendering run in between. */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
