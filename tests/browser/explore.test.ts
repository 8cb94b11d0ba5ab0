/**
 * The Explore view in real Chromium against the built site (static snapshot): each tab opened
 * from a URL draws, in both languages, and the view fits a 360 px screen. Assumes
 * `npm run build` has run (`npm run test:browser` does it first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Dataset } from "../../mock/generate";
import { readSnapshot } from "../../mock/snapshot";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatNumber, pick } from "../../src/i18n/format";
import type { Lang } from "../../src/state/url";
import { canvasInk, collectConsoleErrors, DIST, launch, type Running, startPreview, tempDir } from "./support";

const ID = "core-digital-va-share";
const SELECTION = "regions=440100,440300&from=2020&to=2023";
const YEARS = ["2020", "2021", "2022", "2023"];

describe("explore view on the built site", () => {
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
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
  });
  afterEach(async () => {
    await context?.close();
  });

  const open = (lang: Lang, query: string) => page.goto(`${base}?view=explore&indicator=${ID}&${query}&lang=${lang}`);
  const selectedTab = (lang: Lang, tab: "chart" | "map" | "table") =>
    page
      .getByRole("tablist", { name: MESSAGES[lang]["explore.tabs"] })
      .getByRole("tab", { name: MESSAGES[lang][`explore.tab.${tab}`], selected: true })
      .waitFor({ state: "visible", timeout: 20_000 });
  const inked = (selector: string, message: string) =>
    expect.poll(async () => (await canvasInk(page, selector)).inked, { timeout: 15_000, message }).toBeGreaterThan(1000);

  for (const lang of ["zh", "en"] as const) {
    test(`chart tab (${lang}): the lines and the funding and talent charts are drawn`, async () => {
      await open(lang, SELECTION);
      await selectedTab(lang, "chart");
      const chart = page.locator(".explore-main .chart canvas").first();
      await chart.waitFor({ state: "visible", timeout: 20_000 });
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      await inked(".explore-main .chart canvas", "the explore chart canvas stays blank");
      // Funding and talent beside the outcome, with the caption about causation.
      await inked(".explore-inputs .chart canvas", "the funding chart canvas stays blank");
      expect(await page.getByText(MESSAGES[lang]["explore.inputs.causation"]).isVisible()).toBe(true);
      expect(errors).toEqual([]);
    });

    test(`map tab (${lang}): the choropleth is drawn`, async () => {
      await open(lang, "tab=map&level=county&to=2023");
      await selectedTab(lang, "map");
      await page.locator(".explore-map .chart canvas").first().waitFor({ state: "visible", timeout: 20_000 });
      await inked(".explore-map .chart canvas", "the explore map canvas stays blank");
      const link = page.getByRole("link", { name: MESSAGES[lang]["explore.openMap"] });
      expect(await link.getAttribute("href")).toContain("view=map");
      expect(errors).toEqual([]);
    });

    test(`table tab (${lang}): the regions by the years, with the snapshot's figures`, async () => {
      await open(lang, `tab=table&${SELECTION}`);
      await selectedTab(lang, "table");
      const table = page.locator(".explore-table");
      await table.waitFor({ state: "visible", timeout: 20_000 });
      const headers = await table.locator("thead th").allTextContents();
      expect(headers).toEqual([MESSAGES[lang]["table.name"], ...YEARS]);
      const rows = table.locator("tbody tr");
      expect(await rows.count()).toBe(2);
      for (const [i, code] of ["440100", "440300"].entries()) {
        const region = snapshot.regions.find((r) => r.code === code);
        expect(await rows.nth(i).locator("th").textContent()).toBe(region ? pick(region.name, lang) : code);
        const cells = await rows.nth(i).locator("td").allTextContents();
        const expected = YEARS.map((y) => {
          const o = snapshot.observations.get(ID)?.find((x) => x.region === code && x.period === y);
          return o?.value === null || o === undefined ? "—" : formatNumber(o.value, 1, lang);
        });
        expect(cells.map((c, j) => c.startsWith(expected[j]))).toEqual(YEARS.map(() => true));
      }
      expect(errors).toEqual([]);
    });
  }

  test("exports the chart tab as an SVG with its title, whole legend and source, and each funding chart", async () => {
    const dir = tempDir("gd-dashboard-explore-exports-");
    try {
      await open("en", SELECTION);
      await selectedTab("en", "chart");
      await inked(".explore-main .chart canvas", "the explore chart canvas stays blank");
      const save = async (section: string, item: string) => {
        const panel = page.locator(section);
        await panel.getByRole("button", { name: /^Export/ }).click();
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          panel.getByRole("menuitem", { name: item }).click(),
        ]);
        const path = join(dir.path, download.suggestedFilename());
        await download.saveAs(path);
        return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
      };
      const svg = await save(".explore-main", "SVG vector image");
      expect(svg.name).toBe(`${ID}_series_city_2020-2023_en.svg`);
      // The texts drawn, lines joined (long titles and footers wrap onto several).
      const drawn = (svgText: string) => svgText.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      const indicator = snapshot.indicators.find((i) => i.id === ID);
      expect(drawn(svg.text)).toContain(`${indicator?.name.en}, 2020–2023`);
      for (const name of ["Guangzhou", "Shenzhen"]) expect(svg.text).toContain(name);
      expect(drawn(svg.text)).toContain(indicator?.source.en);
      expect(svg.text).toContain("Simulated data / 模拟数据");

      // The funding chart's legend is HTML on screen: the export draws it in the image.
      await inked(".explore-inputs .chart canvas", "the funding chart canvas stays blank");
      const funding = await save(".explore-inputs section:first-of-type", "SVG vector image");
      expect(funding.name).toBe(`${ID}_inputs-investment_city_2020-2023_en.svg`);
      const funds = snapshot.indicators.find((i) => i.id === "sme-transformation-funds");
      expect(drawn(funding.text)).toContain(funds?.name.en);
      expect(errors).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  test("opens a measure on a log axis as relative change from the URL; its CSV has the numerator and the denominator", async () => {
    const dir = tempDir("gd-dashboard-explore-measure-");
    try {
      const stations = snapshot.indicators.find((i) => i.id === "5g-base-stations");
      const population = snapshot.indicators.find((i) => i.id === "population");
      await page.goto(`${base}?view=explore&indicator=5g-base-stations&per=population&scale=log&relative=1&${SELECTION}&lang=en`);
      await selectedTab("en", "chart");
      expect(await page.getByRole("checkbox", { name: MESSAGES.en["axis.log"] }).isChecked()).toBe(true);
      expect(await page.getByRole("checkbox", { name: MESSAGES.en["axis.relative"] }).isChecked()).toBe(true);
      const measured = `${stations?.name.en} per 10,000 residents`;
      await expect
        .poll(() => page.locator(".explore-main").getByRole("heading").first().textContent(), { timeout: 20_000 })
        .toContain(`${measured}, 2020–2023`);
      await page.locator(".explore-main .chart").first().scrollIntoViewIfNeeded({ timeout: 20_000 });
      await inked(".explore-main .chart canvas", "the explore chart canvas stays blank");

      const panel = page.locator(".explore-main");
      await panel.getByRole("button", { name: /^Export/ }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.getByRole("menuitem", { name: MESSAGES.en["export.csvShown"] }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("5g-base-stations-per-population_series-relative-log_city_2020-2023_en.csv");
      const path = join(dir.path, download.suggestedFilename());
      await download.saveAs(path);
      const parsed = Papa.parse<string[]>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true });
      const [header, ...rows] = parsed.data;
      expect(header).toContain("Index (first period = 100)");
      expect(header).toContain(`Numerator: ${stations?.name.en} (${stations?.unit.en})`);
      expect(header).toContain(`Denominator: ${population?.name.en} (${population?.unit.en})`);
      expect(header).toContain("Denominator period");
      // Guangzhou in 2023: the numerator and the denominator are the snapshot's own figures.
      const at = (id: string) => snapshot.observations.get(id)?.find((o) => o.region === "440100" && o.period === "2023")?.value;
      const row = rows.find((r) => r[1] === "440100" && r[3] === "2023");
      const col = (name: string) => header.findIndex((h) => h.startsWith(name));
      expect(Number(row?.[col("Numerator")])).toBe(at("5g-base-stations"));
      expect(Number(row?.[col("Denominator:")])).toBe(at("population"));
      expect(row?.[col("Denominator period")]).toBe("2023");
      // The first period is 100.
      const first = rows.find((r) => r[1] === "440100" && r[3] === "2020");
      expect(Number(first?.[header.indexOf("Index (first period = 100)")])).toBe(100);
      expect(errors).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  test("fits a 360 px screen: nothing overflows sideways and the panels stack", async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
    await open("zh", `tab=table&${SELECTION}`);
    await page.locator(".explore-table").waitFor({ state: "visible", timeout: 20_000 });
    // Charts draw as they come near the viewport: scroll to the funding charts below the table.
    await page.locator(".explore-inputs .chart").first().scrollIntoViewIfNeeded({ timeout: 20_000 });
    await page.locator(".explore-inputs .chart canvas").first().waitFor({ state: "visible", timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const main = await page.locator(".explore-main").boundingBox();
    const meta = await page.locator(".explore-meta").boundingBox();
    expect(main && meta && meta.y >= main.y + main.height).toBe(true);
    expect(meta?.width ?? 0).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
