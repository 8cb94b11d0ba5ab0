/**
 * `npm run bench`: builds the dashboard and the floor page (bench/floor: React rendering one
 * heading, built with the same Vite config), serves both with `vite preview`, and measures
 * them side by side: Lighthouse (mobile and desktop), Playwright in Chromium (first chart,
 * interactions, memory), the cost of the pure work at 100–3,000 regions, the cost of the
 * Overview's judgments (assessment, shortfalls, warnings; budget ≤ 50 ms on the real tree,
 * < 200 ms at 3,000 units), and the budgets' sizes. Prints a table and writes bench/results/latest.json; every figure that has a
 * counterpart on the floor also gets its ratio to it. Reported, never asserted.
 *
 * Options: --lh-runs N (Lighthouse runs per page and preset, default 2), --load-reps N (cold
 * loads per view, 5), --reps N (repetitions per interaction, 20), --cycles N (memory tour,
 * 10), --scale-reps N (repetitions in the scale checks, 5), --skip-build (measure dist/ as
 * built), --site DIR (measure a site built elsewhere, e.g. another branch), --skip-lighthouse,
 * --skip-browser, --skip-scale, --pages overview,mapCounty (Lighthouse only these, beside the
 * floor; also compare8, explore, data, profile), --presets mobile (or desktop). The defaults keep a run on 2 cores under 10 minutes.
 * --load [--load-seconds N]: only the reference API under load (bench/load.ts), into
 * bench/results/load.json; 6 runs of N (20) seconds.
 * The command screen's day on the wall (bench/screen.ts: --screen-cycles N, default 500,
 * about 2 minutes; --skip-screen) reports its heap at cycle 50 and at the last.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Dataset } from "../mock/generate";
import { checkBudgets, INITIAL_JS_BUDGET_KB } from "../scripts/check-budgets";
import type { Region } from "../src/api/contract";
import { BIN, DIST, freePort, ROOT, type Running, startServer, tempDir } from "../tests/browser/support";
import { type AssessmentPoint, runAssessments } from "./assessment";
import { type BrowserFigures, PROFILE_QUERY, runBrowser, VIEWS } from "./browser";
import { type LighthouseFigures, type Preset, runLighthouse } from "./lighthouse";
import { runScale, type ScalePoint, scaledDataset } from "./scale";
import { runScaleBrowser, type ScaleBrowserPoint } from "./scale-browser";
import { runScreenMemory, type ScreenMemoryFigures, screenSummary } from "./screen";
import { ratio, round, type Summary } from "./stats";

const started = performance.now();
const { values: args } = parseArgs({
  options: {
    site: { type: "string" },
    "lh-runs": { type: "string", default: "2" },
    "load-reps": { type: "string", default: "5" },
    reps: { type: "string", default: "20" },
    cycles: { type: "string", default: "10" },
    "scale-reps": { type: "string", default: "5" },
    "skip-build": { type: "boolean", default: false },
    "skip-lighthouse": { type: "boolean", default: false },
    pages: { type: "string" },
    presets: { type: "string", default: "mobile,desktop" },
    "skip-browser": { type: "boolean", default: false },
    "skip-scale": { type: "boolean", default: false },
    load: { type: "boolean", default: false },
    "load-seconds": { type: "string", default: "20" },
    "screen-cycles": { type: "string", default: "500" },
    "skip-screen": { type: "boolean", default: false },
  },
});
if (args.load) {
  // The reference API under load (bench/load.ts), alone: no build, no browser.
  const { runLoad } = await import("./load");
  const runs = await runLoad({ seconds: Number(args["load-seconds"]) });
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "load.json"), `${JSON.stringify({ runs }, null, 2)}\n`);
  process.exit(0);
}
const settings = {
  lighthouseRuns: Number(args["lh-runs"]),
  loadReps: Number(args["load-reps"]),
  interactionReps: Number(args.reps),
  memoryCycles: Number(args.cycles),
  scaleReps: Number(args["scale-reps"]),
  screenCycles: Number(args["screen-cycles"]),
};
const elapsed = () => round((performance.now() - started) / 1000, 0);
const log = (line: string) => console.log(`[${String(elapsed()).padStart(4)} s] ${line}`);

const FLOOR_CONFIG = join(ROOT, "bench", "floor", "vite.config.ts");
const RESULTS = join(ROOT, "bench", "results");

function sh(cmd: string, argv: string[]) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function machine() {
  const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let chromium = "unknown";
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    // reported as unknown
  }
  // Whether Chinese text is laid out with a CJK font, as on a phone, or through font fallback
  // glyph by glyph (much slower: a machine without one overstates the cost of every Chinese page).
  let cjkFont = "unknown";
  try {
    cjkFont =
      execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
        .split("\n")[0]
        .split(",")[0]
        .trim() || "none (install fonts-noto-cjk)";
  } catch {
    // reported as unknown
  }
  return {
    node: process.version,
    cpu,
    cores: cpus().length,
    memoryGB: round(Number(readFileSync("/proc/meminfo", "utf8").match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 2 ** 20, 1),
    chromium,
    cjkFont,
  };
}

async function preview(configArgs: string[]): Promise<{ server: Running; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = await startServer(
    BIN("vite"),
    ["preview", ...configArgs, "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
    {
      readyUrl: base,
    },
  );
  return { server, base };
}

// ─── build ────────────────────────────────────────────────────────────────────
// Into a folder of the bench's own, so that a build or test run alongside cannot swap dist/
// under the servers (and the bench never touches dist/).
const work = tempDir("gd-bench-");
const siteDir = join(work.path, "site");
process.on("exit", () => work.remove());
if (args.site || args["skip-build"]) {
  log(`copying the built site (${args.site ?? "dist/"})…`);
  cpSync(args.site ?? DIST, siteDir, { recursive: true });
} else {
  log("building the site (npm run build)…");
  sh("npm", ["run", "build", "--", "--outDir", siteDir, "--emptyOutDir", "--logLevel", "warn"]);
}
log("building the floor page…");
sh(BIN("vite"), ["build", "--config", FLOOR_CONFIG, "--logLevel", "warn"]);
const budgets = checkBudgets(siteDir);
log(
  `Overview JavaScript ${budgets.overviewGzipKB} KB gzipped with ECharts (budget ${INITIAL_JS_BUDGET_KB} KB), ${budgets.initialGzipKB} KB before its first chart`,
);

const site = await preview(["--outDir", siteDir]);
const floor = await preview(["--config", FLOOR_CONFIG]);
const regions = (JSON.parse(readFileSync(join(siteDir, "data", "v1", "regions.json"), "utf8")) as { regions: Region[] }).regions;
// Lighthouse sees every view; the cold-load and interaction runs time the four that draw charts.
const LIGHTHOUSE_VIEWS: Record<string, string> = { ...VIEWS, data: "?view=data", profile: PROFILE_QUERY };
const chosen = args.pages?.split(",").map((p) => p.trim());
for (const name of chosen ?? []) {
  if (!(name in LIGHTHOUSE_VIEWS))
    throw new Error(`--pages: unknown page "${name}" (${Object.keys(LIGHTHOUSE_VIEWS).join(", ")})`);
}
const presets = (args.presets ?? "").split(",").map((p) => p.trim());
if (!presets.length || presets.some((p) => p !== "mobile" && p !== "desktop")) {
  throw new Error(`--presets: "${args.presets}" is not a list of mobile, desktop`);
}
const pages: Record<string, string> = { floor: floor.base };
for (const [name, query] of Object.entries(LIGHTHOUSE_VIEWS)) {
  if (!chosen || chosen.includes(name)) pages[name] = `${site.base}${query}`;
}

let lighthouse: Record<Preset, Record<string, LighthouseFigures>> | null = null;
let browser: BrowserFigures | null = null;
let scaleBrowser: ScaleBrowserPoint[] | null = null;
let screen: ScreenMemoryFigures | null = null;
try {
  if (!args["skip-lighthouse"] && settings.lighthouseRuns > 0) {
    log(`Lighthouse 12.2.3: ${Object.keys(pages).length} pages × ${presets.join(", ")} × ${settings.lighthouseRuns} runs…`);
    try {
      lighthouse = await runLighthouse(pages, settings.lighthouseRuns, log, presets as Preset[]);
    } catch (e) {
      log(`  FAILED Lighthouse: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  if (!args["skip-browser"]) {
    log(
      `Chromium: ${settings.loadReps} cold loads per page, ${settings.interactionReps} repetitions per interaction, ${settings.memoryCycles} memory cycles…`,
    );
    browser = await runBrowser({
      base: site.base,
      floor: floor.base,
      loadReps: settings.loadReps,
      reps: settings.interactionReps,
      cycles: settings.memoryCycles,
      regions,
      log,
    });
  }
  if (!args["skip-screen"] && settings.screenCycles > 0) {
    log(`command screen: ${settings.screenCycles} indicator cycles (cycle=1, fake clock), heap at cycle 50 and the last…`);
    try {
      screen = await runScreenMemory({
        base: site.base,
        cycles: settings.screenCycles,
        checkpoint: Math.min(50, settings.screenCycles),
        log,
      });
    } catch (e) {
      log(`  FAILED command screen: ${(e as Error).message.split("\n")[0]}`);
    }
  }
} finally {
  await site.server.stop();
  await floor.server.stop();
}
let scale: ScalePoint[] | null = null;
let assessment: AssessmentPoint[] | null = null;
if (!args["skip-scale"]) {
  // Generated once, shared by the Node and the Chromium checks.
  const datasets = new Map<number, Dataset>();
  const dataset = (n: number) => datasets.get(n) ?? (datasets.set(n, scaledDataset(n)).get(n) as Dataset);
  log("scale: the pure work at 100, 1,000 and 3,000 county-level units (Node)…");
  scale = runScale({ reps: settings.scaleReps, log: (l) => log(`  ${l}`), dataset });
  log("assessment: the Overview's judgments on the real tree and at 3,000 units (Node)…");
  assessment = runAssessments({ reps: settings.scaleReps, log: (l) => log(`  ${l}`), scaled: dataset(3000) });
  log("scale: the real tree and 3,000 units in the app (Chromium)…");
  try {
    scaleBrowser = await runScaleBrowser(siteDir, [null, 3000], settings.scaleReps, log, dataset);
  } catch (e) {
    log(`  FAILED scale in Chromium: ${(e as Error).message.split("\n")[0]}`);
  }
}

// ─── results ──────────────────────────────────────────────────────────────────
const LH_METRICS = ["lcp", "fcp", "tbt", "totalBytes", "scriptBytes"] as const;
/** The floor blocks for 0–10 ms: a ratio to that says nothing, so TBT gets one only from 50 ms up. */
const floorOf = (k: (typeof LH_METRICS)[number], floor: LighthouseFigures | undefined) =>
  k === "tbt" && (floor?.tbt ?? 0) < 50 ? null : floor?.[k];
