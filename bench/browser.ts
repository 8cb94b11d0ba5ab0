/**
 * Playwright in Debian's Chromium (unthrottled, this machine): time to the first chart's
 * ECharts `finished`, interaction latencies (input to the last chart `finished`), the longest
 * main-thread task each interaction caused, and the JS heap after cycling through the views.
 *
 * The page side is read without app hooks beyond src/charts/Chart.tsx's: the performance
 * mark `chart-finished` (the page's first chart) and the bubbling DOM event of the same name
 * (every `finished`). An init script records those events, the first input after the bench
 * arms it (the event's own timeStamp), and long tasks.
 */
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import type { Region } from "../src/api/contract";
import { CATALOGUES as MESSAGES } from "../src/i18n/catalogues";
import { launch } from "../tests/browser/support";
import { round, type Summary, summarise } from "./stats";

/** What the init script keeps in the page. */
interface BenchState {
  finished: { t: number; where: string }[];
  /** The page's first chart frame, and the first frame after the armed input. */
  firstFrame: number | null;
  frameAfterInput: number | null;
  armed: boolean;
  inputAt: number | null;
  longtasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

export const INIT = `(() => {
  const b = (window.__bench = { finished: [], firstFrame: null, frameAfterInput: null, armed: false, inputAt: null, longtasks: [] });
  document.addEventListener("chart-rendered", () => {
    const now = performance.now();
    if (b.firstFrame === null) b.firstFrame = now;
    if (b.inputAt !== null && b.frameAfterInput === null) b.frameAfterInput = now;
  }, true);
  document.addEventListener("chart-finished", (e) => {
    const el = e.target;
    const section = el.closest && el.closest("section");
    b.finished.push({ t: performance.now(), where: (section && section.className) || "" });
  }, true);
  for (const type of ["keydown", "pointerdown", "mousedown", "click", "input", "change"]) {
    document.addEventListener(type, (e) => {
      if (b.armed) { b.armed = false; b.inputAt = e.timeStamp; }
    }, true);
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
})();`;

/** The regions of Compare (cities and counties mixed, as in the browser tests) and the one added as the eighth. */
export const COMPARE_REGIONS = ["440106", "440304", "440100", "440300", "441900", "440604", "440203", "445302"];

/** The views measured, by URL query. */
export const VIEWS = {
  overview: "",
  mapCounty: "?view=map&level=county",
  compare8: `?view=compare&regions=${COMPARE_REGIONS.join(",")}`,
  explore: "?view=explore",
} as const;
export type ViewName = keyof typeof VIEWS;
/** The region profile measured (a county), timed by its own marks: it draws no ECharts chart. */
export const PROFILE_QUERY = "?view=profile&region=441481";

export interface LoadFigures {
  /** First contentful paint (paint timing), ms from navigation start. */
  fcp: Summary;
  /** The page's first chart frame drawn (ECharts `rendered`); absent for the floor. */
  firstFrame?: Summary;
  /** The page's first chart `finished`, i.e. drawn and its entrance animation over (the `chart-finished` mark). */
  firstChart?: Summary;
  /** The last chart `finished` before the page went quiet: every chart of the view drawn. */
  allCharts?: Summary;
  /**
   * The profile: its header drawn (mark `profile-header`), its first screen, i.e. the header and
   * the standing (index, rank, tier) drawn (`profile-standing`), and every panel drawn (`profile-complete`).
   */
  header?: Summary;
  firstScreen?: Summary;
  complete?: Summary;
}

export interface InteractionFigures {
  /** Input event to the last chart `finished` it caused (includes ECharts' update animation). */
  toFinished: Summary;
  /** Input event to the first chart frame drawn after it (ECharts `rendered`): the new state on screen. */
  toFirstFrame: Summary;
  /** The longest main-thread task between the input and the last `finished`. */
  longestTask: Summary;
}

export interface MemoryFigures {
  /** Used JS heap after a forced GC, MB: after the first cycle and after the last. */
  afterFirstCycleMB: number;
  afterLastCycleMB: number;
  cycles: number;
  growthMB: number;
  growthRatio: number;
  /** DOM nodes and JS event listeners after the first and last cycle (leak signals). */
  nodes: [number, number];
  listeners: [number, number];
  /** The heap after each cycle, MB. */
  perCycleMB: number[];
}

export interface BrowserFigures {
  loads: Partial<Record<ViewName | "floor" | "profile", LoadFigures>>;
  interactions: Partial<Record<"periodStep" | "levelSwitch" | "addEighthRegion" | "weightSlider", InteractionFigures>>;
  memory: MemoryFigures | null;
  /** Parts that failed (the rest is still reported). */
  errors: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the page has drawn at least `minEvents` new charts since `from` and then gone quiet for `quietMs`. */
export async function settle(page: Page, from: number, { quietMs = 400, minEvents = 1, timeoutMs = 20_000 } = {}) {
  await page.waitForFunction(
    ({ from, quietMs, minEvents }) => {
      const b = window.__bench;
      const events = b.finished.length - from;
      if (events < minEvents) return false;
      const last = events > 0 ? b.finished[b.finished.length - 1].t : 0;
      return performance.now() - last >= quietMs;
    },
    { from, quietMs, minEvents },
    { timeout: timeoutMs, polling: 50 },
  );
}

const eventCount = (page: Page) => page.evaluate(() => window.__bench.finished.length);

/** One measured interaction: arm, act, wait for the charts to settle, read the figures. */
export async function measure(page: Page, act: () => Promise<void>, quietMs = 400) {
  const from = await page.evaluate(() => {
    const b = window.__bench;
    b.armed = true;
    b.inputAt = null;
    b.frameAfterInput = null;
    return b.finished.length;
  });
  await act();
  await settle(page, from, { quietMs });
  return page.evaluate((from) => {
    const b = window.__bench;
    const events = b.finished.slice(from);
    const input = b.inputAt ?? Number.NaN;
    const last = events[events.length - 1].t;
    const tasks = b.longtasks.filter((t) => t.start + t.duration >= input && t.start <= last);
    return {
      toFinished: last - input,
      toFirstFrame: (b.frameAfterInput ?? Number.NaN) - input,
      longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    };
  }, from);
}

/** One measured input with no chart to wait for: input event to the next frame after it was handled. */
export async function measurePaint(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => {
    const b = window.__bench;
    b.armed = true;
    b.inputAt = null;
  });
  await act();
  return page.evaluate(async () => {
    const b = window.__bench;
    // A frame, then a task: the frame after React committed the update has been painted.
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = b.inputAt ?? Number.NaN;
    const end = performance.now();
    const tasks = b.longtasks.filter((t) => t.start + t.duration >= input && t.start <= end);
    return { toPaint: end - input, longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0) };
  });
}

