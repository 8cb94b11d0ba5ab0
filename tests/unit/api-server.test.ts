/**
 * The reference API server's CORS, with real preflights (OPTIONS with Origin and
 * Access-Control-Request-*, as a browser sends them before a cross-origin GET with a custom header)
 * against the server started as `npm run api` starts it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SITE = "http://localhost:4173";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function send(port: number, method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Starts `npm run api` with `args` on a free port; resolves once it answers. */
async function startApi(args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  // Node itself with tsx's loader (not the tsx wrapper), so that kill() stops the server.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/api-server.ts", "--port", String(port), ...args], {
    cwd: ROOT,
    stdio: "ignore",
  });
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    const up = await send(port, "GET", "/api/v1/meta", {}).catch(() => undefined);
    if (up?.status === 200) return { port, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the reference API did not start (exit code ${child.exitCode})`);
}

const preflight = (port: number, requestHeaders: string, origin = SITE) =>
  send(port, "OPTIONS", "/api/v1/observations?indicator=gdp&level=city", {
    Origin: origin,
    "Access-Control-Request-Method": "GET",
    "Access-Control-Request-Headers": requestHeaders,
  });

describe("the reference API's CORS", () => {
  let api: { port: number; child: ChildProcess };
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    api = await startApi(["--cors", SITE]);
    started.push(api.child);
  }, 30_000);
  afterAll(() => {
    for (const child of started) child.kill();
  });

  it("allows the request headers a preflight asks for, such as config.json's X-Api-Key", async () => {
    const answer = await preflight(api.port, "authorization,x-api-key");
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe(SITE);
    expect(answer.headers["access-control-allow-methods"]).toMatch(/\bGET\b/);
    expect(answer.headers["access-control-allow-headers"]).toBe("authorization, x-api-key");
    // A cache must not hand one page's answer to another origin or another set of headers.
    expect(answer.headers.vary).toBe("Origin, Access-Control-Request-Headers");
  });

  it("refuses a preflight whose header list holds something that is not a header name", async () => {
    for (const asked of ["x-api-key, bad header", "x-api-key, (x)", 'x-a"b']) {
      const answer = await preflight(api.port, asked);
      expect(answer.status, asked).toBe(400);
      expect(answer.headers["access-control-allow-headers"], asked).toBeUndefined();
    }
  });

  it("exposes Retry-After to the page, and says nothing to an origin it does not allow", async () => {
    const get = await send(api.port, "GET", "/api/v1/meta", { Origin: SITE });
    expect(get.status).toBe(200);
    expect(get.headers["access-control-allow-origin"]).toBe(SITE);
    expect(get.headers["access-control-expose-headers"]).toBe("Retry-After");

    const stranger = await preflight(api.port, "x-api-key", "https://elsewhere.example");
    expect(stranger.headers["access-control-allow-origin"]).toBeUndefined();
    expect(stranger.headers["access-control-allow-headers"]).toBeUndefined();
  });

  it("allows only the configured headers with --allow-headers", async () => {
    const listed = await startApi(["--cors", "*", "--allow-headers", "X-Api-Key, Authorization"]);
    started.push(listed.child);
    const answer = await preflight(listed.port, "x-api-key, x-other", "https://stats.example.gov.cn");
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["access-control-allow-headers"]).toBe("X-Api-Key, Authorization");
    expect(answer.headers.vary).toBe("Origin");
  });
});
