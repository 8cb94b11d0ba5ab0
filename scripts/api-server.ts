/**
 * The reference API server: contract v1 over real HTTP, from the simulated dataset or a
 * snapshot folder.
 * `npm run api -- [--port 8787] [--host 127.0.0.1] [--cors ORIGINS] [--allow-headers NAMES] [--data DIR]`
 * ORIGINS: comma-separated allowed origins, or * for any (env API_CORS_ORIGINS also works).
 * NAMES: the request headers a cross-origin page may send (env API_ALLOW_HEADERS); without it,
 * whatever a preflight asks for, if each is a valid header name (see `corsHeaders`).
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
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
  },
});
const data = values.data ? await readSnapshot(values.data) : generateDataset();
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
  const { status, body } = url.pathname.startsWith(`${base}/`)
    ? handleApi(data, req.method ?? "GET", url.pathname.slice(base.length + 1), url.searchParams)
    : { status: 404, body: { error: { code: "not_found", message: `the API lives under ${base}/` } } };
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" });
  res.end(JSON.stringify(body));
});
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : values.port;
  const allowed = cors.allowHeaders ? cors.allowHeaders.join(", ") || "none" : "as asked";
  console.log(
    `reference API: http://${values.host}:${port}${base}/ (CORS: ${[...cors.origins].join(", ") || "none"}; request headers: ${allowed})`,
  );
});
