/**
 * Versioned reads in real Chromium: the built site on a static host, with an "intermediate
 * cache" (a route in front of it) that still serves version A's files at their unversioned
 * paths. Version B is published while the page is open (its meta.json and one headline figure
 * change, through the same writer as data:snapshot and data:import): the page never shows A's
 * figures under B's version, and after the refresh it shows B's.
 */
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "../../mock/generate";
import { readSnapshot, snapshotFiles, writeSnapshot } from "../../mock/snapshot";
import type { Indicator } from "../../src/api/contract";
import { latestWithPrevious } from "../../src/domain/change";
import { formatValue } from "../../src/i18n/format";
import {
  assertBuilt,
  collectConsoleErrors,
  copyDist,
  launch,
  type Running,
  recordRequests,
  serveStatic,
  tempDir,
} from "./support";

const IND = "5g-base-stations";
const PROVINCE = "440000";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let site: { path: string; remove: () => void };
let host: Running & { port: number };
let a: Dataset;
let b: Dataset;

beforeAll(async () => {
  assertBuilt();
  site = tempDir("gd-versions-");
  copyDist(site.path);
  const published = await readSnapshot(join(site.path, "data", "v1"));
  a = { ...published, meta: { ...published.meta, dataVersion: "test-A" } };
  const lastYear = String(a.meta.lastYear);
  const { latest } = latestWithPrevious(a.observations.get(IND) ?? [], PROVINCE, lastYear);
  const changed = (a.observations.get(IND) ?? []).map((o) => (o === latest ? { ...o, value: (o.value ?? 0) + 12_345 } : o));
  b = { ...a, meta: { ...a.meta, dataVersion: "test-B" }, observations: new Map([...a.observations, [IND, changed]]) };
  await writeSnapshot(a, join(site.path, "data", "v1"));
  host = await serveStatic(site.path);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  site?.remove();
});

/** The Overview's headline figure for IND in `data`, as the English page writes it. */
function figureOf(data: Dataset): string {
  const ind = data.indicators.find((i) => i.id === IND) as Indicator;
  const { latest } = latestWithPrevious(data.observations.get(IND) ?? [], PROVINCE, String(data.meta.lastYear));
  return formatValue(latest?.value ?? null, ind, "en");
}

describe("versioned reads through a stale cache", () => {
  test("publishing B while the Overview is open: never A's figures under B's version; B's after the refresh", async () => {
    const [textA, textB] = [figureOf(a), figureOf(b)];
    expect(textA).not.toBe(textB);
    context = await browser.newContext();
    page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const requests = recordRequests(page);
    // The cache: A's bodies for every data file asked for without a version; the rest goes to the host.
    const stale = snapshotFiles(a);
    await page.route("**/data/v1/**", (route) => {
      const url = new URL(route.request().url());
      const name = url.pathname.replace(/^.*\/data\/v1\//, "");
      if (name === "meta.json" || url.searchParams.has("v") || !stale.has(name)) return route.fallback();
      return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(stale.get(name)) });
    });
    // Every (version shown, figure shown) pair the page ever displays, across the reload.
    const seen = new Set<string>();
    await page.exposeFunction("__seen", (pair: string) => seen.add(pair));
    await page.addInitScript(
      (name) => {
        setInterval(() => {
          const version = document.querySelector("header")?.textContent?.match(/test-[AB]/)?.[0] ?? "-";
          const card = [...document.querySelectorAll("article")].find((el) => el.getAttribute("aria-label")?.startsWith(name));
          const figure = card?.querySelector(".kpi-value")?.textContent?.trim() ?? "-";
          (window as unknown as { __seen: (s: string) => void }).__seen(`${version} | ${figure}`);
        }, 20);
      },
      (a.indicators.find((i) => i.id === IND) as Indicator).name.en,
    );

    const url = `http://127.0.0.1:${host.port}/?lang=en`;
    await page.goto(url);
    await expect.poll(() => seen.has(`test-A | ${textA}`), { timeout: 30_000 }).toBe(true);

    await writeSnapshot(b, join(site.path, "data", "v1")); // published while the page is open
    await page.waitForTimeout(500);
    expect([...seen].filter((p) => p.startsWith("test-B"))).toEqual([]);

    const before = requests.urls.length;
    await page.reload();
    await expect.poll(() => seen.has(`test-B | ${textB}`), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(500);

    expect([...seen].filter((p) => p.startsWith("test-B") && p.endsWith(textA))).toEqual([]);
    expect([...seen].filter((p) => p.startsWith("test-A") && p.endsWith(textB))).toEqual([]);
    // After the refresh, every data file was asked for with B's version, meta.json with none.
    const data = requests.urls
      .slice(before)
      .map((u) => new URL(u))
      .filter((u) => u.pathname.includes("/data/v1/"));
    // meta.json, regions.json, indicators.json and the two level bundles at least (the Overview's
    // series come in bundles/province.json and bundles/city.json).
    expect(data.length).toBeGreaterThanOrEqual(5);
    expect(data.map((u) => u.pathname)).toContain("/data/v1/bundles/city.json");
    for (const u of data) {
      expect(`${u.pathname}?v=${u.searchParams.get("v")}`).toBe(
        `${u.pathname}?v=${u.pathname.endsWith("/meta.json") ? "null" : "test-B"}`,
      );
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