export function collect(samples: { toFinished: number; toFirstFrame: number; longestTask: number }[]): InteractionFigures {
  return {
    toFinished: summarise(samples.map((s) => s.toFinished)),
    toFirstFrame: summarise(samples.map((s) => s.toFirstFrame)),
    longestTask: summarise(samples.map((s) => s.longestTask)),
  };
}

export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1350, height: 940 });
  return page;
}

/** Cold loads (a fresh context each time, so nothing is cached): paint, first chart, all charts. */
async function loads(
  browser: Awaited<ReturnType<typeof launch>>,
  url: string,
  reps: number,
  charts: boolean,
): Promise<LoadFigures> {
  const fcp: number[] = [];
  const frame: number[] = [];
  const first: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < reps; i++) {
    const context = await browser.newContext();
    await context.addInitScript(INIT);
    const page = await newPage(context);
    await page.goto(url, { waitUntil: "load" });
    if (charts) {
      await showFirstChart(page);
      await page.waitForFunction(() => performance.getEntriesByName("chart-finished", "mark").length > 0, undefined, {
        timeout: 30_000,
        polling: 20,
      });
      await settle(page, 0, { quietMs: 500 });
    } else {
      await page.waitForFunction(() => performance.getEntriesByType("paint").length > 0, undefined, { timeout: 30_000 });
    }
    const f = await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      first: performance.getEntriesByName("chart-finished", "mark")[0]?.startTime ?? Number.NaN,
      frame: window.__bench.firstFrame ?? Number.NaN,
      all: window.__bench.finished.at(-1)?.t ?? Number.NaN,
    }));
    fcp.push(f.fcp);
    if (charts) {
      frame.push(f.frame);
      first.push(f.first);
      all.push(f.all);
    }
    await context.close();
  }
  return charts
    ? { fcp: summarise(fcp), firstFrame: summarise(frame), firstChart: summarise(first), allCharts: summarise(all) }
    : { fcp: summarise(fcp) };
}

