/**
 * The Compare view in real Chromium, on the built site served by vite preview (static
 * snapshot). Assumes `npm run build` has run (`npm run test:browser` does it first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Dataset } from "../../mock/generate";
import { readSnapshot } from "../../mock/snapshot";
import { FRAME_BOTTOM, FRAME_TOP } from "../../src/export/export-option";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatValue, pick } from "../../src/i18n/format";
import type { Lang } from "../../src/state/url";
import { canvasInk, collectConsoleErrors, DIST, launch, type Running, startPreview, tempDir } from "./support";

const INDICATOR = "core-digital-va-share";
const YEAR = "2024";
/** Cities and counties mixed, the focus a county: Dongguan joins the county-level units. */
const REGIONS = ["440106", "440304", "440100", "440300", "441900", "440604", "440203", "445302"];

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

describe("compare view on the built site", () => {
  let browser: Browser;
  let preview: Running;
  let base: string;
  let snapshot: Dataset;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    snapshot = await readSnapshot(join(DIST, "data", "v1"));
    ({ base, server: preview } = await startPreview());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    errors = collectConsoleErrors(page);
  });
  afterEach(async () => {
    await context?.close();
  });

  /** Opens Compare from a URL with 8 regions and checks the table's rows, figures and a drawn chart. */
  async function expectCompare(lang: Lang) {
    const indicator = snapshot.indicators.find((i) => i.id === INDICATOR);
    if (!indicator) throw new Error(`snapshot lacks ${INDICATOR}`);
    await page.goto(`${base}?view=compare&regions=${REGIONS.join(",")}&indicator=${INDICATOR}&year=${YEAR}&lang=${lang}`);
    const caption = fill(MESSAGES[lang]["compare.tableCaption"], { name: pick(indicator.name, lang), period: YEAR });
    const table = page.getByRole("table", { name: caption, exact: true });
    await table.waitFor({ state: "visible", timeout: 20_000 });
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(8);

    const values = new Map(
      (snapshot.observations.get(INDICATOR) ?? []).filter((o) => o.period === YEAR).map((o) => [o.region, o.value]),
    );
    const heads = await rows.locator("th").allTextContents();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent ?? ""));
    REGIONS.forEach((code, i) => {
      const region = snapshot.regions.find((r) => r.code === code);
      expect(heads[i]).toContain(region ? pick(region.name, lang) : code);
      expect(cells[i]).toBe(formatValue(values.get(code) ?? null, indicator, lang));
    });

    const series = page.locator(".compare-series .chart canvas").first();
    await series.waitFor({ state: "visible", timeout: 10_000 });
    const box = await series.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    await expect
      .poll(async () => (await canvasInk(page, ".compare-series .chart canvas")).inked, {
        timeout: 10_000,
        message: "the time-series canvas stays blank",
      })
      .toBeGreaterThan(1000);
    // The index ranking is drawn too, for cities and for county-level units, once the reader
    // gets near it: its forty-odd series are asked for near the viewport (WhenNear).
    const indexTables = page.locator(".compare-index table");
    expect(await indexTables.count()).toBe(0);
    await page.locator(".compare-index").scrollIntoViewIfNeeded();
    await expect.poll(() => indexTables.count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByRole("heading", { name: MESSAGES[lang]["compare.index"], exact: true }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }

  test("opens with 8 regions from the URL: 8 rows and a drawn chart, in Chinese", async () => {
    await expectCompare("zh");
  });

  test("opens with 8 regions from the URL: 8 rows and a drawn chart, in English", async () => {
    await expectCompare("en");
  });

  test("exports the time series as a PNG at 2× and the values table as a CSV of the figures shown", async () => {
    const dir = tempDir("gd-dashboard-compare-exports-");
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await expectCompare("en");
      const indicator = snapshot.indicators.find((i) => i.id === INDICATOR);
      if (!indicator) throw new Error(`snapshot lacks ${INDICATOR}`);
      const save = async (panel: string, item: string) => {
        const section = page.locator(panel);
        await section
          .getByRole("button", { name: /^Export/ })
          .first()
          .click();
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          section.getByRole("menuitem", { name: item }).click(),
        ]);
        const path = join(dir.path, download.suggestedFilename());
        await download.saveAs(path);
        return { name: download.suggestedFilename(), bytes: readFileSync(path) };
      };

      const box = await page.locator(".compare-series .chart").boundingBox();
      if (!box) throw new Error("no chart box");
      const png = await save(".compare-series", "PNG image (2×)");
      expect(png.name).toBe(`${INDICATOR}_series_mixed_2018-2025_en.png`);
      expect(png.bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
      // Twice the chart's width; at least twice its height and the frame (eight names and three
      // benchmarks make a legend of several rows, and the frame grows to hold it).
      expect(png.bytes.readUInt32BE(16)).toBe(2 * Math.round(box.width));
      expect(png.bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(2 * (Math.round(box.height) + FRAME_TOP + FRAME_BOTTOM));

      const csv = await save(".compare-table", "CSV: the data shown");
      expect(csv.name).toBe(`${INDICATOR}_table_mixed_${YEAR}_en.csv`);
      const text = csv.bytes.toString("utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const { data } = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true });
      const shown = await page
        .locator(".compare-table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent ?? ""));
      expect(data.slice(0, REGIONS.length).map((r) => r.Code)).toEqual(REGIONS);
      data.slice(0, REGIONS.length).forEach((r, i) => {
        expect(formatValue(r.Value === "" ? null : Number(r.Value), indicator, "en")).toBe(shown[i]);
      });
      expect(errors).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  test("stays usable at 360 px: panels stack, nothing wider than the screen", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expectCompare("zh");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [series, table] = await Promise.all([
      page.locator(".compare-series").boundingBox(),
      page.locator(".compare-table").boundingBox(),
    ]);
    expect(series && table && table.y >= series.y + series.height).toBe(true);
  });
});
