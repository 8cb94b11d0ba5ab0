/**
 * Exports on the built site, in real Chromium: each export downloads a file whose content is
 * what the screen shows, drawn from the same builders (not a screenshot).
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { FRAME_BOTTOM, FRAME_TOP } from "../../src/export/export-option";
import { collectConsoleErrors, launch, type Running, startPreview, tempDir } from "./support";

const ID = "core-digital-va-share";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("exports on the built site", () => {
  let browser: Browser;
  let preview: Running;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const dir = tempDir("gd-dashboard-exports-");

  beforeAll(async () => {
    ({ base, server: preview } = await startPreview());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    dir.remove();
  });
  beforeEach(async () => {
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  /** Opens a panel's Export menu and clicks `item`, returning the download saved to disk. */
  async function exportFrom(panel: string, item: string | RegExp): Promise<{ download: Download; path: string }> {
    const section = page.locator("section", { has: page.getByRole("heading", { name: panel, exact: true }) });
    await section.getByRole("button", { name: /^Export/ }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("menuitem", { name: item }).click()]);
    const path = `${dir.path}/${download.suggestedFilename()}`;
    await download.saveAs(path);
    return { download, path };
  }

  test("the county map exports as a PNG at 2×: twice the chart's size, not blank, named for its content", async () => {
    await page.goto(`${base}?view=map&level=county&indicator=${ID}&year=2023&lang=en`);
    const chart = page.locator("section.map-main .chart");
    await chart.locator("canvas").waitFor();
    const box = await chart.boundingBox();
    if (!box) throw new Error("no chart box");
    const heading = await page.locator("section.map-main h2").textContent();
    const { download, path } = await exportFrom(heading ?? "", "PNG image (2×)");
    expect(download.suggestedFilename()).toBe(`${ID}_county_2023_en.png`);
    const bytes = readFileSync(path);
    // The frame above and below the chart is at least FRAME_TOP and FRAME_BOTTOM, and grows with
    // its measured text (with Noto CJK installed, the footer's lines are taller than without).
    const size = pngSize(bytes);
    expect(size.width).toBe(2 * Math.round(box.width));
    const frame = size.height / 2 - Math.round(box.height);
    expect(frame).toBeGreaterThanOrEqual(FRAME_TOP + FRAME_BOTTOM);
    expect(frame).toBeLessThanOrEqual(FRAME_TOP + FRAME_BOTTOM + 24);
    // Not blank: decode it in the page and count pixels that are not the white background.
    const inked = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext("2d") as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) n++;
      return n / (c.width * c.height);
    }, bytes.toString("base64"));
    expect(inked).toBeGreaterThan(0.1);
  });

  test("the trend line exports as an SVG with its title, source footer and simulated mark", async () => {
    await page.goto(`${base}?indicator=${ID}&lang=en`);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Trend" }) });
    // Charts draw when they come near the viewport.
    await section.locator(".chart").scrollIntoViewIfNeeded({ timeout: 20_000 });
    await section.locator(".chart canvas").waitFor();
    const { download, path } = await exportFrom("Trend", "SVG vector image");
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${ID}_province_2018-2025_en\\.svg$`));
    const svg = readFileSync(path, "utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("Core digital industries value added, share of GDP: Guangdong, 2018–2025");
    expect(svg).toContain("Simulated data / 模拟数据");
    expect(svg).toContain("data version sim-");
  });

  test("the map's table exports as a CSV that parses back to the numbers shown", async () => {
    await page.goto(`${base}?view=map&indicator=${ID}&year=2022&tab=table&lang=en`);
    const table = page.locator("section.map-main table");
    await table.locator("tbody tr").first().waitFor();
    const shown = await table
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector("th")?.textContent ?? "", r.querySelector("td.num")?.textContent ?? ""]),
      );
    const heading = await page.locator("section.map-main h2").textContent();
    const { download, path } = await exportFrom(heading ?? "", "CSV: the data shown");
    expect(download.suggestedFilename()).toBe(`${ID}_city_2022_en.csv`);
    const text = readFileSync(path, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { data } = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true });
    expect(data).toHaveLength(21);
    const csv = new Map(data.map((r) => [r.Region, Number(r.Value)]));
    for (const [name, value] of shown) {
      expect(csv.get(name), name).toBeCloseTo(Number.parseFloat(value), 5);
    }
    expect(data[0].Code).toMatch(/^\d{6}$/);
  });

  test("the menu works from the keyboard alone: open, arrow to an item, Enter runs it, Escape returns focus", async () => {
    await page.goto(`${base}?indicator=${ID}&lang=en`);
    const trend = page.locator("section", { has: page.getByRole("heading", { name: "Trend" }) });
    await trend.locator(".chart").scrollIntoViewIfNeeded({ timeout: 20_000 });
    await trend.locator(".chart canvas").waitFor();
    const button = trend.getByRole("button", { name: /^Export/ });
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    const isFocused = () => button.evaluate((el) => el === document.activeElement);

    await button.focus();
    await page.keyboard.press("Enter");
    await trend.getByRole("menu", { name: "Export" }).waitFor();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await focused()).toBe("PNG image (1×)");
    // ↑ wraps round to the last item, then climbs to the CSV of the data shown.
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe("Copy link");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe("CSV: the data shown");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${ID}_.*\\.csv$`));
    expect(await trend.getByRole("menu").count()).toBe(0);
    expect(await isFocused()).toBe(true);

    // Opened again with ↓, Escape closes it and focus is back on the button.
    await page.keyboard.press("ArrowDown");
    await trend.getByRole("menu").waitFor();
    expect(await focused()).toBe("PNG image (1×)");
    await page.keyboard.press("End");
    expect(await focused()).toBe("Copy link");
    await page.keyboard.press("Escape");
    expect(await trend.getByRole("menu").count()).toBe(0);
    expect(await isFocused()).toBe(true);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
  });

  test("a copied link opened in a new page shows the same view", async () => {
    const url = `${base}?view=map&level=county&indicator=${ID}&year=2021&bins=jenks&lang=en`;
    await page.goto(url);
    await page.locator("section.map-main .chart canvas").waitFor();
    const heading = (await page.locator("section.map-main h2").textContent()) ?? "";
    await page
      .locator("section.map-main")
      .getByRole("button", { name: /^Export/ })
      .click();
    await page.getByRole("menuitem", { name: "Copy link" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Link copied" }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const other = await context.newPage();
    await other.goto(copied);
    await expect.poll(() => other.locator("section.map-main h2").textContent()).toBe(heading);
    expect(await other.getByRole("radio", { name: "county" }).isChecked()).toBe(true);
    expect(await other.getByRole("combobox", { name: "Classes" }).inputValue()).toBe("jenks");
    expect(new URL(copied).searchParams.get("year")).toBe("2021");
  });
});
