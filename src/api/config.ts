import * as z from "zod/mini";
import { takeBootAnswer } from "./boot-answers";
import type { DataSource } from "./data-source";
import { createHttpSource } from "./http";
import { issueText } from "./issue-text";
import { lazyFields } from "./lazy-fields";
import { createStaticSource } from "./static";

/** Links we put on the page must not run script (`javascript:`) or embed data. */
export function isSafeLink(url: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(url, "https://relative.invalid/").protocol);
  } catch {
    return false;
  }
}

/**
 * `config.json`, next to index.html: the one file a deployer edits. Its fields (lazyFields) are
 * built when the first config is parsed rather than when the entry script runs (see contract.ts).
 */
export const ConfigSchema = z.strictObject(
  lazyFields({
    /** `http`: a REST API of contract v1; `static`: a snapshot of the same as files. */
    dataSource: () => z.enum(["http", "static"]),
    /** Where the API or snapshot lives, relative to the page or absolute. */
    baseUrl: () => z.string().check(z.minLength(1)),
    /** Give up on a request after this many milliseconds. */
    timeoutMs: () => z._default(z.int().check(z.gte(1000), z.lte(300_000)), 15_000),
    /** Send cookies to the API (behind an authenticating proxy): "include" or "same-origin". */
    credentials: () => z._default(z.enum(["omit", "same-origin", "include"]), "same-origin"),
    /** Extra request headers for the API. */
    headers: () => z._default(z.record(z.string(), z.string()), {}),
    /** Where a user signs in when the API answers 401 or 403 (behind an authenticating proxy). */
    signInUrl: () => z.optional(z.string().check(z.refine(isSafeLink, "must be an http(s) or relative URL"))),
    /** The map's boundaries: a TopoJSON file keyed by GB/T 2260 code, replaceable by the deployer. */
    boundaries: () =>
      z._default(
        z.strictObject({
          url: z._default(z.string().check(z.minLength(1)), "./geo/guangdong-counties.topo.json"),
          /** For publication in mainland China: the approved base map's approval number (审图号), shown with the map. */
          approval: z.optional(z.string().check(z.maxLength(100))),
        }),
        { url: "./geo/guangdong-counties.topo.json" },
      ),
  }),
);
export type Config = z.infer<typeof ConfigSchema>;

/** config.json is missing or wrong: shown as a full-page message, never a blank page. */
export class ConfigError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "ConfigError";
  }
}

export function parseConfig(json: unknown): Config {
  const result = ConfigSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? `"${issue.path.join(".")}"` : "the file";
  throw new ConfigError(`${where}: ${issueText(issue, json)}`);
}

export async function loadConfig(url = "./config.json"): Promise<Config> {
  let text = takeBootAnswer(url);
  if (text === undefined) {
    let response: Response;
    try {
      response = await fetch(url, { cache: "no-cache" });
      if (response.ok) text = await response.text();
    } catch {
      throw new ConfigError("could not be fetched (network error)");
    }
    if (!response.ok || text === undefined) throw new ConfigError(`could not be read: HTTP ${response.status}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`is not valid JSON (${(e as Error).message})`);
  }
  return parseConfig(json);
}

export function createDataSource(config: Config): DataSource {
  const settings = { timeoutMs: config.timeoutMs, credentials: config.credentials, headers: config.headers };
  return config.dataSource === "http" ? createHttpSource(config.baseUrl, settings) : createStaticSource(config.baseUrl, settings);
}