/** Cold loads of the region profile: first paint, its header, its first screen and its full page, by the marks it sets. */
async function profileLoads(browser: Awaited<ReturnType<typeof launch>>, url: string, reps: number): Promise<LoadFigures> {
  const fcp: number[] = [];
  const header: number[] = [];
  const firstScreen: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < reps; i++) {
    const context = await browser.newContext();
    await context.addInitScript(INIT);
    const page = await newPage(context);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => performance.getEntriesByName("profile-complete", "mark").length > 0, undefined, {
      timeout: 30_000,
      polling: 20,
    });
    const f = await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      header: performance.getEntriesByName("profile-header", "mark")[0]?.startTime ?? Number.NaN,
      firstScreen: performance.getEntriesByName("profile-standing", "mark")[0]?.startTime ?? Number.NaN,
      complete: performance.getEntriesByName("profile-complete", "mark")[0]?.startTime ?? Number.NaN,
    }));
    fcp.push(f.fcp);
    header.push(f.header);
    firstScreen.push(f.firstScreen);
    complete.push(f.complete);
    await context.close();
  }
  return { fcp: summarise(fcp), header: summarise(header), firstScreen: summarise(firstScreen), complete: summarise(complete) };
}

async function heapMB(cdp: CDPSession): Promise<{ mb: number; nodes: number; listeners: number }> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { mb: round(usedSize / 2 ** 20, 2), nodes: metric("Nodes"), listeners: metric("JSEventListeners") };
}

/** Moves the app to another view the way back/forward does: the URL changes, the store follows (no reload). */
/**
 * Charts draw when they come within a screen of the viewport: as soon as the view's first
 * chart exists, it is scrolled into view, as a reader would (the Overview's trend sits below
 * the headline cards), so that every view reports a first chart.
 */
export async function showFirstChart(page: Page) {
  // After an in-app navigation the previous view's chart may be the one found, and go.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.locator(".chart").first().scrollIntoViewIfNeeded({ timeout: 30_000 });
      return;
    } catch (e) {
      if (attempt >= 5 || !/not attached/.test(String(e))) throw e;
      await sleep(100);
    }
  }
}

