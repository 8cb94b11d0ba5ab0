/**
 * The Map view on the built site: the county map draws, its table twin has a row for each of
 * the 124 county-level units, and drilling into Guangzhou shows its 11 districts.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { canvasInk, collectConsoleErrors, launch, type Running, startPreview } from "./support";

describe("map view on the built site", () => {
  let browser: Browser;
  let preview: Running;
  let base: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ base, server: preview } = await startPreview());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    errors = collectConsoleErrors(page);
  });
  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  const rows = () => page.locator("section.map-main table tbody tr");

  test("the county map draws, and its table has a row for each of the 124 units", async () => {
    await page.goto(`${base}?view=map&level=county&indicator=5g-base-stations&year=2023`);
    await page.locator("section.map-main .chart canvas").waitFor();
    await expect
      .poll(async () => (await canvasInk(page, "section.map-main .chart canvas")).inked, { timeout: 15_000 })
      .toBeGreaterThan(10_000);
    await page.getByRole("radio", { name: "表格" }).check();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(124);
    const names = await rows().locator("th").allTextContents();
    expect(names).toContain("东莞市"); // a city without counties is its own county-level unit
    expect(names).toContain("天河区");
  });

  test("drills into Guangzhou's 11 districts and back to the province", async () => {
    await page.goto(`${base}?view=map&indicator=5g-base-stations&tab=table`);
    await expect.poll(() => rows().count(), { message: "city table", timeout: 15_000 }).toBe(21);
    await page.getByRole("searchbox", { name: "查找地区" }).fill("天河");
    await page.getByRole("button", { name: /天河区/ }).click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(11);
    await expect
      .poll(() => page.getByRole("navigation", { name: "层级导航" }).textContent(), { timeout: 15_000 })
      .toContain("广州市");
    expect(new URL(page.url()).searchParams.get("city")).toBe("440100");
    await page.getByRole("radio", { name: "地图" }).check();
    await page.locator("section.map-main .chart canvas").waitFor();
    await page.getByRole("navigation", { name: "层级导航" }).getByRole("button", { name: "广东省" }).click();
    await page.getByRole("radio", { name: "表格" }).check();
    await expect.poll(() => rows().count(), { message: "back at the province", timeout: 15_000 }).toBe(21);
  });
});
