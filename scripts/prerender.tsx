/**
 * `npm run build`'s last step (`tsx scripts/prerender.tsx [--dist DIR]`): writes the Overview's
 * first screen, and every other view's header, into dist/index.html, once per language, so that a
 * phone shows the header, the key findings and the headline figures (or, on another view, the
 * header with the data version) about as soon as the floor page shows its heading, instead of
 * after the entry script, config.json, meta.json, the series and the judgments (#15).
 *
 * The figures are the snapshot's own, read through the app's static source from the built site and
 * judged by the same domain functions (src/domain/judgments.ts, findings.ts) and drawn by the same
 * components (src/features/overview/FirstScreen.tsx, src/app/ViewShell.tsx) as the page. They are
 * written hidden; the boot script (public/first-screen.js, minified and inlined here in place of
 * the entry script, allowed by its hash in the page's Content-Security-Policy) shows one only for
 * an address it was rendered for and only once config.json and meta.json say the app will show
 * the same data (the config the site was built with, the same data version); the app takes over
 * from it when it has drawn the same (src/ui/first-screen.ts). A site whose config.json reads an
 * HTTP API gets none: its data is not known at build time.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { minifySync } from "rolldown/utils";
import { createDataSource, parseConfig } from "../src/api/config";
import type { Indicator, Observation, ObservationQuery } from "../src/api/contract";
import { createQueryClient, indicatorsQuery, metaQuery, observationsQuery, regionsQuery } from "../src/api/queries";
import { Providers } from "../src/app/Providers";
import { ViewShell } from "../src/app/ViewShell";
import { featured, targetIndicators, watched } from "../src/domain/catalogue";
import { keyFindings } from "../src/domain/findings";
import { judgeParts } from "../src/domain/judgments";
import { FirstScreen } from "../src/features/overview/FirstScreen";
import { createAppStore } from "../src/state/store";
import { DEFAULT_VIEW, LANGS } from "../src/state/url";
import { BOOT_SCRIPT, FIRST_SCREEN_ATTRIBUTE, SHELL_ATTRIBUTE } from "../src/ui/first-screen";
import { serveStatic } from "./serve-static";

/** The module of each view that App.tsx loads lazily (its LOADERS). */
const VIEW_MODULES = {
  map: "src/features/map/MapView.tsx",
  compare: "src/features/compare/CompareView.tsx",
  explore: "src/features/explore/ExploreView.tsx",
  profile: "src/features/profile/ProfileView.tsx",
  data: "src/features/data/DataMethods.tsx",
};

const { values } = parseArgs({ options: { dist: { type: "string", default: "dist" } } });
const dist = values.dist as string;
const started = performance.now();
const htmlPath = join(dist, "index.html");
const html = readFileSync(htmlPath, "utf8");
if (html.includes(`${FIRST_SCREEN_ATTRIBUTE}=`)) throw new Error(`${htmlPath} already holds a prerendered first screen`);

const configText = readFileSync(join(dist, "config.json"), "utf8");
const config = parseConfig(JSON.parse(configText));
if (config.dataSource !== "static") {
  console.log(`prerender: skipped, config.json reads an HTTP API (${config.baseUrl}) whose data the build does not know`);
  process.exit(0);
}

