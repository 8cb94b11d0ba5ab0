/**
 * The main thread's long tasks of a built page as a phone sees it: Chromium with 4× CPU
 * slowdown (CDP Emulation.setCPUThrottlingRate, as Lighthouse's devtools throttling), a trace
 * with V8's sampling profiler, and every task over 50 ms listed with what ran in it: the trace's
 * own events (layout, style, paint, script compile, GC) and a bottom-up of the JavaScript
 * samples by function, mapped through the build's source maps to the original file.
 *
 *   npx tsx bench/long-tasks.ts [--site DIR] [--runs N] [--page name=query …]
 *
 * Defaults: dist/, 1 run, the Overview and the county map. Prints; reported, never asserted.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SourceMapConsumer } from "source-map-js";
import { DIST, launch, serveStatic } from "../tests/browser/support";

const { values: args } = parseArgs({
  options: {
    site: { type: "string" },
    runs: { type: "string", default: "1" },
    page: { type: "string", multiple: true },
    cpu: { type: "string", default: "4" },
    quiet: { type: "string", default: "4000" },
  },
});
const site = args.site ?? DIST;
const pages: [string, string][] = args.page?.length
  ? args.page.map((p) => p.split("=", 2) as [string, string]).map(([n, q]) => [n, q ?? ""])
  : [
      ["overview", ""],
      ["mapCounty", "?view=map&level=county"],
    ];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

const consumers = new Map<string, SourceMapConsumer | null>();
function original(url: string, line: number, column: number): string | null {
  const file = url.split("/assets/")[1]?.split("?")[0];
  if (!file) return null;
  if (!consumers.has(file)) {
    const path = join(site, "assets", `${file}.map`);
    consumers.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, "utf8"))) : null);
  }
  const c = consumers.get(file);
  if (!c) return null;
  const p = c.originalPositionFor({ line: line + 1, column });
  if (!p.source) return null;
  const src = p.source.replace(/^(\.\.\/)+/, "").replace(/^node_modules\//, "nm:");
  return `${src}:${p.line}`;
}

async function trace(url: string): Promise<TraceEvent[]> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(args.cpu) });
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
    await cdp.send("Tracing.start", {
      transferMode: "ReportEvents",
      categories: [
        "devtools.timeline",
        "disabled-by-default-devtools.timeline",
        "disabled-by-default-devtools.timeline.frame",
        "toplevel",
        "v8.execute",
        "v8",
        "blink.user_timing",
        "disabled-by-default-v8.cpu_profiler",
      ].join(","),
    });
    await page.goto(url, { waitUntil: "load" });
    // Quiet: no long task for `quiet` ms (the page's data lands seconds after load).
    // A string, not a function: tsx would wrap a named arrow in a helper the page lacks.
    await page.evaluate(`new Promise((ok) => {
      let last = performance.now();
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) last = Math.max(last, e.startTime + e.duration);
      }).observe({ type: "longtask", buffered: true });
      const tick = () => (performance.now() - last > ${Number(args.quiet)} ? ok() : setTimeout(tick, 250));
      tick();
    })`);
    await cdp.send("Tracing.end");
    await done;
    return events;
  } finally {
    await browser.close();
  }
}

const TRACE_KINDS: Record<string, string> = {
  Layout: "layout",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  Paint: "paint",
  PrePaint: "paint",
  Layerize: "paint",
  "v8.compile": "compile",
  "v8.compileModule": "compile",
  "V8.CompileCode": "compile",
  "v8.parseOnBackground": "compile",
  MajorGC: "gc",
  MinorGC: "gc",
  "V8.GC_MARK_COMPACTOR": "gc",
  ParseHTML: "html",
  ParseAuthorStyleSheet: "css parse",
};

function analyse(events: TraceEvent[]) {
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  // The page's renderer main thread: the CrRendererMain with most task time.
  const taskTime = new Map<string, number>();
  for (const e of events)
    if (e.name === "RunTask" && e.ph === "X" && threads.get(`${e.pid}:${e.tid}`) === "CrRendererMain")
      taskTime.set(`${e.pid}:${e.tid}`, (taskTime.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...taskTime].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main);
  const nav = onMain.find((e) => e.name === "navigationStart" || e.name === "markAsMainFrame")?.ts ?? onMain[0]?.ts ?? 0;
  const navStart = events.find((e) => e.name === "navigationStart" && `${e.pid}:${e.tid}` === main)?.ts ?? nav;
  const tasks = onMain.filter((e) => e.name === "RunTask" && e.ph === "X" && (e.dur ?? 0) > 50_000).sort((a, b) => a.ts - b.ts);

  // CPU profile samples of the main thread (one Profile per thread, ProfileChunks after it).
  const profileIds = new Set(
    events.filter((e) => e.name === "Profile" && `${e.pid}:${e.tid}` === main).map((e) => `${e.pid}:${e.id}`),
  );
  const nodes = new Map<number, { name: string; url: string; line: number; col: number; parent?: number }>();
  const samples: { ts: number; node: number }[] = [];
  let clock = 0;
  for (const e of events) {
    if (e.name === "Profile" && profileIds.has(`${e.pid}:${e.id}`)) clock = Number(e.args?.data?.startTime ?? e.ts);
    if (e.name !== "ProfileChunk" || !profileIds.has(`${e.pid}:${e.id}`)) continue;
    const data = e.args?.data as {
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? [])
      nodes.set(n.id, {
        name: n.callFrame.functionName || "(anonymous)",
        url: n.callFrame.url,
        line: n.callFrame.lineNumber,
        col: n.callFrame.columnNumber,
        parent: n.parent,
      });
    const s = data.cpuProfile?.samples ?? [];
    const d = data.timeDeltas ?? [];
    for (let k = 0; k < s.length; k++) {
      clock += d[k] ?? 0;
      samples.push({ ts: clock, node: s[k] });
    }
  }
  const label = (id: number) => {
    const n = nodes.get(id);
    if (!n) return "?";
    if (!n.url) return n.name;
    const src = original(n.url, n.line, n.col);
    return `${n.name} ${src ?? n.url.split("/").pop()}`;
  };
  /** The first frame up the stack that is app code (src/), to say whose work a library frame was. */
  const appFrame = (id: number) => {
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const n = nodes.get(cur);
      if (!n) break;
      if (n.url) {
        const src = original(n.url, n.line, n.col);
        if (src?.startsWith("src/")) return `${n.name} ${src}`;
      }
      cur = n.parent;
    }
    return "(no app frame)";
  };

  const out: string[] = [];
  let tbt = 0;
  for (const t of tasks) {
    const start = t.ts;
    const end = t.ts + (t.dur ?? 0);
    tbt += (t.dur ?? 0) / 1000 - 50;
    const kinds = new Map<string, number>();
    // Trace events nested in the task: count each kind's outermost events only.
    const inside = onMain.filter((e) => e.ph === "X" && e.ts >= start && e.ts + (e.dur ?? 0) <= end && e !== t);
    const spans: [number, number, string][] = [];
    for (const e of inside) {
      const kind = TRACE_KINDS[e.name];
      if (!kind) continue;
      if (spans.some(([s, f, k]) => k === kind && e.ts >= s && e.ts < f)) continue;
      spans.push([e.ts, e.ts + (e.dur ?? 0), kind]);
      kinds.set(kind, (kinds.get(kind) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const entry = inside
      .filter((e) =>
        [
          "FunctionCall",
          "EvaluateScript",
          "TimerFire",
          "FireAnimationFrame",
          "EventDispatch",
          "RunMicrotasks",
          "v8.run",
          "ParseHTML",
          "Layout",
        ].includes(e.name),
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    const entryName = entry
      ? `${entry.name}${entry.args?.data?.url ? ` ${String(entry.args.data.url).split("/").pop()}` : ""}${entry.args?.data?.functionName ? ` ${entry.args.data.functionName}` : ""}`
      : "—";
    const self = new Map<string, number>();
    const byApp = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= start && s.ts <= end);
    for (let k = 0; k < inTask.length; k++) {
      const next = inTask[k + 1]?.ts ?? end;
      const dt = (next - inTask[k].ts) / 1000;
      const n = nodes.get(inTask[k].node);
      if (!n || n.name === "(idle)" || n.name === "(program)") continue;
      const l = label(inTask[k].node);
      self.set(l, (self.get(l) ?? 0) + dt);
      const a = appFrame(inTask[k].node);
      byApp.set(a, (byApp.get(a) ?? 0) + dt);
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .filter(([, v]) => v >= 3)
        .map(([k, v]) => `${Math.round(v)} ${k}`);
    out.push(
      `  ${Math.round((start - navStart) / 1000)
        .toString()
        .padStart(6)} ms  ${Math.round((t.dur ?? 0) / 1000)
        .toString()
        .padStart(4)} ms  ${entryName}`,
    );
    out.push(
      `      trace: ${[...kinds]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(", ")}`,
    );
    out.push(`      self:  ${top(self, 8).join(" · ")}`);
    out.push(`      app:   ${top(byApp, 6).join(" · ")}`);
  }
  return { lines: out, tbt: Math.round(tbt), count: tasks.length };
}

const server = await serveStatic(site);
try {
  for (let run = 0; run < Number(args.runs); run++) {
    for (const [name, query] of pages) {
      const url = `http://127.0.0.1:${server.port}/${query}`;
      const events = await trace(url);
      const { lines, tbt, count } = analyse(events);
      console.log(`${name} run ${run + 1}: ${count} tasks > 50 ms, blocking ${tbt} ms (observed, ${args.cpu}× CPU)`);
      for (const l of lines) console.log(l);
    }
  }
} finally {
  await server.stop();
}
