/**
 * The Map view on the built site: the county map draws, its table twin has a row for each of
 * the 124 county-level units, and drilling into Guangzhou shows its 11 districts. An amount
 * opens per 10,000 residents, exactly stations ÷ population from the snapshot's files; its
 * total is drawn as circles over a grey map.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { canvasInk, collectConsoleErrors, DIST, launch, type Running, startPreview } from "./support";

type Obs = { region: string; period: string; value: number | null };
/** The snapshot's county observations of an indicator, as the static source reads them. */
const snapshot = (id: string): Obs[] =>
  (JSON.parse(readFileSync(join(DIST, "data/v1/observations", id, "county.json"), "utf8")) as { observations: Obs[] })
    .observations;
/** The first number of a cell ("8.9 个/万人" → 8.9). */
const numberIn = (text: string | null) => Number((text ?? "").replace(/,/g, "").match(/-?\d+(\.\d+)?/)?.[0]);

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

  test("the boundaries are decoded in a worker, off the page's main thread, and the county map draws", async () => {
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${base}?view=map&level=county`);
    await expect
      .poll(async () => (await canvasInk(page, "section.map-main .chart canvas")).inked, { timeout: 15_000 })
      .toBeGreaterThan(10_000);
    expect(workers.filter((u) => /\/geo\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
  });

  test("the map and its ranking draw their first frame and stop: no entrance animation redraws them frame after frame", async () => {
    // Frames drawn (ECharts `rendered`, bubbled up by ChartHost) and animations ended (`finished`), by panel.
    await page.addInitScript(`(() => {
      const count = (window.__frames = { rendered: {}, finished: {} });
      for (const kind of ["rendered", "finished"]) {
        document.addEventListener("chart-" + kind, (e) => {
          const panel = e.target.closest("section")?.classList.contains("map-side") ? "ranking" : "map";
          count[kind][panel] = (count[kind][panel] ?? 0) + 1;
        });
      }
    })()`);
    await page.goto(`${base}?view=map&level=county`);
    const frames = () =>
      page.evaluate(() => (window as unknown as { __frames: Record<"rendered" | "finished", Record<string, number>> }).__frames);
    await expect.poll(async () => Object.keys((await frames()).finished).sort(), { timeout: 15_000 }).toEqual(["map", "ranking"]);
    const { rendered } = await frames();
    // A bar chart growing in for a second draws ~60 frames; drawn at once, one or two.
    expect(rendered.ranking).toBeLessThanOrEqual(3);
    expect(rendered.map).toBeLessThanOrEqual(3);
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

  /** Each county row's cells by header, read from the page's table. */
  async function tableByCode(): Promise<Map<string, Record<string, string>>> {
    const headers = (await page.locator("section.map-main table thead th").allTextContents()).map((h) =>
      h.replace(/[▲▼]/g, "").trim(),
    );
    const out = new Map<string, Record<string, string>>();
    for (const row of await rows().all()) {
      const cells = await row.locator("th, td").allTextContents();
      const record = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
      out.set(record.代码, record);
    }
    return out;
  }

  for (const per of [null, "population"]) {
    test(`the county map of 5G base stations per 10,000 residents (${per ? "per=population" : "the default"}) shows stations ÷ population`, async () => {
      const url = `${base}?view=map&indicator=5g-base-stations&level=county&tab=table${per ? `&per=${per}` : ""}`;
      await page.goto(url);
      const heading = page.getByRole("heading", { name: /5G基站数（每万人），\d{4}/ });
      await heading.waitFor({ timeout: 15_000 });
      const period = (await heading.textContent())?.match(/(\d{4})$/)?.[1] as string;
      await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(124);
      // The notice that the measure is new shows only while the URL names none.
      expect(await page.getByRole("status").filter({ hasText: "每万人" }).count()).toBe(per ? 0 : 1);
      const stations = snapshot("5g-base-stations");
      const population = snapshot("population");
      const at = (list: Obs[], region: string) => list.find((o) => o.region === region && o.period === period)?.value;
      const table = await tableByCode();
      // 天河区 (a dense urban core), 兴宁市 (a rural county-level city), 罗湖区.
      for (const code of ["440106", "441481", "440303"]) {
        const n = at(stations, code) as number;
        const d = at(population, code) as number;
        expect(n).toBeGreaterThan(0);
        expect(d).toBeGreaterThan(0);
        // Population is in 万人 (10,000 people): per 10,000 residents = stations ÷ (population × 10⁴) × 10⁴.
        const expected = Number((((n / (d * 10_000)) * 10_000) as number).toFixed(1));
        const row = table.get(code) as Record<string, string>;
        expect(numberIn(row.数值), code).toBe(expected);
        expect(numberIn(row["5G基站数（个）"]), code).toBe(n);
        expect(numberIn(row["常住人口（万人）"]), code).toBe(d);
        expect(row.常住人口期间).toBe(period);
      }
    });
  }

  test("per=total draws proportional circles over a grey map, without the notice", async () => {
    await page.goto(`${base}?view=map&indicator=5g-base-stations&level=county&per=total`);
    await page.getByRole("heading", { name: /^5G基站数，\d{4}$/ }).waitFor({ timeout: 15_000 });
    const canvas = page.locator("section.map-main .chart canvas").first();
    await canvas.scrollIntoViewIfNeeded();
    await canvas.waitFor();
    // Grey land (one neutral colour, no classes) and the circles' blue.
    const colours = () =>
      canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const { data } = (c.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height);
        let grey = 0;
        let blue = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a < 250) continue;
          if (Math.abs(r - 0xe4) < 4 && Math.abs(g - 0xe7) < 4 && Math.abs(b - 0xeb) < 4) grey++;
          else if (b > r + 60 && b > g + 30) blue++;
        }
        return { grey, blue };
      });
    await expect.poll(async () => (await colours()).grey, { timeout: 15_000 }).toBeGreaterThan(20_000);
    // The circles grow in with ECharts' entry animation: poll until they are drawn whole.
    await expect.poll(async () => (await colours()).blue, { timeout: 15_000 }).toBeGreaterThan(1_000);
    expect(await page.getByRole("status").filter({ hasText: "每万人" }).count()).toBe(0);
    expect(await page.getByRole("combobox", { name: "分级方法" }).count()).toBe(0);
    expect(await page.getByRole("combobox", { name: "口径" }).inputValue()).toBe("total");

    // The per-resident choropleth has no such grey: its land is coloured by class.
    await page.getByRole("combobox", { name: "口径" }).selectOption("population");
    await page.getByRole("heading", { name: /5G基站数（每万人），\d{4}/ }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get("per")).toBe("population");
    await expect.poll(async () => (await colours()).grey, { timeout: 15_000 }).toBeLessThan(2_000);
  });
});