const site = await serveStatic(dist);
try {
  const origin = `http://127.0.0.1:${site.port}/`;
  // The page's config, reading the snapshot from this server (Node has no page to resolve it against).
  const served = { ...config, baseUrl: new URL(config.baseUrl, origin).href };
  const source = createDataSource(served);
  const client = createQueryClient();
  const [meta, regions, indicators] = await Promise.all([
    client.fetchQuery(metaQuery(source)),
    client.fetchQuery(regionsQuery(source)),
    client.fetchQuery(indicatorsQuery(source)),
  ]);
  const province = regions.find((r) => r.level === "province")?.code;
  if (!province) throw new Error("the snapshot has no province");
  const level = DEFAULT_VIEW.level;
  // Into the client's cache under the page's own keys: the headline cards read them as on the page.
  const series = (list: readonly Indicator[], at: ObservationQuery["level"]) =>
    Promise.all(list.map((i) => client.fetchQuery(observationsQuery(source, { indicator: i.id, level: at }))));
  const byId = (list: readonly Indicator[], answers: Observation[][]) =>
    Object.fromEntries(list.map((ind, k) => [ind.id, answers[k]]));
  const targeted = targetIndicators(indicators, province);
  const atLevel = watched(indicators, level);
  const [provinceSeries, levelSeries] = await Promise.all([
    series(targeted, "province"),
    series(atLevel, level),
    series(featured(indicators), "province"),
  ]);
  const judged = judgeParts({
    parts: ["targets", "behind", "warnings"],
    indicators,
    regions,
    province,
    level,
    lastYear: meta.lastYear,
    provinceSeries: byId(targeted, provinceSeries),
    levelSeries: byId(atLevel, levelSeries),
  });
  const findings = keyFindings(judged.targets ?? [], judged.behind ?? [], judged.warnings ?? []);
  const years = Array.from({ length: meta.lastYear - meta.firstYear + 1 }, (_, i) => String(meta.lastYear - i));

  const render = (lang: (typeof LANGS)[number], node: ReactNode) =>
    renderToStaticMarkup(
      <Providers config={served} store={createAppStore({ lang })} queryClient={client}>
        {node}
      </Providers>,
    );
  const screens = LANGS.flatMap((lang) => {
    const open = `<div ${FIRST_SCREEN_ATTRIBUTE}="${lang}" lang="${lang === "zh" ? "zh-CN" : "en"}"`;
    return [
      `${open} hidden>${render(lang, <FirstScreen findings={findings} indicators={indicators} regions={regions} province={province} years={years} />)}</div>`,
      // Every other address: the header (its data version, the nav) over the skeleton the app shows while a view loads.
      `${open} ${SHELL_ATTRIBUTE} hidden>${render(lang, <ViewShell />)}</div>`,
    ];
  });
  // The app's entry and the chunks it imports, started by the boot script once it has decided
  // (shown or not): the first screen's checks and paint do not share the phone's bandwidth and main
  // thread with ~300 KB of script, which needs config.json and meta.json before it can show anything anyway.
  const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
  if (!entry) throw new Error(`${htmlPath}: no entry script`);
  const preloads = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
  let out = html;
  for (const tag of [entry, ...preloads]) out = out.replace(tag[0], "");
  // Inline, not one more round trip before anything can be decided; with what it checks against.
  const bootPath = join(dist, BOOT_SCRIPT);
  const minified = minifySync(BOOT_SCRIPT, readFileSync(bootPath, "utf8"), { compress: true, mangle: true });
  if (minified.errors.length) throw new Error(`${bootPath}: ${minified.errors.map((e) => e.message).join("; ")}`);
  const bootCode = minified.code.trim();
  rmSync(bootPath);
  const checks = {
    entry: entry[1],
    preload: preloads.map((m) => m[1]).join(" "),
    views: JSON.stringify(viewChunks([entry[1], ...preloads.map((m) => m[1])])),
    config: JSON.stringify(JSON.parse(configText)),
    meta: `${config.baseUrl.replace(/\/+$/, "")}/meta.json`,
    version: meta.dataVersion,
  };
  const bootText = `\n${bootCode.replace(/<\/script/gi, "<\\/script")}\n`;
  const boot = `<script ${Object.entries(checks)
    .map(([k, v]) => `data-${k}="${attr(v)}"`)
    .join(" ")}>${bootText}</script>`;
  // The site's policy allows this one inline script by its hash, and still no other.
  const hash = `'sha256-${createHash("sha256").update(bootText).digest("base64")}'`;
  if (!out.includes("script-src 'self'")) throw new Error(`${htmlPath}: no script-src 'self' in its Content-Security-Policy`);
  out = out.replace("script-src 'self'", `script-src 'self' ${hash}`);
  out = out
    .replace('<div id="root"></div>', `${screens.join("\n    ")}\n    <div id="root"></div>`)
    .replace("</body>", `  ${boot}\n  </body>`);
  writeFileSync(htmlPath, out);
  const added = Buffer.byteLength(out) - Buffer.byteLength(html);
  console.log(
    `prerender: the Overview's first screen and the views' header in ${LANGS.join(", ")} → ${htmlPath} (+${(added / 1024).toFixed(1)} KB, ${Math.round(performance.now() - started)} ms); its boot script is inline, allowed by script-src ${hash}`,
  );
} finally {
  await site.stop();
}

/**
 * Each lazily loaded view's chunk and the chunks it imports statically, beyond the entry's (Vite's
 * manifest), for the boot script to ask for beside the entry once a first screen is up: the view
 * then waits for one download, not for the entry, then its own. The modules are App.tsx's LOADERS.
 */
function viewChunks(entryChunks: readonly string[]): Record<string, string> {
  type Chunk = { file: string; imports?: string[]; isDynamicEntry?: boolean };
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, Chunk>;
  const app = readFileSync(join(import.meta.dirname, "..", "src", "app", "App.tsx"), "utf8");
  const have = new Set(entryChunks.map((f) => f.replace(/^\.\//, "")));
  const out: Record<string, string> = {};
  for (const [view, module] of Object.entries(VIEW_MODULES)) {
    if (
      !app.includes(`import("../${module.replace(/^src\//, "").replace(/\.tsx$/, "")}")`) ||
      !manifest[module]?.isDynamicEntry
    ) {
      throw new Error(`prerender: the ${view} view is no longer loaded from ${module}: update VIEW_MODULES`);
    }
    const files: string[] = [];
    const visit = (key: string) => {
      const file = manifest[key].file;
      if (have.has(file) || files.includes(file)) return;
      files.push(file);
      for (const next of manifest[key].imports ?? []) visit(next);
    };
    visit(module);
    out[view] = files.map((f) => `./${f}`).join(" ");
  }
  return out;
}

/** A value as a double-quoted attribute. */
function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
