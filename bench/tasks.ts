/**
 * Long tasks of a built view under CPU throttling, and what runs in them: `npx tsx bench/tasks.ts`
 * (after a build; `--site DIR` for another build, `--pages profile,explore,data`, `--cpu 4`,
 * `--reps 1`, `--top 8`, `--min 50`).
 *
 * One Chromium trace per page load (Lighthouse's mobile viewport, CDP
 * Emulation.setCPUThrottlingRate, network unthrottled as in Lighthouse's simulated mode, which
 * also loads fast and scales CPU time): every main-thread task over `--min` ms, with its time
 * by trace event kind (script, layout, style…) and bottom-up by function from the trace's CPU
 * profile, named through the build's source maps; "app" is the nearest frame in src/ of each
 * sample, i.e. which of our functions the time is spent under. Functions are named by their
 * source when the site was built with source maps (`npx vite build --sourcemap hidden
 * --outDir DIR`, then `--site DIR`), else by the built file and line. A diagnostic for #15, not
 * part of `npm run bench`; the one such tool (it replaced two others written for single views).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SourceMapConsumer } from "source-map-js";
import { DIST, launch, serveStatic } from "../tests/browser/support";
import { PROFILE_QUERY, VIEWS } from "./browser";

const { values: args } = parseArgs({
  options: {
    site: { type: "string" },
    pages: { type: "string", default: "profile,explore,data" },
    cpu: { type: "string", default: "4" },
    reps: { type: "string", default: "1" },
    top: { type: "string", default: "8" },
    min: { type: "string", default: "50" },
    json: { type: "string" },
  },
});
const site = args.site ?? DIST;
const PAGES: Record<string, string> = { ...VIEWS, data: "?view=data", profile: PROFILE_QUERY };
const cpu = Number(args.cpu);
const minMs = Number(args.min);
const top = Number(args.top);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

const maps = new Map<string, SourceMapConsumer | null>();
function consumer(url: string): SourceMapConsumer | null {
  const file = url.replace(/^https?:\/\/[^/]+\//, "").split("?")[0];
  if (!maps.has(file)) {
    const path = join(site, `${file}.map`);
    maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, "utf8"))) : null);
  }
  return maps.get(file) ?? null;
}
/** A frame named by its original source: `name (file:line)`, and whether it is our code (src/). */
function named(f: CallFrame): { key: string; app: boolean } {
  if (!f.url) return { key: f.functionName || "(anonymous)", app: false };
  const map = consumer(f.url);
  if (!map) return { key: `${f.functionName || "(anonymous)"} (${f.url.split("/").at(-1)}:${f.lineNumber + 1})`, app: false };
  const pos = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
  const source = (pos.source ?? "?").replace(/^(\.\.\/)+/, "").replace(/^node_modules\/(\.pnpm\/)?/, "");
  const app = /^src\//.test(source);
  return { key: `${pos.name ?? f.functionName ?? "(anonymous)"} (${source}:${pos.line})`, app };
}

const KINDS: Record<string, string> = {
  FunctionCall: "script",
  EvaluateScript: "script",
  "v8.evaluateModule": "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  EventDispatch: "script",
  RunMicrotasks: "script",
  "v8.compile": "compile",
  "v8.compileModule": "compile",
  "V8.CompileCode": "compile",
  "v8.parseOnBackground": "compile",
  Layout: "layout",
  UpdateLayoutTree: "style",
  ParseAuthorStyleSheet: "style",
  Paint: "paint",
  PrePaint: "paint",
  Layerize: "paint",
  ParseHTML: "html",
  MajorGC: "gc",
  MinorGC: "gc",
  "V8.GC_MC_BACKGROUND_MARKING": "gc",
};

async function traceOnce(url: string): Promise<TraceEvent[]> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    await browser.startTracing(page, {
      categories: [
        "devtools.timeline",
        "disabled-by-default-devtools.timeline",
        "toplevel",
        "v8.execute",
        "v8",
        "disabled-by-default-v8.cpu_profiler",
        "blink.user_timing",
      ],
    });
    await page.goto(url, { waitUntil: "load" });
    // Until the page has been quiet (no long task) for 3 s, at most 30 s.
    // (A string: tsx would wrap named functions in a helper the page does not have.)
    await page.evaluate(`new Promise((done) => {
      let last = performance.now();
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) last = Math.max(last, e.startTime + e.duration);
      }).observe({ type: "longtask", buffered: true });
      const t0 = performance.now();
      const tick = () => (performance.now() - last > 3000 || performance.now() - t0 > 30000 ? done() : setTimeout(tick, 250));
      tick();
    })`);
    const buffer = await browser.stopTracing();
    const json = JSON.parse(buffer.toString("utf8"));
    return (Array.isArray(json) ? json : json.traceEvents) as TraceEvent[];
  } finally {
    await browser.close();
  }
}

interface TaskReport {
  start: number;
  ms: number;
  kinds: Record<string, number>;
  self: [string, number][];
  app: [string, number][];
}

