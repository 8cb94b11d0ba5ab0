/**
 * A day on the wall, compressed: the command screen (`?screen=big&cycle=1`) at 1920×1080 runs
 * through `cycles` indicator steps in one page, and the JS heap after a forced GC, the DOM node
 * count and the JS event listeners are read at two checkpoints (cycle 50 and 500 by default).
 *
 * Time is Playwright's fake clock, jumped one cycle at a time (fastForward: the timers due fire
 * once, as after a sleep), and each step waits for the new indicator's map to be drawn: the
 * rendering is real, only the waiting between steps is skipped. The fake clock also moves the
 * data past its 5-minute staleness, so later cycles refetch as a wall does.
 *
 * How the checkpoints are read, and why (found with heap snapshots diffed between cycle 50 and
 * 500, December 2026; see the README):
 * - Like for like. A county-level map holds about 1.2 MB more than a city-level one (124
 *   regions drawn instead of 21, and their geometry), and the fake clock also runs in real
 *   time, so a slow read (network idle, GC) let the screen take an extra step: "cycle 500"
 *   could show another indicator than "cycle 50". The clock is now paused while a checkpoint
 *   is read, and the last read is taken at the first cycle from `cycles` on that shows the
 *   indicator shown at the first one (at most one round of the list later).
 * - The whole heap is judged, as the issue says (≤ ×1.10, DOM ±2%). Each read also takes a heap
 *   snapshot and sums its "code" nodes (machine code, bytecode, deoptimisation data, function
 *   metadata), so the report splits the heap into V8's compiled code and the rest.
 *
 * What grows, and why the whole heap misses the 10% (December 2026, `--snapshots DIR` and
 * bench/code-origins.ts, which credits each code node to its function's script): the rest is
 * flat (×1.005: arrays, objects, closures, strings; React Query's 55 queries, no detached DOM),
 * and the growth, 1.6 MB net, is V8 optimising functions as they get hot. By origin (net, one run,
 * city-level indicator, whole heap 13.66 → 15.30 MB): ECharts and zrender 0.94 MB (echarts
 * 0.55, its components' chunk 0.27, zrender 0.10, echarts-for-react 0.02), React DOM 0.27, our
 * src about 0.25 (the screen's components 0.13), zod and TanStack Query 0.10, the harness 0.06
 * (scripts without a URL: Playwright's injected clock and what `evaluate` and the polling
 * compile). The libraries' share alone, 1.3 MB, is 9.6% of the cycle-50 heap: were neither our
 * code nor the harness ever optimised (only V8 flags could arrange that) the heap would end at
 * ×1.097, and our own hot functions being optimised at all is enough to miss ×1.10. Driving the
 * screen in real time instead of the fake clock does not help: the harness also holds 0.43 MB of
 * code at cycle 50, which would leave both reads (13.66 − 0.43 → 15.30 − 0.50 MB: ×1.119, not
 * counting its objects). It is warm-up, counted in calls
 * not in time and bounded by the functions there are: it levels off by cycle ~400 and stays
 * within about 1% from cycle 500 to 1,500 (a longer run). One real cost the snapshots did show
 * is fixed: after the 5-minute staleness every step's refetch re-judged every target and county
 * warning (src/judgments/use-judgments.ts stamped the series by `dataUpdatedAt`).
 *
 * `npx tsx bench/screen.ts [--cycles 500] [--site dist] [--snapshots DIR]` runs it alone (DIR keeps
 * both reads' heap snapshots); `npm run bench` runs it after the views (`--screen-cycles`,
 * `--skip-screen`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CDPSession, Page } from "playwright-core";
import { DIST, launch, serveStatic } from "../tests/browser/support";
import { round } from "./stats";

export interface ScreenMemoryFigures {
  cycles: number;
  /** The cycles the heap was read after, and what it read (MB after forced GC). */
  checkpoints: [number, number];
  heapMB: [number, number];
  /** The whole heap's growth: what the 10% is judged on, as the issue says. */
  growthRatio: number;
  /** Of the heap, V8's compiled code and function metadata (heap snapshot nodes of type "code"), MB. */
  codeMB: [number, number];
  /** The heap without that code (the page's objects), MB, and its growth: reported, not judged. */
  restMB: [number, number];
  restGrowthRatio: number;
  /** The indicator (map heading) on screen at both reads. */
  shown: string;
  nodes: [number, number];
  listeners: [number, number];
  /** The whole heap's growth within 10% and a flat DOM (±2% nodes): what the issue asks of a day on the wall. */
  ok: boolean;
  seconds: number;
}

