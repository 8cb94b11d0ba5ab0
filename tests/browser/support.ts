/**
 * Helpers for the browser suite: Debian's Chromium through playwright-core (never a downloaded
 * browser), child-process servers that are stopped as a whole process group, and a tiny static
 * file server for deployments under a sub-path.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(ROOT, "dist");
export const BIN = (name: string) => join(ROOT, "node_modules", ".bin", name);

/** Flags for Chromium on this closed network: no sandbox, no GPU, and no traffic of its own. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Headless Chromium with a fresh profile (playwright creates a new user data dir per launch). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => ok(port));
    });
  });
}

export interface Running {
  /** Stops the server (for child processes: the whole process group). */
  stop: () => Promise<void>;
  /** What the process printed so far (for failure messages). */
  output: () => string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { serveStatic } from "../../scripts/serve-static";

/**
 * Spawns `cmd args` in its own process group and waits until `readyUrl` answers (any HTTP
 * status), failing early if the process exits and after `timeoutMs` (default 60 s).
 */
export async function startServer(
  cmd: string,
  args: string[],
  {
    cwd = ROOT,
    env = {},
    readyUrl,
    timeoutMs = 60_000,
  }: { cwd?: string; env?: NodeJS.ProcessEnv; readyUrl: string; timeoutMs?: number },
): Promise<Running> {
  const child: ChildProcess = spawn(cmd, args, {
    cwd,
    // A key set to undefined in `env` is removed from the child's environment.
    env: Object.fromEntries(
      Object.entries({ ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env }).filter(([, v]) => v !== undefined),
    ),
    detached: true, // own process group: stop() kills the server and everything it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited: string | null = null;
  const exitPromise = new Promise<void>((done) => {
    child.on("exit", (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      done();
    });
    child.on("error", (e) => {
      exited = `failed to start: ${e.message}`;
      done();
    });
  });
  const describe = `${cmd} ${args.join(" ")}`;

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid as number), sig);
      } catch {
        // already gone
      }
    };
    kill("SIGTERM");
    const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 5000));
    if ((await Promise.race([exitPromise, timer])) === "timeout") {
      kill("SIGKILL");
      await exitPromise;
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${describe} ${exited} before ${readyUrl} answered. Output:\n${log}`);
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${describe}: ${readyUrl} did not answer within ${timeoutMs / 1000} s. Output:\n${log}`);
    }
    await sleep(200);
  }
  return { stop, output: () => log };
}

/** A fresh temporary directory outside the repository (so neither biome nor vite sees it). */
export function tempDir(prefix = "gd-dashboard-browser-"): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Copies the built site to `dest`, optionally replacing its config.json and, as a deployer
 * would for an API on another origin, adding origins to the CSP's connect-src.
 */
export function copyDist(dest: string, config?: unknown, { connectSrc = [] as string[] } = {}): string {
  cpSync(DIST, dest, { recursive: true });
  if (config !== undefined) writeFileSync(join(dest, "config.json"), JSON.stringify(config));
  if (connectSrc.length) {
    const index = join(dest, "index.html");
    const html = readFileSync(index, "utf8");
    const patched = html.replace("connect-src 'self'", `connect-src 'self' ${connectSrc.join(" ")}`);
    if (patched === html) throw new Error("index.html has no CSP connect-src to extend");
    writeFileSync(index, patched);
  }
  return dest;
}

/** The built site served by `vite preview` on a free port: its base URL and how to stop it. */
export async function startPreview(): Promise<{ base: string; server: Running }> {
  assertBuilt();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = await startServer(BIN("vite"), ["preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
    readyUrl: `${base}config.json`,
  });
  return { base, server };
}

/** Fails with a clear message when `npm run build` has not run. */
export function assertBuilt(): void {
  for (const f of ["index.html", "config.json", "data/v1/meta.json"]) {
    if (!existsSync(join(DIST, f))) {
      throw new Error(
        `dist/${f} is missing: build the site first (npm run build, or run the suite through npm run test:browser).`,
      );
    }
  }
}

/** Console `error` messages and uncaught page errors, collected as they happen. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const loc = msg.location();
      errors.push(`console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  return errors;
}

/** Every request URL the page makes, and every response it got (with whether a service worker answered it). */
export function recordRequests(page: Page): {
  urls: string[];
  responses: { url: string; status: number; fromServiceWorker: boolean }[];
} {
  const urls: string[] = [];
  const responses: { url: string; status: number; fromServiceWorker: boolean }[] = [];
  page.on("request", (r) => {
    urls.push(r.url());
  });
  page.on("response", (r) => {
    responses.push({ url: r.url(), status: r.status(), fromServiceWorker: r.fromServiceWorker() });
  });
  return { urls, responses };
}

/**
 * Counts pixels of the first canvas inside `selector` that are not fully transparent; also
 * returns its size. ECharts draws into a 2D canvas, so getImageData works.
 */
export async function canvasInk(
  page: Page,
  selector = ".chart canvas",
): Promise<{ width: number; height: number; inked: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const ctx = canvas.getContext("2d");
      if (!ctx || canvas.width === 0 || canvas.height === 0) return { width: canvas.width, height: canvas.height, inked: 0 };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
      return { width: canvas.width, height: canvas.height, inked };
    });
}