const withRatios = (figures: Record<string, LighthouseFigures>) =>
  Object.fromEntries(
    Object.entries(figures).map(([page, f]) => [
      page,
      {
        ...f,
        ratioToFloor:
          page === "floor" ? null : Object.fromEntries(LH_METRICS.map((k) => [k, ratio(f[k], floorOf(k, figures.floor))])),
      },
    ]),
  );
const floorFcp = browser?.loads.floor?.fcp.median;
const results = {
  date: new Date().toISOString(),
  elapsedSeconds: 0,
  machine: machine(),
  settings,
  notes: [
    "Lighthouse: simulated throttling (mobile: slow 4G, 4x CPU; desktop preset), medians of the runs; ratios are page / floor.",
    "Chromium (Playwright): unthrottled on this machine; times from navigation start or from the input event's timeStamp.",
    "Interaction latency ends at the last ECharts `finished` the input caused, so it includes ECharts' update animation.",
    "Scale: Node, one core, medians; synthetic datasets from generateDataset({ scale }).",
    "Assessment: Node, one core, medians of cold runs (fresh arrays each run); the Overview's judgments as use-judgments computes them.",
  ],
  budgets: {
    initialJsGzipKB: budgets.initialGzipKB,
    overviewJsWithEchartsGzipKB: budgets.overviewGzipKB,
    initialJsKB: budgets.initialBytesKB,
    budgetKB: INITIAL_JS_BUDGET_KB,
    initial: budgets.initial,
    failures: budgets.failures,
  },
  lighthouse: lighthouse && { mobile: withRatios(lighthouse.mobile), desktop: withRatios(lighthouse.desktop) },
  browser: browser && {
    ...browser,
    loads: Object.fromEntries(
      Object.entries(browser.loads).map(([page, l]) => [
        page,
        {
          ...l,
          ratioToFloor:
            page === "floor"
              ? null
              : {
                  fcp: ratio(l.fcp.median, floorFcp),
                  /** The first chart against the floor's first paint: what drawing a chart costs over an empty page. */
                  firstChartVsFloorFcp: l.firstChart ? ratio(l.firstChart.median, floorFcp) : null,
                },
        },
      ]),
    ),
  },
  scale,
  assessment,
  scaleBrowser,
  screen,
};