export async function goInApp(page: Page, query: string) {
  await page.evaluate((q) => {
    window.history.pushState(null, "", `${window.location.pathname}${q}`);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, query);
}

export interface BrowserOptions {
  base: string;
  floor: string;
  /** Cold loads per view. */
  loadReps: number;
  /** Repetitions of each interaction. */
  reps: number;
  /** Cycles through every view for the memory figure. */
  cycles: number;
  regions: readonly Region[];
  log: (line: string) => void;
}

export async function runBrowser(o: BrowserOptions): Promise<BrowserFigures> {
  const browser = await launch();
  const errors: string[] = [];
  /** Runs one part; a failure is logged and recorded, and the other parts still run. */
  const attempt = async <T>(name: string, part: () => Promise<T>): Promise<T | null> => {
    try {
      return await part();
    } catch (e) {
      const message = `${name}: ${(e as Error).message.split("\n")[0]}`;
      errors.push(message);
      o.log(`  FAILED ${message}`);
      return null;
    }
  };
  const en = MESSAGES.en;
  const loadFigures: BrowserFigures["loads"] = {};
  const interactions: BrowserFigures["interactions"] = {};
  let memory: MemoryFigures | null = null;
  try {
    for (const [name, query] of [["floor", null], ...Object.entries(VIEWS)] as [ViewName | "floor", string | null][]) {
      const figures = await attempt(`load ${name}`, () =>
        query === null ? loads(browser, o.floor, o.loadReps, false) : loads(browser, `${o.base}${query}`, o.loadReps, true),
      );
      if (figures) loadFigures[name] = figures;
      o.log(
        `  load ${name}: FCP ${figures?.fcp.median} ms, first chart ${figures?.firstChart?.median ?? "—"} ms (median of ${o.loadReps})`,
      );
    }

    const profile = await attempt("load profile", () => profileLoads(browser, `${o.base}${PROFILE_QUERY}`, o.loadReps));
    if (profile) loadFigures.profile = profile;
    o.log(
      `  load profile: header ${profile?.header?.median ?? "—"} ms, first screen (standing) ${profile?.firstScreen?.median ?? "—"} ms, full page ${profile?.complete?.median ?? "—"} ms (median of ${o.loadReps}; budgets 1,500 and 3,000 ms)`,
    );

    const context = await browser.newContext();
    await context.addInitScript(INIT);
    const page = await newPage(context);
    const report = (name: keyof BrowserFigures["interactions"], f: InteractionFigures | null) => {
      if (!f) return;
      interactions[name] = f;
      o.log(
        `  ${name}: first frame ${f.toFirstFrame.median} ms, finished ${f.toFinished.median} ms median / ${f.toFinished.p95} ms p95`,
      );
    };

    // One period step on the county map: the time slider, one step back or forward by keyboard.
    report(
      "periodStep",
      await attempt("period step", async () => {
        await page.goto(`${o.base}?view=map&level=county&lang=en`);
        await settle(page, 0, { minEvents: 2, quietMs: 600 });
        const slider = page.getByRole("slider", { name: en["map.slider"] });
        const samples = [];
        for (let i = 0; i < o.reps; i++)
          samples.push(await measure(page, () => slider.press(i % 2 ? "ArrowRight" : "ArrowLeft")));
        return collect(samples);
      }),
    );

    // Level switch: county ↔ city, by keyboard on the radio buttons.
    report(
      "levelSwitch",
      await attempt("level switch", async () => {
        const samples = [];
        for (let i = 0; i < o.reps; i++) {
          await page.locator(`input[name="map-level"][value="${i % 2 ? "county" : "city"}"]`).focus();
          samples.push(await measure(page, () => page.keyboard.press("Space")));
        }
        return collect(samples);
      }),
    );

    // Compare: add the eighth region (found by its code in the picker), then remove it again.
    report(
      "addEighthRegion",
      await attempt("add an eighth region", async () => {
        const eighth = COMPARE_REGIONS[7];
        const eighthName = o.regions.find((r) => r.code === eighth)?.name.en ?? eighth;
        await page.goto(`${o.base}?view=compare&regions=${COMPARE_REGIONS.slice(0, 7).join(",")}&lang=en`);
        await settle(page, 0, { minEvents: 3, quietMs: 800 });
        const samples = [];
        for (let i = 0; i < o.reps; i++) {
          await page.getByPlaceholder(en["compare.picker.placeholder"]).fill(eighth);
          // The candidate's button names the region, its city and its code.
          await page.locator(".candidates button", { hasText: eighth }).focus();
          samples.push(await measure(page, () => page.keyboard.press("Enter"), 500));
          await page
            .getByRole("button", { name: en["compare.picker.remove"].replace("{name}", eighthName), exact: true })
            .focus();
          const from = await eventCount(page);
          await page.keyboard.press("Enter");
          await settle(page, from, { quietMs: 300 });
        }
        return collect(samples);
      }),
    );

    // Compare with 8 regions: one index weight slider, one step up or down.
    report(
      "weightSlider",
      await attempt("index weight", async () => {
        const from = await eventCount(page).catch(() => 0);
        if (from) await goInApp(page, `?view=compare&regions=${COMPARE_REGIONS.join(",")}&lang=en`);
        else await page.goto(`${o.base}?view=compare&regions=${COMPARE_REGIONS.join(",")}&lang=en`);
        await settle(page, from, { quietMs: 800 });
        const weight = page.getByRole("slider", { name: en["compare.weight"].replace("{pillar}", en["pillar.industry"]) });
        const samples = [];
        for (let i = 0; i < o.reps; i++)
          samples.push(await measure(page, () => weight.press(i % 2 ? "ArrowLeft" : "ArrowRight")));
        return collect(samples);
      }),
    );
    await context.close();

    memory = await attempt("memory", () => cycleMemory(browser, o));
  } finally {
    await browser.close();
  }
  return { loads: loadFigures, interactions, memory, errors };
}

/** Every view in turn, `cycles` times, in one page: the heap after the first cycle and after the last. */
async function cycleMemory(browser: Awaited<ReturnType<typeof launch>>, o: BrowserOptions): Promise<MemoryFigures> {
  const context = await browser.newContext();
  await context.addInitScript(INIT);
  const page = await newPage(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  // Start on Data & methods (no charts), so that every chart view of the tour mounts its charts afresh.
  const tour = [...Object.values(VIEWS).map((q) => q || "?view=overview"), "?view=data"];
  await page.goto(`${o.base}?view=data`);
  await page.waitForLoadState("networkidle");
  const per: { mb: number; nodes: number; listeners: number }[] = [];
  for (let c = 0; c < o.cycles; c++) {
    for (const query of tour) {
      const from = await eventCount(page);
      await goInApp(page, query);
      if (query === "?view=data") await sleep(300);
      else {
        await showFirstChart(page);
        await settle(page, from, { quietMs: 300 });
      }
    }
    // Drop the bench's own records so that they do not count as the app's heap.
    await page.evaluate(() => {
      window.__bench.finished.length = 0;
      window.__bench.longtasks.length = 0;
    });
    per.push(await heapMB(cdp));
  }
  await context.close();
  const [first, last] = [per[0], per[per.length - 1]];
  o.log(`  memory: ${first.mb} MB after cycle 1, ${last.mb} MB after cycle ${o.cycles}`);
  return {
    afterFirstCycleMB: first.mb,
    afterLastCycleMB: last.mb,
    cycles: o.cycles,
    growthMB: round(last.mb - first.mb, 2),
    growthRatio: round(last.mb / first.mb, 3),
    nodes: [first.nodes, last.nodes],
    listeners: [first.listeners, last.listeners],
    perCycleMB: per.map((p) => p.mb),
  };
}
