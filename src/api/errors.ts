import * as z from "zod/mini";
import { type Translate, translator } from "../i18n/format";
import { issueText } from "./issue-text";

// No `new Function` probing: under the site's strict Content-Security-Policy (no eval) the
// probe is reported as a violation even though zod catches it.
z.config({ jitless: true });

/**
 * Why a request failed, as data: the interface words it in its current language
 * (`describeError`), keeping the endpoint, field path, status and the server's or zod's own
 * words verbatim. Each error's `message` is the English wording, for logs and tests.
 */
export type FailureReason =
  | { kind: "timeout"; endpoint: string; seconds: number }
  | { kind: "unreachable"; endpoint: string }
  | { kind: "http"; endpoint: string; status: number; detail: string; retryAfter?: number }
  | { kind: "contract"; endpoint: string; path: string; detail: ContractDetail };

/** What is wrong at the failing path of an answer. */
export type ContractDetail =
  /** zod's own description of the first issue ("expected number, received string"), quoted as is. */
  | { kind: "issue"; text: string }
  | { kind: "notJson"; contentType: string | null }
  | { kind: "unknownRegion"; code: string }
  | { kind: "otherIndicator"; expected: string; got: string };

/** A failure of the data source: its reason as data, its message in English. */
abstract class SourceError extends Error {
  constructor(readonly reason: FailureReason) {
    super(describeReason(reason, translator("en")));
  }
}

/** The backend answered with a non-2xx status. */
export class HttpError extends SourceError {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly code: string | undefined,
    /** The server's own words (its error message, else the status text), shown verbatim. */
    detail: string,
    /** Seconds the server asked us to wait (its Retry-After header), when it said. */
    readonly retryAfter?: number,
  ) {
    super({ kind: "http", endpoint, status, detail, retryAfter });
    this.name = "HttpError";
  }
}

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
export class ContractError extends SourceError {
  constructor(
    readonly endpoint: string,
    /** The first failing field, `observations[3].value`; "" for the answer as a whole. */
    readonly path: string,
    /** What is wrong there; a string is zod's (or another validator's) own description. */
    detail: ContractDetail | string,
  ) {
    super({ kind: "contract", endpoint, path, detail: typeof detail === "string" ? { kind: "issue", text: detail } : detail });
    this.name = "ContractError";
  }
}

/** The request never got an answer: offline, refused, CORS, or timed out. */
export class NetworkError extends SourceError {
  constructor(
    readonly endpoint: string,
    /** Seconds waited when the request timed out; undefined when it failed outright. */
    readonly timeoutSeconds?: number,
  ) {
    super(
      timeoutSeconds === undefined ? { kind: "unreachable", endpoint } : { kind: "timeout", endpoint, seconds: timeoutSeconds },
    );
    this.name = "NetworkError";
  }

  get timedOut(): boolean {
    return this.timeoutSeconds !== undefined;
  }
}

/** A wait in the largest unit that keeps it readable: 90 s, 2 min, 3 h. */
function describeWait(seconds: number, t: Translate): string {
  if (seconds < 120) return t("error.waitSeconds", { n: seconds });
  if (seconds < 7200) return t("error.waitMinutes", { n: Math.round(seconds / 60) });
  return t("error.waitHours", { n: Math.round(seconds / 3600) });
}

function describeDetail(d: ContractDetail, t: Translate): string {
  switch (d.kind) {
    case "issue":
      return t("error.issue", { text: d.text });
    case "notJson":
      return t("error.notJson", { type: d.contentType ?? t("error.noContentType") });
    case "unknownRegion":
      return t("error.unknownRegion", { code: d.code });
    case "otherIndicator":
      return t("error.otherIndicator", { expected: d.expected, got: d.got });
  }
}

/** A failure in words of the catalogue `t` translates with. */
export function describeReason(r: FailureReason, t: Translate): string {
  switch (r.kind) {
    case "timeout":
      return t("error.timeout", { endpoint: r.endpoint, seconds: r.seconds });
    case "unreachable":
      return t("error.unreachable", { endpoint: r.endpoint });
    case "http": {
      const vars = { endpoint: r.endpoint, status: r.status, detail: r.detail };
      const head = t(r.detail ? "error.httpDetail" : "error.http", vars);
      return r.retryAfter === undefined ? head : head + t("error.retryAfter", { wait: describeWait(r.retryAfter, t) });
    }
    case "contract":
      return t("error.contract", {
        endpoint: r.endpoint,
        path: r.path || t("error.root"),
        detail: describeDetail(r.detail, t),
      });
  }
}

/**
 * The reason an alert shows for `error`, in the interface's language: a failure of the data
 * source in words of the catalogue; anything else (a bug) by its own message.
 */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof SourceError) return describeReason(error.reason, t);
  return error instanceof Error ? error.message : String(error);
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
  if (i >= 0) {
    throw new ContractError(endpoint, `observations[${i}].region`, { kind: "unknownRegion", code: observations[i].region });
  }
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
  throw new ContractError(endpoint, path, issueText(issue, json));
}