interface Read {
  mb: number;
  codeMB: number;
  nodes: number;
  listeners: number;
}

/** The total self size of a heap snapshot's nodes of type "code", in bytes. */
function codeBytes(snapshot: string): number {
  const s = JSON.parse(snapshot) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = s.snapshot.meta.node_fields;
  const [type, size, code] = [fields.indexOf("type"), fields.indexOf("self_size"), s.snapshot.meta.node_types[0].indexOf("code")];
  let bytes = 0;
  for (let i = 0; i < s.nodes.length; i += fields.length) if (s.nodes[i + type] === code) bytes += s.nodes[i + size];
  return bytes;
}

/** Stops the fake clock where it is (pauseAt needs a time ahead of it, and it runs meanwhile). */
async function pauseClock(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 100);
      return;
    } catch (e) {
      if (attempt === 2) throw e; // "Cannot fast-forward to the past": the clock ran on meanwhile
    }
  }
}

async function heap(cdp: CDPSession, page: Page, code = false, save?: string): Promise<Read> {
  // Nothing moves while the heap is read: the fake clock stops (after a step, well before the
  // next one is due) and the read waits for refetches to end (the series go stale after 5 minutes).
  await pauseClock(page);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  let codeSize = Number.NaN;
  if (code) {
    const chunks: string[] = [];
    const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
    cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
    const snapshot = chunks.join("");
    if (save) writeFileSync(save, snapshot);
    codeSize = codeBytes(snapshot);
  }
  await page.clock.resume();
  return {
    mb: round(usedSize / 2 ** 20, 2),
    codeMB: round(codeSize / 2 ** 20, 2),
    nodes: metric("Nodes"),
    listeners: metric("JSEventListeners"),
  };
}

/** Counts the map's drawn frames (ChartHost's bubbling `chart-rendered`), nothing else. */
const FRAMES = `document.addEventListener("chart-rendered", (e) => {
  if (e.target.closest && e.target.closest(".screen-map")) window.__mapFrames = (window.__mapFrames || 0) + 1;
}, true);`;

