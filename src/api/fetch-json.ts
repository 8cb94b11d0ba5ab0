import { takeBootAnswer } from "./boot-answers";
import { ErrorBodySchema } from "./contract";
import { ContractError, HttpError, NetworkError, parseRetryAfter } from "./errors";

export interface FetchOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  credentials?: RequestCredentials;
  headers?: Record<string, string>;
  /** "no-cache" for meta: always revalidated, whatever the caches' headers say. */
  cache?: RequestCache;
}

/**
 * GETs JSON, turning every failure into a typed error naming the endpoint: fetch itself only
 * rejects on network failure, so a non-2xx status, a body that is not JSON and a timeout
 * are handled here.
 */
export async function fetchJson(url: string, endpoint: string, o: FetchOptions): Promise<unknown> {
  const booted = takeBootAnswer(url);
  if (booted !== undefined) return parseBody(booted, endpoint, null);
  // A view starts dozens of queries in one commit, and each fetch() costs the main thread a few
  // milliseconds: one task per request keeps the page responsive while they start.
  await yieldToMain();
  // signal.reason is Chrome 98+: before it, an abort has no reason of its own.
  if (o.signal?.aborted) throw o.signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
  // One controller for the caller's signal and the timeout, by hand: AbortSignal.any and
  // AbortSignal.timeout need Chrome 116 and 103, newer than the browsers we support.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const cancel = () => controller.abort(o.signal?.reason);
  o.signal?.addEventListener("abort", cancel);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: controller.signal,
      credentials: o.credentials,
      cache: o.cache,
      headers: { Accept: "application/json", ...o.headers },
    });
    // The body is part of the answer: a server that stalls mid-body times out too.
    text = await response.text();
  } catch (e) {
    if (o.signal?.aborted) throw e; // cancelled by the caller (e.g. a newer query): not an error to show
    throw new NetworkError(endpoint, timedOut ? o.timeoutMs / 1000 : undefined);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", cancel);
  }
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
  return parseBody(text, endpoint, response.headers.get("content-type"));
}

function parseBody(text: string, endpoint: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContractError(endpoint, "", { kind: "notJson", contentType });
  }
}

/** Resolves in a later task, letting input and rendering run in between. */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
