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
 * `npx tsx bench/screen.ts [--cycles 500] [--site dist]` runs it alone; `npm run bench` runs it
 * after the views (`--screen-cycles`, `--skip-screen`).
 */
import { parseArgs } from "node:util";
import type { CDPSession, Page } from "playwright-core";
import { DIST, launch, serveStatic } from "../tests/browser/support";
import { round } from "./stats";

export interface ScreenMemoryFigures {
  cycles: number;
  /** The cycles the heap was read after, and what it read (MB after forced GC). */
  checkpoints: [number, number];
  heapMB: [number, number];
  growthRatio: number;
  nodes: [number, number];
  listeners: [number, number];
  /** Growth within 10% and a flat DOM (±2% nodes): what the issue asks of a day on the wall. */
  ok: boolean;
  seconds: number;
}

async function heap(cdp: CDPSession, page: Page): Promise<{ mb: number; nodes: number; listeners: number }> {
  // Read between refetches, not during one (the fake clock makes the series stale after 5 minutes).
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { mb: round(usedSize / 2 ** 20, 2), nodes: metric("Nodes"), listeners: metric("JSEventListeners") };
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
}: {
  base: string;
  cycles?: number;
  checkpoint?: number;
  log?: (line: string) => void;
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
    const reads: { mb: number; nodes: number; listeners: number }[] = [];
    for (let c = 1; c <= cycles; c++) {
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
      if (c === checkpoint || c === cycles) {
        reads.push(await heap(cdp, page));
        log(`  screen: cycle ${c}: ${reads.at(-1)?.mb} MB heap after GC, ${reads.at(-1)?.nodes} DOM nodes`);
      } else if (c % 100 === 0) {
        // Between the checkpoints, the trend (a steady climb is a leak, a step is a cache filling).
        const h = await heap(cdp, page);
        log(`  screen: cycle ${c}: ${h.mb} MB`);
      }
    }
    await context.close();
    const [a, b] = [reads[0], reads[reads.length - 1]];
    const growthRatio = round(b.mb / a.mb, 3);
    return {
      cycles,
      checkpoints: [checkpoint, cycles],
      heapMB: [a.mb, b.mb],
      growthRatio,
      nodes: [a.nodes, b.nodes],
      listeners: [a.listeners, b.listeners],
      ok: growthRatio <= 1.1 && Math.abs(b.nodes - a.nodes) <= a.nodes * 0.02,
      seconds: round((performance.now() - started) / 1000, 0),
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { cycles: { type: "string", default: "500" }, site: { type: "string" } } });
  const site = await serveStatic(values.site ?? DIST);
  try {
    const f = await runScreenMemory({ base: `http://127.0.0.1:${site.port}/`, cycles: Number(values.cycles) });
    console.log(
      `Command screen, ${f.cycles} cycles: JS heap after GC ${f.heapMB[0]} MB at cycle ${f.checkpoints[0]}, ${f.heapMB[1]} MB at ${f.checkpoints[1]} (×${f.growthRatio}); DOM nodes ${f.nodes.join(" → ")}, listeners ${f.listeners.join(" → ")}; ${f.ok ? "ok" : "FAILED (growth > 10% or DOM not flat)"}; ${f.seconds} s`,
    );
    if (!f.ok) process.exitCode = 1;
  } finally {
    await site.stop();
  }
}
