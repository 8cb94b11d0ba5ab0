/**
 * The large synthetic dataset in the real app: the built site with its data/v1 replaced by
 * `generateDataset({ scale })`'s snapshot, in Chromium. The Map's table view at county level
 * (the map itself needs real boundaries), a period step and a sort on it, and Compare's
 * index over every county-level unit with a weight moved: load times, latencies and the
 * longest main-thread task (the "blocks for more than 200 ms" question).
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { type Dataset, generateDataset } from "../mock/generate";
import { writeSnapshot } from "../mock/snapshot";
import { regionsAtLevel } from "../src/api/filter";
import { CATALOGUES as MESSAGES } from "../src/i18n/catalogues";
import { BIN, freePort, launch, startServer, tempDir } from "../tests/browser/support";
import { collect, INIT, type InteractionFigures, measure, measurePaint, newPage, settle } from "./browser";
import { round, type Summary, summarise } from "./stats";

export interface ScaleBrowserPoint {
  regions: number;
  /** Map, county level, table tab: navigation start to every row in the table. */
  tableRowsMs: number;
  /** The longest main-thread task while the table view loaded. */
  tableLoadLongestTaskMs: number;
  rows: number;
  /** Rows actually in the DOM (fewer when the table is windowed). */
  drawnRows: number;
  /** A period step with the table shown (to the ranking chart's `finished`). */
  tablePeriodStep: InteractionFigures;
  /** Sorting the table by name (input to the next frame) and its longest task. */
  tableSort: { toPaint: Summary; longestTask: Summary };
  /** Compare with 8 county-level regions: navigation start to every chart settled (all indicators loaded). */
  compareSettledMs: number;
  compareLoadLongestTaskMs: number;
  /** One index weight step: the index over every county-level unit recomputed and redrawn. */
  compareWeight: InteractionFigures;
}

/** Runs the checks on the site built in `siteDir` with datasets of `sizes` county-level units (null: the real tree, as built). */
export async function runScaleBrowser(
  siteDir: string,
  sizes: readonly (number | null)[],
  reps: number,
  log: (line: string) => void,
  dataset: (regions: number) => Dataset,
): Promise<ScaleBrowserPoint[]> {
  const browser = await launch();
  const points: ScaleBrowserPoint[] = [];
  const en = MESSAGES.en;
  try {
    for (const size of sizes) {
      const dir = tempDir("gd-bench-scale-");
      const site = join(dir.path, "site");
      cpSync(siteDir, site, { recursive: true });
      const data = size === null ? generateDataset() : dataset(size);
      if (size !== null) await writeSnapshot(data, join(site, "data", "v1"));
      const units = regionsAtLevel(data.regions, "county");
      const port = await freePort();
      const base = `http://127.0.0.1:${port}/`;
      const server = await startServer(
        BIN("vite"),
        ["preview", "--outDir", site, "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
        { readyUrl: `${base}config.json` },
      );
      try {
        const context = await browser.newContext();
        await context.addInitScript(INIT);
        const page = await newPage(context);

        await page.goto(`${base}?view=map&level=county&tab=table&lang=en`);
        // Every row is in the table: drawn, or (a windowed table) counted by aria-rowcount.
        const rowsIn = () => {
          const table = document.querySelector(".map-table table");
          const drawn = document.querySelectorAll(".map-table tbody tr:not(.spacer)").length;
          return Math.max(Number(table?.getAttribute("aria-rowcount") ?? 0) - 1, drawn);
        };
        await page.waitForFunction(
          (n) => {
            const table = document.querySelector(".map-table table");
            const drawn = document.querySelectorAll(".map-table tbody tr:not(.spacer)").length;
            return Math.max(Number(table?.getAttribute("aria-rowcount") ?? 0) - 1, drawn) >= n;
          },
          units.length,
          { timeout: 60_000, polling: 20 },
        );
        const tableRowsMs = await page.evaluate(() => performance.now());
        await settle(page, 0, { quietMs: 400 });
        const tableLoadLongestTaskMs = await page.evaluate(() => Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)));
        const slider = page.getByRole("slider", { name: en["map.slider"] });
        const steps = [];
        for (let i = 0; i < reps; i++) steps.push(await measure(page, () => slider.press(i % 2 ? "ArrowRight" : "ArrowLeft")));
        const sortButton = page.getByRole("button", { name: en["table.sortBy"].replace("{column}", en["table.name"]) });
        const sorts = [];
        for (let i = 0; i < reps; i++) sorts.push(await measurePaint(page, () => sortButton.press("Enter")));
        const rowCount = await page.evaluate(rowsIn);
        const drawnRows = await page.locator(".map-table tbody tr:not(.spacer)").count();

        // Compare: eight county-level units, so that the index ranks every unit of the level.
        const selection = units
          .filter((u) => u.level === "county")
          .slice(0, 8)
          .map((u) => u.code);
        await page.goto(`${base}?view=compare&regions=${selection.join(",")}&lang=en`);
        // Charts draw near the viewport: go to the index (its chart needs every indicator).
        const weight = page.getByRole("slider", { name: en["compare.weight"].replace("{pillar}", en["pillar.industry"]) });
        await weight.scrollIntoViewIfNeeded({ timeout: 180_000 });
        await settle(page, 0, { minEvents: 2, quietMs: 1500, timeoutMs: 180_000 });
        const compare = await page.evaluate(() => ({
          settled: window.__bench.finished.at(-1)?.t ?? Number.NaN,
          longest: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
        }));
        const moves = [];
        for (let i = 0; i < reps; i++)
          moves.push(await measure(page, () => weight.press(i % 2 ? "ArrowLeft" : "ArrowRight"), 500));
        await context.close();

        const point: ScaleBrowserPoint = {
          regions: units.length,
          tableRowsMs: round(tableRowsMs, 0),
          tableLoadLongestTaskMs: round(tableLoadLongestTaskMs, 0),
          rows: rowCount,
          drawnRows,
          tablePeriodStep: collect(steps),
          tableSort: {
            toPaint: summarise(sorts.map((s) => s.toPaint)),
            longestTask: summarise(sorts.map((s) => s.longestTask)),
          },
          compareSettledMs: round(compare.settled, 0),
          compareLoadLongestTaskMs: round(compare.longest, 0),
          compareWeight: collect(moves),
        };
        log(
          `  scale in Chromium, ${units.length} units: table ${point.tableRowsMs} ms (longest task ${point.tableLoadLongestTaskMs} ms), ` +
            `period step ${point.tablePeriodStep.toFirstFrame.median} ms to the first frame (longest task ${point.tablePeriodStep.longestTask.max} ms), ` +
            `sort ${point.tableSort.toPaint.median} ms (longest task ${point.tableSort.longestTask.max} ms), ` +
            `compare settled ${point.compareSettledMs} ms (longest task ${point.compareLoadLongestTaskMs} ms), ` +
            `weight ${point.compareWeight.toFirstFrame.median} ms to the first frame (longest task ${point.compareWeight.longestTask.max} ms)`,
        );
        points.push(point);
      } finally {
        await server.stop();
        dir.remove();
      }
    }
  } finally {
    await browser.close();
  }
  return points;
}
