/**
 * `npx tsx bench/compare-profile.ts --site DIR [--units 3000] [--cpu 4] [--scroll] [--phone]`:
 * loads Compare in the built site (with its data replaced by the synthetic snapshot of
 * `--units` county-level units, or the real tree), under CDP CPU throttling, records a
 * Chromium trace and lists every main-thread task longer than 50 ms with what ran in it:
 * the trace events directly under the task (script, layout, style, paint, GC) and the
 * functions with the most self time (bottom-up), mapped to their sources when the site was
 * built with `--sourcemap hidden`. A diagnostic for issue #15, not part of `npm run bench`.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SourceMapConsumer } from "source-map";
import { generateDataset } from "../mock/generate";
import { writeSnapshot } from "../mock/snapshot";
import { regionsAtLevel } from "../src/api/filter";
import { CATALOGUES as MESSAGES } from "../src/i18n/catalogues";
import { BIN, freePort, launch, startServer, tempDir } from "../tests/browser/support";
import { COMPARE_REGIONS, INIT, settle } from "./browser";
import { scaledDataset } from "./scale";

const { values: args } = parseArgs({
  options: {
    site: { type: "string" },
    units: { type: "string" },
    cpu: { type: "string", default: "4" },
    scroll: { type: "boolean", default: false },
    phone: { type: "boolean", default: false },
    trace: { type: "string" },
    top: { type: "string", default: "12" },
    reps: { type: "string", default: "1" },
    analyze: { type: "string" },
  },
});
if (!args.site) throw new Error("--site DIR is required");
const units = args.units ? Number(args.units) : null;
const cpu = Number(args.cpu);
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
  args?: Record<string, unknown>;
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

const dir = tempDir("gd-compare-profile-");
const site = join(dir.path, "site");
cpSync(args.site, site, { recursive: true });
const data = units === null ? generateDataset() : scaledDataset(units);
if (units !== null) await writeSnapshot(data, join(site, "data", "v1"));
const selection =
  units === null
    ? COMPARE_REGIONS
    : regionsAtLevel(data.regions, "county")
        .filter((u) => u.level === "county")
        .slice(0, 8)
        .map((u) => u.code);

const maps = new Map<string, SourceMapConsumer | null>();
function mapFrame(f: CallFrame): string {
  const file = f.url?.split("/").pop() ?? "";
  if (!f.url) return f.functionName || "(program)";
  let map = maps.get(file);
  if (map === undefined) {
    const path = join(args.site as string, "assets", `${file}.map`);
    map = existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, "utf8"))) : null;
    maps.set(file, map);
  }
  const pos = map?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
  if (!pos?.source) return `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
  const source = pos.source.replace(/^.*?\/(node_modules|src)\//, (_, d: string) => (d === "src" ? "src/" : ""));
  return `${pos.name ?? f.functionName ?? "(anonymous)"} ${source}:${pos.line}`;
}

function report(events: TraceEvent[], observed: { settled: number; tasks: number[] }, label: string): number {
  // The page's main thread: the CrRendererMain with the most task time.
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const taskTime = (pid: number, tid: number) =>
    events
      .filter((e) => e.pid === pid && e.tid === tid && e.name === "RunTask" && e.ph === "X")
      .reduce((a, e) => a + (e.dur ?? 0), 0);
  const main = mains.map((m) => ({ pid: m.pid, tid: m.tid, t: taskTime(m.pid, m.tid) })).sort((a, b) => b.t - a.t)[0];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.name === "RunTask" && e.ph === "X" && (e.dur ?? 0) > 50_000).sort((a, b) => a.ts - b.ts);
  const nav = onMain.find((e) => e.name === "navigationStart" || e.name === "TracingStartedInBrowser")?.ts ?? tasks[0]?.ts ?? 0;

  // The CPU profile's samples, with their timestamps (in the trace's clock).
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number; w: number }[] = [];
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid) continue;
    if (e.name === "Profile") starts.set(e.id ?? "", (e.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  }
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid || e.name !== "ProfileChunk") continue;
    const d = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id ?? "") ?? starts.get(e.id ?? "") ?? 0;
    const s = d.cpuProfile?.samples ?? [];
    (d.timeDeltas ?? []).forEach((dt, i) => {
      t += dt;
      samples.push({ ts: t, node: s[i], w: 0 });
    });
    clock.set(e.id ?? "", t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  for (let i = 0; i < samples.length - 1; i++) samples[i].w = Math.min(samples[i + 1].ts - samples[i].ts, 5000);

  const innermost = (n: ProfileNode | undefined, where: RegExp): string | null => {
    for (let cur = n; cur; cur = cur.parent === undefined ? undefined : nodes.get(cur.parent)) {
      const m = mapFrame(cur.callFrame);
      if (where.test(m)) return m;
    }
    return null;
  };
  const app = (n: ProfileNode | undefined) => innermost(n, / src\//);

  console.log(
    `\n=== ${label}: ` +
      `last chart finished ${Math.round(observed.settled)} ms, ${tasks.length} tasks > 50 ms, ` +
      `longest ${Math.round(Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000)))} ms (longtask observer: ${observed.tasks.join(", ")})`,
  );
  const allApp = new Map<string, number>();
  const compact: string[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const kids = new Map<string, number>();
    // Direct children only: the trace's top-level events inside the task (sorted, nested by time).
    const inside = onMain
      .filter((e) => e.ph === "X" && e !== task && e.ts >= task.ts && e.ts < end)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let until = -1;
    for (const e of inside) {
      if (e.ts < until || /RunTask|^BlinkScheduler|^ThreadController/.test(e.name)) continue;
      kids.set(e.name, (kids.get(e.name) ?? 0) + (e.dur ?? 0));
      until = e.ts + (e.dur ?? 0);
    }
    const self = new Map<string, number>();
    const byApp = new Map<string, number>();
    const byView = new Map<string, number>();
    for (const s of samples) {
      if (s.ts < task.ts || s.ts >= end) continue;
      const node = nodes.get(s.node);
      const name = node ? mapFrame(node.callFrame) : "?";
      self.set(name, (self.get(name) ?? 0) + s.w);
      const a = app(node) ?? (node?.callFrame.url ? "(library, no app frame)" : name);
      byApp.set(a, (byApp.get(a) ?? 0) + s.w);
      allApp.set(a, (allApp.get(a) ?? 0) + s.w);
      const v = innermost(node, / src\/(features|app|ui|charts)\//) ?? a;
      byView.set(v, (byView.get(v) ?? 0) + s.w);
    }
    const fmt = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .filter(([, v]) => v >= 1000)
        .map(([k, v]) => `      ${(v / 1000).toFixed(0).padStart(5)} ms  ${k}`)
        .join("\n");
    console.log(`\n  task at ${Math.round((task.ts - nav) / 1000)} ms: ${Math.round((task.dur ?? 0) / 1000)} ms`);
    console.log(
      `    events: ${[...kids]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${Math.round(v / 1000)}`)
        .join(", ")}`,
    );
    console.log(`    self time (bottom-up):\n${fmt(self)}`);
    console.log(`    innermost app frame:\n${fmt(byApp)}`);
    console.log(`    innermost view frame (features, app, ui, charts):\n${fmt(byView)}`);
    const head = (m: Map<string, number>, n: number, scale = 1000) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k.replace(/ \S+:\d+$/, "")} ${Math.round(v / scale)}`)
        .join(", ");
    compact.push(
      `${String(Math.round((task.ts - nav) / 1000)).padStart(6)} ms ${String(Math.round((task.dur ?? 0) / 1000)).padStart(5)} ms | ${head(kids, 3)} | ${head(byApp, 3)}`,
    );
  }
  const blocking = tasks.reduce((a, t) => a + Math.max(0, (t.dur ?? 0) / 1000 - 50), 0);
  console.log(`\n--- every task > 50 ms (start, length | trace events | innermost app frames, ms):\n${compact.join("\n")}`);
  console.log(`\n--- blocking time (Σ task − 50 ms): ${Math.round(blocking)} ms; innermost app frame over all long tasks:`);
  console.log(
    [...allApp]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join("\n"),
  );
  return Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000));
}

if (args.analyze) {
  const trace = JSON.parse(readFileSync(args.analyze, "utf8")) as { traceEvents: TraceEvent[] };
  report(trace.traceEvents, { settled: Number.NaN, tasks: [] }, args.analyze);
  process.exit(0);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}/`;
const server = await startServer(
  BIN("vite"),
  ["preview", "--outDir", site, "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
  {
    readyUrl: `${base}config.json`,
  },
);
const browser = await launch();
const en = MESSAGES.en;
const longest: number[] = [];
try {
  for (let rep = 0; rep < Number(args.reps); rep++) {
    const context = await browser.newContext(
      args.phone ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } : {},
    );
    await context.addInitScript(INIT);
    const page = await context.newPage();
    if (!args.phone) await page.setViewportSize({ width: 1350, height: 940 });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    await browser.startTracing(page, {
      categories: [
        "devtools.timeline",
        "disabled-by-default-devtools.timeline",
        "v8.execute",
        "disabled-by-default-v8.cpu_profiler",
        "blink.user_timing",
        "toplevel",
      ],
    });
    const t0 = Date.now();
    await page.goto(`${base}?view=compare&regions=${selection.join(",")}&lang=en`);
    if (args.scroll) {
      const weight = page.getByRole("slider", { name: en["compare.weight"].replace("{pillar}", en["pillar.industry"]) });
      await weight.scrollIntoViewIfNeeded({ timeout: 180_000 });
      await settle(page, 0, { minEvents: 2, quietMs: 2500, timeoutMs: 180_000 });
    } else {
      // As Lighthouse does: no scrolling, so charts below the first screen may never draw; wait
      // for the network and then for three seconds without a long task.
      await page.waitForLoadState("networkidle", { timeout: 180_000 });
      await page.waitForFunction(
        () => {
          const last = window.__bench.longtasks.at(-1);
          return performance.now() - (last ? last.start + last.duration : 0) > 3000;
        },
        undefined,
        { timeout: 180_000, polling: 250 },
      );
    }
    const observed = await page.evaluate(() => ({
      settled: window.__bench.finished.at(-1)?.t ?? Number.NaN,
      tasks: window.__bench.longtasks.map((t) => Math.round(t.duration)),
    }));
    const buffer = await browser.stopTracing();
    await context.close();
    const trace = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    if (args.trace) writeFileSync(args.trace, buffer);

    longest.push(
      report(
        events,
        observed,
        `run ${rep + 1}: ${units ?? "real"} units, ${cpu}× CPU${args.phone ? ", phone" : ""}${args.scroll ? ", scrolled to the index" : ""}, ${Math.round((Date.now() - t0) / 1000)} s`,
      ),
    );
  }
} finally {
  await browser.close();
  await server.stop();
  dir.remove();
}
console.log(`\nlongest task per run: ${longest.map((l) => Math.round(l)).join(", ")} ms`);
