/**
 * `npm run bench -- --load`: the reference API under load on the loopback interface, with
 * autocannon. The server (one process: one core) serves the generator's dataset; the requests
 * are what a visit to the Overview and the Map asks for (meta, regions, indicators, the
 * headline indicators by province, every city-level indicator, the Map's county level),
 * versioned as the dashboard sends them. Each of 50 and 200 connections runs for `seconds`
 * (20) three ways: plain, compressed (Accept-Encoding: br, gzip) and conditional (compressed,
 * with the If-None-Match of a cache revalidating). Reports requests/s, p50/p99 latency,
 * errors, bytes per response (headers included) and the server's CPU time per request, hence
 * what one core serves. Bounded: 6 runs × `seconds` plus start-up. Reported, never asserted.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { type Dataset, generateDataset } from "../mock/generate";
import { snapshotFiles } from "../mock/snapshot";
import { featured } from "../src/domain/catalogue";
import { freePort, ROOT } from "../tests/browser/support";
import { round } from "./stats";

export interface LoadRun {
  mode: "plain" | "compressed" | "conditional";
  connections: number;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  serverCpuMsPerRequest: number;
  /** Requests one fully used server core would answer per second (from the CPU time above). */
  perCore: number;
}

const BASE = "/api/v1";

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; etag?: string; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The server's user + system CPU time in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/** The paths of one visit to the Overview and the Map, as the dashboard asks for them. */
export function visitPaths(version: string): string[] {
  const data = generateDataset();
  const v = `v=${encodeURIComponent(version)}`;
  const obs = (id: string, level: string) => `${BASE}/observations?indicator=${id}&level=${level}&${v}`;
  const headline = featured(data.indicators);
  return [
    `${BASE}/meta`,
    `${BASE}/regions?${v}`,
    `${BASE}/indicators?${v}`,
    ...headline.map((i) => obs(i.id, "province")),
    ...data.indicators.filter((i) => i.levels.includes("city")).map((i) => obs(i.id, "city")),
    ...headline.filter((i) => i.levels.includes("county")).map((i) => obs(i.id, "county")),
  ];
}

export async function runLoad({ seconds = 20, log = console.log } = {}): Promise<LoadRun[]> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/api-server.ts", "--port", String(port)], {
    cwd: ROOT,
    stdio: "ignore",
  });
  try {
    let meta: { dataVersion: string } | undefined;
    for (let i = 0; i < 300 && !meta; i++) {
      const up = await get(port, `${BASE}/meta`).catch(() => undefined);
      if (up?.status === 200) meta = JSON.parse(up.body);
      else await new Promise((r) => setTimeout(r, 100));
    }
    if (!meta) throw new Error("the reference API did not start");
    const paths = visitPaths(meta.dataVersion);
    const compressed = { "Accept-Encoding": "br, gzip" };
    const etags = await Promise.all(paths.map(async (p) => (await get(port, p, compressed)).etag ?? ""));
    log(`load: ${paths.length} requests a visit (Overview + Map), ${seconds} s per run`);
    const requests = {
      plain: paths.map((path) => ({ path })),
      compressed: paths.map((path) => ({ path, headers: compressed })),
      conditional: paths.map((path, i) => ({ path, headers: { ...compressed, "If-None-Match": etags[i] } })),
    };
    const runs: LoadRun[] = [];
    for (const connections of [50, 200]) {
      for (const mode of ["plain", "compressed", "conditional"] as const) {
        const cpuBefore = cpuMs(server.pid as number);
        const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests: requests[mode] });
        const cpu = cpuMs(server.pid as number) - cpuBefore;
        const total = r.requests.total || 1;
        const run: LoadRun = {
          mode,
          connections,
          requestsPerSecond: round(r.requests.average, 0),
          p50ms: r.latency.p50,
          p99ms: r.latency.p99,
          errors: r.errors + r.timeouts,
          non2xx: mode === "conditional" ? r.non2xx - (r["3xx"] ?? 0) : r.non2xx,
          bytesPerResponse: round(r.throughput.total / total, 0),
          serverCpuMsPerRequest: round(cpu / total, 3),
          perCore: round((total / cpu) * 1000, 0),
        };
        runs.push(run);
        log(
          `load: ${String(connections).padStart(3)} connections, ${mode.padEnd(11)} ${run.requestsPerSecond} req/s, p50 ${run.p50ms} ms, p99 ${run.p99ms} ms, ${run.errors} errors, ${run.non2xx} non-2xx/3xx, ${run.bytesPerResponse} B/response, ${run.serverCpuMsPerRequest} ms CPU/request (${run.perCore} req/s per core)`,
        );
      }
    }
    return runs;
  } finally {
    server.kill();
  }
}

if (process.argv[1] && join(process.argv[1]) === join(ROOT, "bench", "load.ts")) {
  if (process.argv.includes("--sizes")) {
    const { scaledDataset } = await import("./scale");
    if (!process.argv.includes("--national-only")) console.table(snapshotSizes(generateDataset()));
    const t0 = performance.now();
    const national = scaledDataset(3000);
    console.log(`3,000 units generated in ${Math.round(performance.now() - t0)} ms`);
    console.table(snapshotSizes(national));
  } else {
    const seconds = Number(process.argv.find((a) => a.startsWith("--seconds="))?.slice(10) ?? 20);
    await runLoad({ seconds });
  }
}

export interface FileSizes {
  files: number;
  rawKB: number;
  gzipKB: number;
  brotliKB: number;
}

/**
 * National scale on paper: the snapshot of the generator's synthetic dataset with `regions`
 * county-level units (bench/scale.ts's shape), sized per kind of file raw, gzip and brotli,
 * and what one visit (the Overview's and the Map's files, as in `visitPaths`) transfers.
 */
export function snapshotSizes(data: Dataset): Record<string, FileSizes> {
  const kinds: Record<string, FileSizes> = {};
  const headline = new Set(featured(data.indicators).map((i) => i.id));
  const cityLevel = new Set(data.indicators.filter((i) => i.levels.includes("city")).map((i) => i.id));
  const add = (kind: string, body: Buffer) => {
    kinds[kind] ??= { files: 0, rawKB: 0, gzipKB: 0, brotliKB: 0 };
    const k = kinds[kind];
    k.files++;
    k.rawKB += body.length / 1024;
    k.gzipKB += gzipSync(body).length / 1024;
    k.brotliKB += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024;
  };
  for (const [name, json] of snapshotFiles(data)) {
    const body = Buffer.from(`${JSON.stringify(json)}\n`);
    const m = /^observations\/([^/]+)(?:\/([a-z]+))?\.json$/.exec(name);
    const kind = m ? (m[2] ? `observations/{id}/${m[2]}.json` : "observations/{id}.json") : name;
    add(kind, body);
    const visited =
      !m ||
      (m[2] === "province" && headline.has(m[1])) ||
      (m[2] === "city" && cityLevel.has(m[1])) ||
      (m[2] === "county" && headline.has(m[1]));
    if (visited) add("one visit (Overview + Map)", body);
  }
  for (const k of Object.values(kinds)) {
    k.rawKB = round(k.rawKB, 1);
    k.gzipKB = round(k.gzipKB, 1);
    k.brotliKB = round(k.brotliKB, 1);
  }
  return kinds;
}