export async function runScreenMemory({
  base,
  cycles = 500,
  checkpoint = 50,
  log = console.log,
  snapshots,
}: {
  base: string;
  cycles?: number;
  checkpoint?: number;
  log?: (line: string) => void;
  /** A directory to keep the two checkpoints' heap snapshots in (`cycle-N.heapsnapshot`, for DevTools). */
  snapshots?: string;
}): Promise<ScreenMemoryFigures> {
  const started = performance.now();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(FRAMES);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.clock.install();
    await page.goto(`${base}?screen=big&lang=en&cycle=1`);
    await page.locator(".screen-targets tbody tr").first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => ((window as unknown as { __mapFrames?: number }).__mapFrames ?? 0) > 0, undefined, {
      timeout: 60_000,
    });
    const reads: Read[] = [];
    const title = () => page.evaluate(() => document.querySelector("#screen-map")?.textContent ?? "");
    let shown = "";
    let c = 0;
    // Up to `cycles`, then on (at most a round of the list) until the first read's indicator is back.
    while (c < cycles || (reads.length < 2 && c < cycles + 100)) {
      c++;
      const before = await page.evaluate(() => ({
        cue: document.querySelector(".screen-cycle")?.textContent ?? "",
        frames: (window as unknown as { __mapFrames?: number }).__mapFrames ?? 0,
      }));
      await page.clock.fastForward(1000);
      // The next indicator is up and its map drawn (not hidden while loading).
      await page.waitForFunction(
        (b) =>
          document.querySelector(".screen-cycle")?.textContent !== b.cue &&
          ((window as unknown as { __mapFrames?: number }).__mapFrames ?? 0) > b.frames &&
          !document.querySelector(".screen-map-hidden"),
        before,
        { timeout: 30_000, polling: 20 },
      );
      if (c === checkpoint || (c >= cycles && reads.length === 1 && (await title()) === shown)) {
        if (c === checkpoint) shown = await title();
        if (snapshots) mkdirSync(snapshots, { recursive: true });
        reads.push(await heap(cdp, page, true, snapshots && join(snapshots, `cycle-${c}.heapsnapshot`)));
        const r = reads[reads.length - 1];
        log(`  screen: cycle ${c}: ${r.mb} MB heap after GC (${r.codeMB} MB of it compiled code), ${r.nodes} DOM nodes`);
      } else if (c % 100 === 0) {
        // Between the checkpoints, the trend (a steady climb is a leak, a step is a cache filling).
        const h = await heap(cdp, page);
        log(`  screen: cycle ${c}: ${h.mb} MB`);
      }
    }
    if (reads.length < 2) throw new Error(`"${shown}" did not come back within 100 cycles of cycle ${cycles}`);
    await context.close();
    const [a, b] = [reads[0], reads[1]];
    const growthRatio = round(b.mb / a.mb, 3);
    const restMB: [number, number] = [round(a.mb - a.codeMB, 2), round(b.mb - b.codeMB, 2)];
    const restGrowthRatio = round(restMB[1] / restMB[0], 3);
    return {
      cycles: c,
      checkpoints: [checkpoint, c],
      heapMB: [a.mb, b.mb],
      growthRatio,
      codeMB: [a.codeMB, b.codeMB],
      restMB,
      restGrowthRatio,
      shown,
      nodes: [a.nodes, b.nodes],
      listeners: [a.listeners, b.listeners],
      ok: growthRatio <= 1.1 && Math.abs(b.nodes - a.nodes) <= a.nodes * 0.02,
      seconds: round((performance.now() - started) / 1000, 0),
    };
  } finally {
    await browser.close();
  }
}

/** One line: the whole heap at both reads (judged), its compiled code, the rest, the DOM and the verdict. */
export function screenSummary(f: ScreenMemoryFigures): string {
  return `JS heap after GC ${f.heapMB[0]} MB at cycle ${f.checkpoints[0]}, ${f.heapMB[1]} MB at ${f.checkpoints[1]} (×${f.growthRatio}; both showing ${f.shown}), of which V8 compiled code ${f.codeMB.join(" → ")} MB and the rest ${f.restMB.join(" → ")} MB (×${f.restGrowthRatio}); DOM nodes ${f.nodes.join(" → ")}, listeners ${f.listeners.join(" → ")}: ${f.ok ? "ok (whole heap ≤ ×1.10, DOM flat)" : `FAILED (${f.growthRatio > 1.1 ? "whole heap grew more than 10%" : "DOM not flat"})`}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { cycles: { type: "string", default: "500" }, site: { type: "string" }, snapshots: { type: "string" } },
  });
  const site = await serveStatic(values.site ?? DIST);
  try {
    const f = await runScreenMemory({
      base: `http://127.0.0.1:${site.port}/`,
      cycles: Number(values.cycles),
      snapshots: values.snapshots,
    });
    console.log(`Command screen, ${f.cycles} cycles: ${screenSummary(f)}; ${f.seconds} s`);
    if (!f.ok) process.exitCode = 1;
  } finally {
    await site.stop();
  }
}
