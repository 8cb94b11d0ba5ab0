/**
 * The reference API server: contract v1 over real HTTP, from the simulated dataset or a
 * snapshot folder.
 * `npm run api -- [--port 8787] [--host 127.0.0.1] [--cors ORIGINS] [--allow-headers NAMES] [--data DIR]`
 * ORIGINS: comma-separated allowed origins, or * for any (env API_CORS_ORIGINS also works).
 * NAMES: the request headers a cross-origin page may send (env API_ALLOW_HEADERS); without it,
 * whatever a preflight asks for, if each is a valid header name (see `corsHeaders`).
 *
 * Cacheable: every 200 has an ETag (the data version and the request), a matching
 * If-None-Match gets 304; a request with `v` equal to the data version is cached publicly
 * (`--max-age`, default a week, with a day of stale-while-revalidate), /meta and unversioned
 * requests are revalidated (no-cache), and a `v` of another version gets 409 `stale_version`
 * (no-store), never the current version's figures under the old version's URL. Bodies are
 * brotli or gzip compressed as Accept-Encoding asks. `--data DIR` is read again when its
 * meta.json changes (polled every `--watch-ms`, default 1000), without a restart.
 */
import { createHash } from "node:crypto";
import { watchFile } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { corsHeaders, HEADER_NAME, handleApi } from "../mock/api";
import { generateDataset } from "../mock/generate";
import { readSnapshot } from "../mock/snapshot";

const DEV_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:4173", "http://127.0.0.1:4173"];
const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8787" },
    host: { type: "string", default: "127.0.0.1" },
    cors: { type: "string", default: process.env.API_CORS_ORIGINS ?? DEV_ORIGINS.join(",") },
    "allow-headers": { type: "string", default: process.env.API_ALLOW_HEADERS },
    data: { type: "string" },
    base: { type: "string", default: "/api/v1" },
    "max-age": { type: "string", default: "604800" },
    "watch-ms": { type: "string", default: "1000" },
  },
});
let data = values.data ? await readSnapshot(values.data) : generateDataset();
const list = (s: string | undefined) =>
  (s ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
const cors = {
  origins: new Set(list(values.cors)),
  allowHeaders: values["allow-headers"] === undefined ? undefined : list(values["allow-headers"]),
};
const badName = cors.allowHeaders?.find((h) => !HEADER_NAME.test(h));
if (badName !== undefined) {
  console.error(`--allow-headers: "${badName}" is not a header name`);
  process.exit(2);
}
const base = (values.base as string).replace(/\/+$/, "");

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const preflight = req.method === "OPTIONS";
  const { status: corsStatus, headers } = corsHeaders(cors, {
    origin: req.headers.origin,
    preflight,
    requestHeaders: req.headers["access-control-request-headers"],
  });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (preflight) {
    res.writeHead(corsStatus === 200 ? 204 : corsStatus).end();
    return;
  }
  const route = url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length + 1) : undefined;
  const answer = respond(req.method ?? "GET", route, url.searchParams);
  const vary = res.getHeader("Vary");
  res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  const cached: Record<string, string> = { "Cache-Control": answer.cacheControl };
  if (answer.etag) {
    cached.ETag = answer.etag;
    const match = req.headers["if-none-match"];
    if (match?.split(",").some((t) => t.trim() === answer.etag || t.trim() === "*")) {
      res.writeHead(304, cached).end();
      return;
    }
  }
  // A few hundred bytes gain little from compression (error bodies, province-level answers are larger).
  const encoding = answer.body.length >= 256 ? pickEncoding(req.headers["accept-encoding"]) : undefined;
  const body = encoding ? compress(answer, encoding) : answer.body;
  res.writeHead(answer.status, {
    ...cached,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(body.length),
    ...(encoding ? { "Content-Encoding": encoding } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
});

interface Answer {
  status: number;
  body: Buffer;
  cacheControl: string;
  etag?: string;
  br?: Buffer;
  gzip?: Buffer;
}

const maxAge = Number(values["max-age"]);
/** Answers by request (route and parameters), kept until the data changes: the API is read-only. */
const answers = new Map<string, Answer>();
const MAX_ANSWERS = 20_000;

function respond(method: string, route: string | undefined, params: URLSearchParams): Answer {
  const key = `${method} ${route} ${params}`;
  let answer = answers.get(key);
  if (answer) return answer;
  answer = compute(method, route, params);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, answer);
  return answer;
}

function compute(method: string, route: string | undefined, params: URLSearchParams): Answer {
  const json = (status: number, body: unknown, cacheControl: string): Answer => ({
    status,
    body: Buffer.from(JSON.stringify(body)),
    cacheControl,
  });
  if (route === undefined) {
    return json(404, { error: { code: "not_found", message: `the API lives under ${base}/` } }, "no-cache");
  }
  const version = data.meta.dataVersion;
  const v = params.get("v");
  const isMeta = route.replace(/^\/+|\/+$/g, "") === "meta";
  if (v !== null && v !== version && !isMeta) {
    const message = `data version ${v} is no longer served; read meta for the current one (${version})`;
    return json(409, { error: { code: "stale_version", message } }, "no-store");
  }
  const rest = new URLSearchParams([...params].filter(([k]) => k !== "v").sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  const { status, body } = handleApi(data, method === "HEAD" ? "GET" : method, route, rest);
  if (status !== 200) return json(status, body, "no-cache");
  const versioned = v !== null && !isMeta;
  const answer = json(200, body, versioned ? `public, max-age=${maxAge}, stale-while-revalidate=86400` : "no-cache");
  // Weak: the same answer is sent plain, gzip or brotli.
  answer.etag = `W/"${createHash("sha256").update(`${version}\n${route}\n${rest}`).digest("base64url").slice(0, 27)}"`;
  return answer;
}

/** brotli, else gzip, as the client accepts them (q=0 refuses); none for another or no Accept-Encoding. */
function pickEncoding(header: string | undefined): "br" | "gzip" | undefined {
  const accepted = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...opts] = part.trim().toLowerCase().split(";");
    const q = opts.map((o) => o.trim()).find((o) => o.startsWith("q="));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : undefined;
}

/** The body compressed once per answer (brotli at quality 5: near its best ratio at a fraction of 11's time). */
function compress(answer: Answer, encoding: "br" | "gzip"): Buffer {
  if (encoding === "br") {
    answer.br ??= brotliCompressSync(answer.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return answer.br;
  }
  answer.gzip ??= gzipSync(answer.body);
  return answer.gzip;
}

if (values.data) {
  const dir = values.data;
  let reading = false;
  // Polled, not fs.watch: data:import and data:snapshot publish by rename, which a watch on the
  // old file would miss. A snapshot that fails to read leaves the last good one served.
  watchFile(join(dir, "meta.json"), { interval: Number(values["watch-ms"]) }, async (now, before) => {
    if (reading || (now.mtimeMs === before.mtimeMs && now.ino === before.ino)) return;
    reading = true;
    try {
      const next = await readSnapshot(dir);
      data = next;
      answers.clear();
      console.log(`reference API: ${dir} re-read, data version ${next.meta.dataVersion}`);
    } catch (e) {
      console.error(`reference API: ${dir} could not be re-read, still serving ${data.meta.dataVersion}: ${e}`);
    } finally {
      reading = false;
    }
  });
}

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : values.port;
  const allowed = cors.allowHeaders ? cors.allowHeaders.join(", ") || "none" : "as asked";
  console.log(
    `reference API: http://${values.host}:${port}${base}/ (CORS: ${[...cors.origins].join(", ") || "none"}; request headers: ${allowed})`,
  );
});