// ─── table ────────────────────────────────────────────────────────────────────
const pad = (cells: (string | number | null)[], widths: number[]) =>
  cells.map((c, i) => String(c ?? "—")[i === 0 ? "padEnd" : "padStart"](widths[i])).join("  ");
const x = (r: number | null | undefined) => (r === null || r === undefined ? "" : ` ×${r.toFixed(2)}`);
const k = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
const s = (summary: Summary | undefined) => (summary ? `${Math.round(summary.median)} / ${Math.round(summary.p95)}` : "—");
const lines: string[] = [];
const print = (line = "") => lines.push(line);

print(`Guangdong digital economy dashboard: benchmark against the floor page`);
print(
  `machine: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, ${results.machine.chromium}, CJK font: ${results.machine.cjkFont}`,
);
print();
print(
  `Budgets: the Overview's JS with ECharts ${budgets.overviewGzipKB} KB gzipped of ${INITIAL_JS_BUDGET_KB} KB (${budgets.initialGzipKB} KB before its first chart): ${budgets.failures.length ? `FAILED (${budgets.failures.join("; ")})` : "ok"}`,
);
if (results.lighthouse) {
  for (const preset of presets as Preset[]) {
    print();
    print(`Lighthouse ${preset} (median of ${settings.lighthouseRuns}; ×floor)`);
    const w = [10, 6, 16, 16, 16, 16, 16, 10];
    print(pad(["page", "score", "LCP ms", "FCP ms", "TBT ms", "transfer", "script", "chart ms"], w));
    for (const [page, f] of Object.entries(results.lighthouse[preset])) {
      const r = f.ratioToFloor as Record<string, number | null> | null;
      print(
        pad(
          [
            page,
            f.score,
            `${f.lcp}${x(r?.lcp)}`,
            `${f.fcp}${x(r?.fcp)}`,
            `${f.tbt}${r?.tbt ? x(r.tbt) : ""}`,
            `${k(f.totalBytes)}${x(r?.totalBytes)}`,
            `${k(f.scriptBytes)}${x(r?.scriptBytes)}`,
            f.chartFinished,
          ],
          w,
        ),
      );
    }
  }
}
if (results.browser && browser) {
  print();
  print(`Chromium, cold loads (median / p95 of ${settings.loadReps}, ms from navigation start)`);
  const w = [10, 18, 16, 16, 16];
  print(pad(["page", "FCP (×floor)", "first frame", "first finished", "all finished"], w));
  for (const [page, l] of Object.entries(results.browser.loads)) {
    print(pad([page, `${s(l.fcp)}${x(l.ratioToFloor?.fcp)}`, s(l.firstFrame), s(l.firstChart), s(l.allCharts)], w));
  }
  const profile = results.browser.loads.profile;
  if (profile?.complete)
    print(
      `Region profile (a county, no chart): header ${s(profile.header)} ms, first screen (header and standing) ${s(profile.firstScreen)} ms, every panel ${s(profile.complete)} ms (budgets: first screen 1,500 ms, full page 3,000 ms)`,
    );
  print();
  print(`Interactions (median / p95 of ${settings.interactionReps}, ms from the input event)`);
  const wi = [22, 16, 16, 18];
  print(pad(["interaction", "first frame", "finished", "longest task"], wi));
  for (const [name, f] of Object.entries(browser.interactions)) {
    print(pad([name, s(f.toFirstFrame), s(f.toFinished), s(f.longestTask)], wi));
  }
  const m = browser.memory;
  print();
  if (m)
    print(
      `Memory: JS heap after GC ${m.afterFirstCycleMB} MB after 1 cycle, ${m.afterLastCycleMB} MB after ${m.cycles} (×${m.growthRatio}); DOM nodes ${m.nodes.join(" → ")}, listeners ${m.listeners.join(" → ")}`,
    );
  for (const e of browser.errors) print(`FAILED ${e}`);
}
if (screen) {
  print();
  print(`Command screen, ${screen.cycles} cycles: ${screenSummary(screen)}`);
}
if (scale) {
  print();
  print(`Scale (Node, median of ${settings.scaleReps}, ms): county-level units → cost`);
  const w = [7, 13, 9, 9, 8, 9, 9, 9, 9, 9];
  print(pad(["units", "file gz", "parse", "zod", "filter", "q. zod", "ranking", "jenks", "table", "index"], w));
  for (const p of scale) {
    print(
      pad(
        [
          p.units,
          `${k(p.annualFile.gzipBytes)}`,
          p.annualFile.jsonParseMs,
          p.annualFile.zodMs,
          p.annualFile.filterMs,
          p.quarterlyFile.zodMs,
          p.rankingMs,
          p.binsMs.jenks,
          p.tableModelMs,
          `${p.indexMs.minmax}/${p.indexMs.zscore}`,
        ],
        w,
      ),
    );
  }
}
if (assessment) {
  print();
  print(`Assessment (Node, median of ${settings.scaleReps} cold runs, ms; budget ≤ 50 on the real tree, < 200 at 3,000 units)`);
  const w = [22, 7, 8, 8, 11, 9, 9, 12];
  print(pad(["dataset", "level", "units", "targets", "shortfalls", "warnings", "total", "all levels"], w));
  for (const p of assessment) {
    print(
      pad(
        [
          p.dataset,
          p.level,
          p.units,
          p.targetsMs,
          p.shortfallsMs,
          `${p.warningsMs} (${p.warnings})`,
          p.totalMs,
          p.allLevelsWarningsMs,
        ],
        w,
      ),
    );
  }
}
if (scaleBrowser) {
  print();
  print(
    `Scale in Chromium (ms from navigation or input, median / p95 of ${settings.scaleReps}; in brackets the longest main-thread task, max)`,
  );
  const w = [7, 18, 20, 20, 20, 20];
  print(pad(["units", "Map table rows", "period step, frame", "sort, next frame", "Compare loaded", "weight, frame"], w));
  const task = (f: { longestTask: Summary }) => ` (${Math.round(f.longestTask.max)})`;
  for (const p of scaleBrowser) {
    print(
      pad(
        [
          p.regions,
          `${p.tableRowsMs} (${p.tableLoadLongestTaskMs})`,
          `${s(p.tablePeriodStep.toFirstFrame)}${task(p.tablePeriodStep)}`,
          `${s(p.tableSort.toPaint)}${task(p.tableSort)}`,
          `${p.compareSettledMs} (${p.compareLoadLongestTaskMs})`,
          `${s(p.compareWeight.toFirstFrame)}${task(p.compareWeight)}`,
        ],
        w,
      ),
    );
  }
}
results.elapsedSeconds = elapsed();
print();
print(`elapsed: ${results.elapsedSeconds} s`);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${lines.join("\n")}\nwritten: bench/results/latest.json`);