function analyse(events: TraceEvent[]): { tasks: TaskReport[]; navStart: number } {
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  // The page's renderer: the main thread with most task time.
  const busy = mains
    .map((m) => ({
      m,
      t: events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === "RunTask").reduce((a, e) => a + (e.dur ?? 0), 0),
    }))
    .sort((a, b) => b.t - a.t)[0]?.m;
  if (!busy) throw new Error("no renderer main thread in the trace");
  const onMain = events.filter((e) => e.pid === busy.pid && e.tid === busy.tid && e.ph === "X").sort((a, b) => a.ts - b.ts);
  const nav = events.find((e) => e.pid === busy.pid && e.name === "navigationStart")?.ts ?? onMain[0]?.ts ?? 0;

  // CPU profile samples (the trace's own clock).
  const nodes = new Map<number, ProfileNode>();
  const samples: { t: number; node: number }[] = [];
  // The main thread's profile only: a worker's (its Profile event on the worker's thread, its
  // chunks under the same id) has its own clock and node ids.
  const mainProfiles = new Set(
    events.filter((e) => e.pid === busy.pid && e.tid === busy.tid && e.name === "Profile").map((e) => e.id ?? ""),
  );
  const chunks = events.filter(
    (e) => e.pid === busy.pid && (e.name === "Profile" || e.name === "ProfileChunk") && mainProfiles.has(e.id ?? ""),
  );
  const clock = new Map<string, number>();
  for (const e of chunks) {
    const data = e.args?.data as
      | { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    const id = e.id ?? "";
    if (e.name === "Profile") {
      clock.set(id, data?.startTime ?? e.ts);
      continue;
    }
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(id) ?? e.ts;
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push({ t, node });
    });
    clock.set(id, t);
  }
  samples.sort((a, b) => a.t - b.t);
  const nameOf = new Map<number, { key: string; app: boolean }>();
  const nodeName = (id: number) => {
    let n = nameOf.get(id);
    if (!n) {
      const node = nodes.get(id);
      n = node ? named(node.callFrame) : { key: "?", app: false };
      nameOf.set(id, n);
    }
    return n;
  };
  const appOf = new Map<number, string>();
  const nearestApp = (id: number): string => {
    const hit = appOf.get(id);
    if (hit) return hit;
    let cur: number | undefined = id;
    let out = "(no app frame)";
    while (cur !== undefined) {
      const n = nodeName(cur);
      if (n.app) {
        out = n.key;
        break;
      }
      cur = nodes.get(cur)?.parent;
    }
    appOf.set(id, out);
    return out;
  };

  const tasks = onMain.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > minMs * 1000);
  const reports: TaskReport[] = tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && e.name in KINDS);
    // Self time by kind: each event's duration minus its children's (nesting by time).
    const kinds: Record<string, number> = {};
    const stack: { e: TraceEvent; end: number; child: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length && (stack.at(-1) as { end: number }).end <= upTo) {
        const s = stack.pop() as { e: TraceEvent; end: number; child: number };
        const kind = KINDS[s.e.name];
        kinds[kind] = (kinds[kind] ?? 0) + ((s.e.dur ?? 0) - s.child) / 1000;
        if (stack.length) (stack.at(-1) as { child: number }).child += s.e.dur ?? 0;
      }
    };
    for (const e of inside) {
      close(e.ts);
      stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    const self = new Map<string, number>();
    const app = new Map<string, number>();
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      if (s.t < task.ts || s.t >= end) continue;
      const dt = ((samples[i + 1]?.t ?? s.t) - s.t) / 1000;
      const n = nodeName(s.node);
      if (n.key === "(idle)") continue;
      self.set(n.key, (self.get(n.key) ?? 0) + dt);
      const a = nearestApp(s.node);
      app.set(a, (app.get(a) ?? 0) + dt);
    }
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
    return { start: (task.ts - nav) / 1000, ms: (task.dur ?? 0) / 1000, kinds, self: sorted(self), app: sorted(app) };
  });
  return { tasks: reports, navStart: nav };
}

const server = await serveStatic(site);
const out: Record<string, TaskReport[][]> = {};
try {
  for (const name of (args.pages ?? "").split(",").map((p) => p.trim())) {
    if (!(name in PAGES)) throw new Error(`unknown page ${name} (${Object.keys(PAGES).join(", ")})`);
    for (let rep = 0; rep < Number(args.reps); rep++) {
      const { tasks } = analyse(await traceOnce(`http://127.0.0.1:${server.port}/${PAGES[name]}`));
      out[name] = [...(out[name] ?? []), tasks];
      const tbt = tasks.reduce((a, t) => a + t.ms - 50, 0);
      console.log(
        `\n## ${name} (${cpu}× CPU, run ${rep + 1}): ${tasks.length} tasks > ${minMs} ms, longest ${Math.max(0, ...tasks.map((t) => t.ms)).toFixed(0)} ms, Σ(task − 50 ms) ${tbt.toFixed(0)} ms`,
      );
      for (const t of tasks) {
        const kinds = Object.entries(t.kinds)
          .filter(([, v]) => v >= 1)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(", ");
        console.log(`- at ${t.start.toFixed(0)} ms: ${t.ms.toFixed(0)} ms (${kinds})`);
        console.log(`    self: ${t.self.map(([k, v]) => `${k} ${v.toFixed(0)}`).join("; ")}`);
        console.log(`    app:  ${t.app.map(([k, v]) => `${k} ${v.toFixed(0)}`).join("; ")}`);
      }
    }
  }
} finally {
  await server.stop();
}
if (args.json) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(args.json, JSON.stringify(out, null, 1));
}
