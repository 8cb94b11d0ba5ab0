import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkBudgets, htmlScripts, staticImports } from "../../scripts/check-budgets";

describe("size budgets", () => {
  it("finds a chunk's static imports and re-exports, not its dynamic imports", () => {
    const code = `import{n as e}from"./rolldown-runtime.js";import"./side.js";export*from"./all.js";export{a as b}from"../up.js";const m=()=>import("./MapView.js");import{x}from"react";`;
    expect(staticImports(code).sort()).toEqual(["../up.js", "./all.js", "./rolldown-runtime.js", "./side.js"]);
  });

  it("reads the entry, modulepreloads and stylesheets of a built index.html", () => {
    const html = `<head><script type="module" crossorigin src="./assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/url-B.js"><link rel="stylesheet" href="./assets/index-C.css"></head>`;
    expect(htmlScripts(html)).toEqual({
      entry: ["assets/index-A.js"],
      preloads: ["assets/url-B.js"],
      css: ["assets/index-C.css"],
      classic: [],
      inline: [],
    });
  });

  it("reads the entry and modulepreloads the prerender step hands to the boot script, which counts too", () => {
    const boot = `\n(() => { document.currentScript.getAttribute("data-entry"); })();\n`;
    const html = `<head><link rel="stylesheet" href="./assets/index-C.css"></head><body><div id="root"></div>
      <script data-entry="./assets/index-A.js" data-preload="./assets/url-B.js ./assets/x-D.js" data-config="{&quot;a&quot;:1}">${boot}</script>
      <script async src="./other.js"></script></body>`;
    expect(htmlScripts(html)).toEqual({
      entry: ["assets/index-A.js"],
      preloads: ["assets/url-B.js", "assets/x-D.js"],
      css: ["assets/index-C.css"],
      classic: ["other.js"],
      inline: [boot],
    });
  });

  describe("on a built site", () => {
    let dist: string;
    afterEach(() => rmSync(dist, { recursive: true, force: true }));

    /** A tiny dist: an entry importing one chunk statically, the chart host (and ECharts) and the map lazily. */
    function site(files: Record<string, string>, sources: Record<string, string[]> = {}) {
      dist = mkdtempSync(join(tmpdir(), "budgets-test-"));
      mkdirSync(join(dist, "assets"));
      writeFileSync(
        join(dist, "index.html"),
        `<script type="module" src="./assets/entry.js"></script><link rel="modulepreload" href="./assets/shared.js">`,
      );
      const all = {
        "entry.js": `import{a}from"./shared.js";const c=()=>import("./ChartHost.js");const m=()=>import("./map.js");`,
        "shared.js": "export const a=1;",
        "ChartHost.js": `import{e}from"./echarts.js";import{a}from"./shared.js";export default e;`,
        "echarts.js": "export const e=3;",
        "map.js": "export const m=2;",
        ...files,
      };
      for (const [name, body] of Object.entries(all)) {
        writeFileSync(join(dist, "assets", name), body);
        const mapped = sources[name] ??
          {
            "ChartHost.js": ["../../src/charts/ChartHost.tsx"],
            "echarts.js": ["../../node_modules/echarts/lib/core/echarts.js"],
          }[name] ?? [`../../src/${name.replace(".js", ".ts")}`];
        writeFileSync(join(dist, "assets", `${name}.map`), JSON.stringify({ version: 3, sources: mapped, mappings: "" }));
      }
      return checkBudgets(dist);
    }

    it("counts the entry and its static imports, then the chart host with ECharts, and leaves other lazy chunks out", () => {
      const report = site({});
      expect(report.failures).toEqual([]);
      expect(report.initial.map((f) => f.file).sort()).toEqual(["assets/entry.js", "assets/shared.js"]);
      expect(report.charts.map((f) => f.file).sort()).toEqual(["assets/ChartHost.js", "assets/echarts.js"]);
      const sum = (list: { gzipBytes: number }[]) => list.reduce((n, f) => n + f.gzipBytes, 0);
      expect(report.overviewGzipKB).toBeCloseTo((sum(report.initial) + sum(report.charts)) / 1000, 1);
      expect(report.lazy.map((f) => f.file)).toEqual(["assets/map.js"]);
    });

    it("counts the boot script inlined into index.html with the entry it starts", () => {
      const report = site({});
      const boot = `(() => { const s = document.createElement("script"); s.type = "module"; s.src = "${"x".repeat(400)}"; })();`;
      writeFileSync(join(dist, "index.html"), `<body><script data-entry="./assets/entry.js">${boot}</script></body>`);
      const booted = checkBudgets(dist);
      expect(booted.initial.map((f) => f.file).sort()).toEqual([
        "assets/entry.js",
        "assets/shared.js",
        "index.html, inline script 1",
      ]);
      expect(booted.initial.find((f) => f.file.startsWith("index.html"))?.bytes).toBe(boot.length);
      expect(booted.overviewGzipKB).toBeGreaterThan(report.overviewGzipKB);
    });

    it("fails when no chunk holds the chart host, rather than counting without ECharts", () => {
      const report = site({}, { "ChartHost.js": ["../../src/charts/Other.tsx"] });
      expect(report.failures.join("\n")).toMatch(/no chunk holds src\/charts\/ChartHost\.tsx/);
    });

    it("fails when the initial set holds map code, geometry, or when any asset holds MSW or test code", () => {
      const report = site(
        {
          "shared.js": `export const topo={"type":"Topology","arcs":[]};`,
          "map.js": "const w=setupWorker();",
        },
        { "shared.js": ["../../src/charts/map/geo.ts"], "map.js": ["../../node_modules/msw/lib/browser/index.mjs"] },
      );
      expect(report.failures.join("\n")).toMatch(/assets\/shared\.js \(initial\) holds map code: .*src\/charts\/map\/geo\.ts/);
      expect(report.failures.join("\n")).toMatch(/shared\.js \(initial\) holds TopoJSON geometry/);
      expect(report.failures.join("\n")).toMatch(/assets\/map\.js contains .*setupWorker/);
      expect(report.failures.join("\n")).toMatch(/assets\/map\.js\.map maps development or test modules: .*node_modules\/msw\//);
    });

    it("fails over 300 KB gzipped, ECharts included", () => {
      // Random bytes do not compress: as base64, 420,000 of them stay over 300 KB gzipped.
      const noise = randomBytes(420_000).toString("base64");
      const report = site({ "echarts.js": `export const e=${JSON.stringify(noise)};` });
      expect(report.initialGzipKB).toBeLessThan(1);
      expect(report.overviewGzipKB).toBeGreaterThan(300);
      expect(report.failures.join("\n")).toMatch(/with ECharts is .* over the budget of 300 KB/);
    });
  });
});
