/**
 * The reference API as a cache sees it, over real HTTP against the server started as
 * `npm run api -- --data DIR` starts it: ETag and 304, Cache-Control by request, 409 for
 * another version, brotli and gzip by Accept-Encoding, and a --data folder re-read when its
 * meta.json changes (published by the same writer as data:snapshot and data:import).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dataset, generateDataset } from "../../mock/generate";
import { writeSnapshot } from "../../mock/snapshot";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

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
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}
const json = (a: Answer) => JSON.parse(a.body.toString("utf8"));

let data: Dataset;
let dir: string;
let port: number;
let child: ChildProcess;
const V = () => data.meta.dataVersion;

beforeAll(async () => {
  data = generateDataset();
  dir = mkdtempSync(join(tmpdir(), "gd-api-cache-"));
  await writeSnapshot(data, join(dir, "v1"));
  port = await freePort();
  child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/api-server.ts", "--port", String(port), "--data", join(dir, "v1"), "--watch-ms", "100"],
    { cwd: ROOT, stdio: "ignore" },
  );
  for (let i = 0; i < 300; i++) {
    const up = await get(port, "/api/v1/meta").catch(() => undefined);
    if (up?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the reference API did not start");
}, 60_000);
afterAll(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const OBS = "/api/v1/observations?indicator=5g-base-stations&level=city";

describe("the reference API behind a cache", () => {
  it("caches versioned requests publicly, revalidates /meta and unversioned ones", async () => {
    const versioned = await get(port, `${OBS}&v=${V()}`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers["cache-control"]).toMatch(/^public, max-age=\d{4,}, stale-while-revalidate=\d+$/);
    expect((await get(port, "/api/v1/meta")).headers["cache-control"]).toBe("no-cache");
    expect((await get(port, `/api/v1/meta?v=${V()}`)).headers["cache-control"]).toBe("no-cache");
    expect((await get(port, OBS)).headers["cache-control"]).toBe("no-cache");
    expect(versioned.headers.vary).toMatch(/Accept-Encoding/);
  });

  it("gives an ETag of the version and the request, and 304 with no body to a matching If-None-Match", async () => {
    const first = await get(port, `${OBS}&v=${V()}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    // The same request in another parameter order is the same answer; another request is not.
    expect((await get(port, `/api/v1/observations?v=${V()}&level=city&indicator=5g-base-stations`)).headers.etag).toBe(etag);
    expect((await get(port, `/api/v1/observations?indicator=gdp&level=city&v=${V()}`)).headers.etag).not.toBe(etag);
    const again = await get(port, `${OBS}&v=${V()}`, { "If-None-Match": `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers["cache-control"]).toBe(first.headers["cache-control"]);
    expect((await get(port, `${OBS}&v=${V()}`, { "If-None-Match": 'W/"stale"' })).status).toBe(200);
  });

  it("answers 409 stale_version, never cached, to a v that is not the data version", async () => {
    const stale = await get(port, `${OBS}&v=not-${V()}`);
    expect(stale.status).toBe(409);
    expect(stale.headers["cache-control"]).toBe("no-store");
    expect(json(stale).error.code).toBe("stale_version");
  });

  it("compresses with brotli or gzip as Accept-Encoding asks, to the same JSON", async () => {
    const plain = await get(port, `${OBS}&v=${V()}`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const br = await get(port, `${OBS}&v=${V()}`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await get(port, `${OBS}&v=${V()}`, { "Accept-Encoding": "gzip, br;q=0" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect((await get(port, `${OBS}&v=${V()}`, { "Accept-Encoding": "identity" })).headers["content-encoding"]).toBeUndefined();
  });

  it("serves a new snapshot published into its --data folder without a restart", async () => {
    const old = V();
    const before = await get(port, `${OBS}&v=${old}`);
    const etag = before.headers.etag as string;
    const city = json(before).observations[0];
    const next: Dataset = {
      ...data,
      meta: { ...data.meta, dataVersion: `${old}-next` },
      observations: new Map([
        ...data.observations,
        [
          "5g-base-stations",
          (data.observations.get("5g-base-stations") ?? []).map((o) =>
            o.region === city.region && o.period === city.period ? { ...o, value: 1 } : o,
          ),
        ],
      ]),
    };
    await writeSnapshot(next, join(dir, "v1"));
    await expect.poll(async () => json(await get(port, "/api/v1/meta")).dataVersion, { timeout: 10_000 }).toBe(`${old}-next`);
    data = next;
    expect((await get(port, `${OBS}&v=${old}`)).status).toBe(409);
    const after = await get(port, `${OBS}&v=${V()}`, { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(json(after).observations[0]).toEqual({ ...city, value: 1 });
  });
});
