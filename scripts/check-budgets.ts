/**
 * `npm run budgets` (after `npm run build`; a counted check in .ci/run): size budgets of the
 * built site, deterministic, so they can fail a build. Timings are the benchmark's business.
 *
 * - The Overview's initial JavaScript including ECharts, at most 300 KB gzipped (file by file,
 *   zlib's default level; 1 KB = 1,000 bytes, as Vite reports): the entry module of
 *   dist/index.html with everything it imports statically (the modulepreloads), plus the chunk
 *   that draws charts (the one holding src/charts/ChartHost.tsx, loaded by the Overview's first
 *   chart) with its static imports. ECharts is lazy so that the page renders before it
 *   arrives, not so that it escapes the budget.
 * - Neither the map's code (src/charts/map, src/features/map, ECharts' map chart, topojson)
 *   nor the geometry (TopoJSON) is in that initial set: both load when a map is opened.
 * - No file in dist/assets carries MSW or test code.
 *
 * Then the browser-compatibility check of the same files (scripts/check-compat.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const INITIAL_JS_BUDGET_KB = 300;

/** Module sources (as the source maps name them) that belong to the map and must load lazily. */
const MAP_CODE = [/\/src\/charts\/map\//, /\/src\/features\/map\//, /\/echarts\/lib\/chart\/map\//, /\/topojson-client\//];
/** The module that loads ECharts for the first chart of any view (see src/charts/Chart.tsx). */
const CHART_HOST = /\/src\/charts\/ChartHost\.tsx$/;
/** A chunk this small without a source map is a bundler helper (rolldown's runtime, Vite's preload helper). */
const HELPER_MAX_BYTES = 4096;
/** TopoJSON inlined into a script. */
const GEOMETRY = [/"type"\s*:\s*"Topology"/, /\btype:\s*"Topology"/];
/** Development and test code that must never ship (file contents; source-map paths below). */
const FORBIDDEN_TEXT = [/msw/i, /mockServiceWorker/, /setupWorker/, /vitest/i, /@testing-library/];
const FORBIDDEN_SOURCES = [
  /\/node_modules\/(msw|@mswjs|vitest|@vitest|@testing-library|jsdom)\//,
  /(^|\/)mock\//,
  /(^|\/)tests\//,
];

export interface FileFigure {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BudgetReport {
  /** The entry and its static imports: what the page needs before its first render. */
  initial: FileFigure[];
  initialGzipKB: number;
  initialBytesKB: number;
  /** The chart chunks the Overview loads for its first chart, ECharts among them. */
  charts: FileFigure[];
  /** Initial + charts: the budgeted figure. */
  overviewGzipKB: number;
  css: FileFigure[];
  /** Lazy chunks, largest first (reported, not budgeted). */
  lazy: FileFigure[];
  failures: string[];
}

const kb = (bytes: number) => Math.round(bytes / 10) / 100;

/** Relative module specifiers a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`, re-exports). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    /(?:^|[;\s}])export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

/**
 * The entry script and modulepreloads of a built index.html, as paths inside dist: as Vite writes
 * them, or as the prerender step hands them to the boot script (`data-entry`, `data-preload` on
 * the inline script it writes from public/first-screen.js). Classic scripts are files (`classic`)
 * or inline (`inline`, their code), and count as the page's JavaScript either way.
 */
export function htmlScripts(html: string): {
  entry: string[];
  preloads: string[];
  css: string[];
  classic: string[];
  inline: string[];
} {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const clean = (href: string) => posix.normalize(href.replace(/^\.?\//, ""));
  const links = (html.match(/<link\b[^>]*>/g) ?? []).filter((t) => attr(t, "rel"));
  const scripts = [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)].map((m) => ({ tag: m[1], code: m[2] }));
  const modules = scripts.filter((s) => attr(s.tag, "type") === "module" && attr(s.tag, "src"));
  const classic = scripts.filter((s) => attr(s.tag, "type") !== "module");
  const booted = classic.filter((s) => attr(s.tag, "data-entry"));
  const preloads = links.filter((t) => attr(t, "rel") === "modulepreload");
  const css = links.filter((t) => attr(t, "rel") === "stylesheet");
  return {
    entry: [...modules.map((s) => attr(s.tag, "src") as string), ...booted.map((s) => attr(s.tag, "data-entry") as string)].map(
      clean,
    ),
    preloads: [
      ...preloads.map((t) => attr(t, "href") as string),
      ...booted.flatMap((s) => (attr(s.tag, "data-preload") ?? "").split(" ").filter(Boolean)),
    ].map(clean),
    css: css.map((t) => clean(attr(t, "href") as string)),
    classic: classic.filter((s) => attr(s.tag, "src")).map((s) => clean(attr(s.tag, "src") as string)),
    inline: classic.filter((s) => !attr(s.tag, "src") && s.code.trim()).map((s) => s.code),
  };
}

/** The module paths a source map names, each with a leading slash for the patterns above. */
const sourcesOf = (mapFile: string): string[] =>
  (JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[] }).sources.map((s) => `/${s}`);

const figure = (dist: string, file: string): FileFigure => {
  const body = readFileSync(join(dist, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body).length };
};

/** Measures the built site in `dist` against the budgets. */
export function checkBudgets(dist = join(fileURLToPath(new URL("..", import.meta.url)), "dist")): BudgetReport {
  const failures: string[] = [];
  const index = join(dist, "index.html");
  if (!existsSync(index)) throw new Error(`${index} is missing: run npm run build first`);
  const html = readFileSync(index, "utf8");
  const { entry, preloads, css, classic, inline } = htmlScripts(html);
  if (entry.length !== 1) failures.push(`dist/index.html should have one module entry script, found ${entry.length}`);

  // The initial set: the entry, its static imports (transitively) and the modulepreloads.
  const closure = (roots: string[], skip: Set<string> = new Set()) => {
    const found = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const file = queue.shift() as string;
      if (found.has(file) || skip.has(file)) continue;
      if (!existsSync(join(dist, file))) {
        failures.push(`${file} is referenced but missing from dist`);
        continue;
      }
      found.add(file);
      const code = readFileSync(join(dist, file), "utf8");
      for (const spec of staticImports(code)) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
    }
    return found;
  };
  const initial = closure([...entry, ...preloads, ...classic]);
  const inlineFigures = inline.map((code, k) => {
    const body = Buffer.from(code);
    return { file: `index.html, inline script ${k + 1}`, bytes: body.length, gzipBytes: gzipSync(body).length };
  });
  const initialFigures = [...[...initial].map((f) => figure(dist, f)), ...inlineFigures].sort(
    (a, b) => b.gzipBytes - a.gzipBytes,
  );
  const initialGzip = initialFigures.reduce((s, f) => s + f.gzipBytes, 0);

  // The chart chunk and what it imports (ECharts), found by the module it holds.
  const assets = join(dist, "assets");
  const chartRoots = readdirSync(assets)
    .filter((f) => f.endsWith(".js") && existsSync(join(assets, `${f}.map`)))
    .filter((f) => sourcesOf(join(assets, `${f}.map`)).some((s) => CHART_HOST.test(s)))
    .map((f) => `assets/${f}`);
  if (chartRoots.length === 0) failures.push("no chunk holds src/charts/ChartHost.tsx: cannot count the charts' JavaScript");
  const charts = closure(chartRoots, initial);
  const chartFigures = [...charts].map((f) => figure(dist, f)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const overviewGzip = initialGzip + chartFigures.reduce((s, f) => s + f.gzipBytes, 0);
  if (kb(overviewGzip) > INITIAL_JS_BUDGET_KB) {
    failures.push(
      `the Overview's JavaScript with ECharts is ${kb(overviewGzip)} KB gzipped, over the budget of ${INITIAL_JS_BUDGET_KB} KB`,
    );
  }

  // The map's code and geometry stay out of the initial set (source maps name every module).
  for (const file of initial) {
    const mapFile = join(dist, `${file}.map`);
    if (!existsSync(mapFile)) {
      // The bundler's own helpers (runtime, preload helper) come without maps; anything larger must have one.
      if (statSync(join(dist, file)).size > HELPER_MAX_BYTES) {
        failures.push(`${file}.map is missing: the map-code check needs source maps (build.sourcemap)`);
      }
      continue;
    }
    const sources = sourcesOf(mapFile);
    const mapCode = sources.filter((s) => MAP_CODE.some((re) => re.test(s)));
    if (mapCode.length) failures.push(`${file} (initial) holds map code: ${mapCode.slice(0, 3).join(", ")}`);
    const code = readFileSync(join(dist, file), "utf8");
    if (GEOMETRY.some((re) => re.test(code))) failures.push(`${file} (initial) holds TopoJSON geometry`);
  }
  if (/<link\b[^>]*\.topo\.json/.test(html)) failures.push("dist/index.html preloads the map geometry");

  // No MSW or test code anywhere in dist/assets: contents of scripts and styles, module paths of source maps.
  for (const file of readdirSync(assets)) {
    const path = join(assets, file);
    if (file.endsWith(".map")) {
      const sources = sourcesOf(path);
      const bad = sources.filter((s) => FORBIDDEN_SOURCES.some((re) => re.test(s)));
      if (bad.length) failures.push(`assets/${file} maps development or test modules: ${bad.slice(0, 3).join(", ")}`);
      continue;
    }
    const text = readFileSync(path, "utf8");
    const hit = FORBIDDEN_TEXT.find((re) => re.test(text));
    if (hit) failures.push(`assets/${file} contains ${hit} (MSW or test code)`);
  }
  if (existsSync(join(dist, "mockServiceWorker.js"))) failures.push("dist/mockServiceWorker.js exists: MSW's worker was shipped");

  const lazy = readdirSync(assets)
    .filter((f) => f.endsWith(".js") && !initial.has(`assets/${f}`) && !charts.has(`assets/${f}`))
    .map((f) => figure(dist, `assets/${f}`))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    initial: initialFigures,
    initialGzipKB: kb(initialGzip),
    initialBytesKB: kb(initialFigures.reduce((s, f) => s + f.bytes, 0)),
    charts: chartFigures,
    overviewGzipKB: kb(overviewGzip),
    css: css.map((f) => figure(dist, f)),
    lazy,
    failures,
  };
}

function print(report: BudgetReport) {
  const row = (f: FileFigure) =>
    `  ${f.file.padEnd(44)} ${kb(f.bytes).toFixed(2).padStart(9)} KB ${kb(f.gzipBytes).toFixed(2).padStart(9)} KB gz`;
  console.log("initial JavaScript of the Overview (entry + static imports + modulepreloads):");
  for (const f of report.initial) console.log(row(f));
  console.log(
    `  ${"initial total".padEnd(44)} ${report.initialBytesKB.toFixed(2).padStart(9)} KB ${report.initialGzipKB.toFixed(2).padStart(9)} KB gz`,
  );
  console.log("loaded for the Overview's first chart (ChartHost and ECharts):");
  for (const f of report.charts) console.log(row(f));
  console.log(
    `  ${"Overview total with ECharts".padEnd(44)} ${"".padStart(12)} ${report.overviewGzipKB.toFixed(2).padStart(9)} KB gz  (budget ${INITIAL_JS_BUDGET_KB} KB gz)`,
  );
  console.log("initial CSS:");
  for (const f of report.css) console.log(row(f));
  console.log("lazy chunks (loaded by the views that need them):");
  for (const f of report.lazy) console.log(row(f));
  console.log("map code and geometry outside the initial set; no MSW or test code in dist/assets:");
  if (report.failures.length) {
    for (const f of report.failures) console.log(`  FAIL ${f}`);
  } else {
    console.log("  ok");
  }
  console.log(report.failures.length ? `budgets: ${report.failures.length} failed` : "budgets: all passed");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = checkBudgets();
  print(report);
  // The built JavaScript against the supported browsers: one check of the build with the sizes.
  const { checkCompat, printCompat } = await import("./check-compat");
  const compat = await checkCompat();
  printCompat(compat);
  process.exit(report.failures.length || compat.failures.length ? 1 : 0);
}
