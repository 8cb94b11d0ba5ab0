/**
 * The reference API server: contract v1 over real HTTP, from the simulated dataset or a
 * snapshot folder. `npm run api -- [--port 8787] [--host 127.0.0.1] [--cors ORIGINS] [--data DIR]`
 * ORIGINS: comma-separated allowed origins, or * for any (env API_CORS_ORIGINS also works).
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { handleApi } from "../mock/api";
import { generateDataset } from "../mock/generate";
import { readSnapshot } from "../mock/snapshot";

const DEV_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:4173", "http://127.0.0.1:4173"];
const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8787" },
    host: { type: "string", default: "127.0.0.1" },
    cors: { type: "string", default: process.env.API_CORS_ORIGINS ?? DEV_ORIGINS.join(",") },
    data: { type: "string" },
    base: { type: "string", default: "/api/v1" },
  },
});
const data = values.data ? await readSnapshot(values.data) : generateDataset();
const allowed = new Set(
  (values.cors as string)
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean),
);
const base = (values.base as string).replace(/\/+$/, "");

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const origin = req.headers.origin;
  if (origin && (allowed.has("*") || allowed.has(origin))) {
    res.setHeader("Access-Control-Allow-Origin", allowed.has("*") ? "*" : origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
    res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
  }
  if (req.method === "OPTIONS") {
    res.writeHead(204).end();
    return;
  }
  const { status, body } = url.pathname.startsWith(`${base}/`)
    ? handleApi(data, req.method ?? "GET", url.pathname.slice(base.length + 1), url.searchParams)
    : { status: 404, body: { error: { code: "not_found", message: `the API lives under ${base}/` } } };
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" });
  res.end(JSON.stringify(body));
});
server.listen(Number(values.port), values.host, () => {
  console.log(`reference API: http://${values.host}:${values.port}${base}/ (CORS: ${[...allowed].join(", ") || "none"})`);
});
