/**
 * The command screen (`?screen=big`) in real Chromium on the built site, and the timeout policy
 * it relies on. The site reads the REST API (`dataSource: "http"`), answered in this process by
 * the mock API over the seeded dataset, so a test can break one answer with `page.route`.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { handleApi } from "../../mock/api";
import { type Dataset, generateDataset } from "../../mock/generate";
import type { Indicator, Observation } from "../../src/api/contract";
import { featured } from "../../src/domain/catalogue";
import { latestWithPrevious } from "../../src/domain/change";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatValue } from "../../src/i18n/format";
import { canvasInk, copyDist, DIST, launch, type Running, serveStatic, tempDir } from "./support";

const HTTP_CONFIG = { dataSource: "http", baseUrl: "/api/v1" };

/** A URL predicate for `GET {base}/<endpoint>`, optionally with some query parameters. */
const endpoint =
  (name: string, params: Record<string, string> = {}) =>
  (url: URL) =>
    url.pathname.endsWith(`/api/v1/${name}`) && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);

let browser: Browser;
let site: Running & { port: number };
let dist: { path: string; remove: () => void };
let base: string;
let dataset: Dataset;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
/** Routes a test left hanging (a request that never answers), released after it. */
let hanging: Route[];

/** The healthy API, as the reference server answers it (bodies cached per URL). */
function healthyApi() {
  const cache = new Map<string, { status: number; body: string }>();
  return async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    let answer = cache.get(url.href);
    if (!answer) {
      const sub = url.pathname.slice(url.pathname.indexOf("/api/v1/") + "/api/v1/".length);
      const { status, body } = handleApi(dataset, request.method(), sub, url.searchParams);
      answer = { status, body: JSON.stringify(body) };
      cache.set(url.href, answer);
    }
    await route.fulfill({ status: answer.status, contentType: "application/json", body: answer.body });
  };
}

async function newPage(
  viewport = { width: 1366, height: 900 },
  config: Record<string, unknown> = {},
  options: { reducedMotion?: "reduce" | "no-preference" } = {},
) {
  context = await browser.newContext({ locale: "zh-CN", viewport, ...options });
  await context.route("**/config.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ ...HTTP_CONFIG, ...config }) }),
  );
  await context.route("**/api/v1/**", healthyApi());
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.stack ?? e.message));
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "index.html")))
    throw new Error("dist/index.html is missing: build the site first (npx vite build).");
  dist = tempDir("gd-dashboard-screen-");
  copyDist(dist.path);
  site = await serveStatic(dist.path);
  base = `http://127.0.0.1:${site.port}/`;
  dataset = generateDataset();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  dist?.remove();
});
beforeEach(() => {
  hanging = [];
  pageErrors = [];
});
afterEach(async () => {
  for (const r of hanging) await r.abort().catch(() => {});
  await context?.close();
  expect(pageErrors).toEqual([]);
});

describe("timeout policy", () => {
  test("a never-answering endpoint gives its alert within 17 s on a normal view (default timeoutMs 15 s, not retried)", async () => {
    await newPage();
    let started = 0;
    await page.route(endpoint("observations", { level: "city" }), (route) => {
      started ||= Date.now();
      hanging.push(route);
    });
    await page.goto(`${base}?lang=en`);
    const behind = page.getByRole("region", { name: MESSAGES.en["behind.title"], exact: true });
    const alert = behind.getByRole("alert");
    await alert.waitFor({ timeout: 25_000 });
    const elapsed = Date.now() - started;
    expect(await alert.textContent()).toContain("GET /observations: no answer within 15 s");
    expect(started).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(15_000);
    expect(elapsed).toBeLessThanOrEqual(17_000);
  }, 40_000);
});

/** Waits until the screen shows its data: figures, targets with verdicts, a drawn map, a warning. */
async function screenReady() {
  await expect
    .poll(() => page.locator(".screen-kpis .screen-figure").allTextContents(), { timeout: 30_000 })
    .toSatisfy((texts: string[]) => texts.length >= 5 && texts.every((x) => /\d/.test(x)));
  await page.locator(".screen-targets tbody tr .screen-verdict").first().waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => (await canvasInk(page, ".screen-map .chart canvas").catch(() => null))?.inked ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(20_000);
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

describe("the command screen (?screen=big)", () => {
  const SIZES = [
    { width: 1920, height: 1080, minFont: 12 },
    { width: 3840, height: 2160, minFont: 24 },
    { width: 3840, height: 1080, minFont: 12 },
  ];
  for (const size of SIZES) {
    for (const lang of ["zh", "en"] as const) {
      test(`${size.width}×${size.height} (${lang}): everything on one screen, nothing scrolls, clips or overlaps, type ≥ ${size.minFont} px`, async () => {
        const ui = MESSAGES[lang];
        await newPage({ width: size.width, height: size.height });
        await page.goto(`${base}?screen=big&lang=${lang}`);
        await screenReady();
        const layout = await page.evaluate(() => {
          const box = (el: Element) => {
            const r = el.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          };
          const html = document.documentElement;
          // Every element with text of its own: its computed size, and whether it is cut off.
          const texts = [...document.querySelectorAll(".screen *")].filter((el) =>
            [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
          );
          return {
            scroll: [html.scrollWidth, html.scrollHeight, document.body.scrollWidth, document.body.scrollHeight],
            client: [html.clientWidth, html.clientHeight],
            panels: [...document.querySelectorAll(".screen-head, .screen-panel")].map((el) => ({
              name: el.className,
              box: box(el),
            })),
            figures: [...document.querySelectorAll(".screen-kpis .screen-figure")].map((el) => ({
              box: box(el),
              panel: box(el.closest(".screen-panel") as Element),
              card: box(el.closest("li") as Element),
            })),
            verdicts: [...document.querySelectorAll(".screen-targets .screen-verdict")].map((el) => ({
              box: box(el),
              panel: box(el.closest(".screen-panel") as Element),
            })),
            smallest: Math.min(...texts.map((el) => Number.parseFloat(getComputedStyle(el).fontSize))),
            smallestText: texts
              .map((el) => [Number.parseFloat(getComputedStyle(el).fontSize), el.className || el.tagName] as const)
              .sort((a, b) => a[0] - b[0])[0],
            clipped: [...document.querySelectorAll(".screen-figure, .screen-verdict, .screen-map-head h2, .screen-clock")]
              .filter((el) => el.scrollWidth > el.clientWidth + 1)
              .map((el) => el.textContent),
            tabular: getComputedStyle(document.querySelector(".screen") as Element).fontVariantNumeric,
          };
        });
        // No scrollbars: the page is exactly the viewport.
        expect(layout.scroll).toEqual([size.width, size.height, size.width, size.height]);
        expect(layout.client).toEqual([size.width, size.height]);
        // Header, figures, map, ranking, targets, ticker: six boxes, pairwise disjoint, all on screen.
        expect(layout.panels.length).toBe(6);
        const viewport = { x: 0, y: 0, width: size.width, height: size.height };
        for (const [i, a] of layout.panels.entries()) {
          expect(inside(a.box, viewport), a.name).toBe(true);
          for (const b of layout.panels.slice(i + 1)) expect(overlap(a.box, b.box), `${a.name} × ${b.name}`).toBe(false);
        }
        // Every headline figure and every verdict wholly visible inside its panel (nothing cut by overflow).
        expect(layout.figures.length).toBeGreaterThanOrEqual(5);
        for (const f of layout.figures) expect(inside(f.box, f.card) && inside(f.box, f.panel)).toBe(true);
        expect(layout.verdicts.length).toBeGreaterThanOrEqual(2 * 5);
        for (const v of layout.verdicts) expect(inside(v.box, v.panel)).toBe(true);
        expect(layout.clipped).toEqual([]);
        expect(layout.smallest, String(layout.smallestText)).toBeGreaterThanOrEqual(size.minFont);
        expect(layout.tabular).toContain("tabular-nums");
        // Both verdicts are words in the reader's language, the header names the data.
        const verdictWords = await page.locator(".screen-targets .screen-verdict").allTextContents();
        expect(verdictWords).toContain(ui["verdict.on-track"]);
        expect(verdictWords).toContain(ui["outlook.on-course"]);
        expect(await page.locator(".screen-badge").textContent()).toBe(ui["badge.simulated"]);
        expect(await page.locator(".screen-version").textContent()).toContain(dataset.meta.dataVersion);
        expect(await page.locator(".screen-clock time").textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        expect(await page.locator(".screen-ranking li").count()).toBe(10);
        // The map's legend: its classes, above the map, inside the map's panel.
        expect(await page.locator(".screen-legend li").count()).toBeGreaterThanOrEqual(2);
        const legendBox = await page.locator(".screen-legend").boundingBox();
        const mapBox = await page.locator(".screen-map").boundingBox();
        expect(legendBox && mapBox && inside(legendBox, mapBox)).toBe(true);
        expect(await page.locator(".screen-ticker-line").textContent()).toMatch(/\S/);
      });
    }
  }
});

describe("the command screen in use", () => {
  const heading = () => page.locator(".screen-map-head h2").textContent();

  test("cycles map, ranking and highlighted figure together every cycle= seconds, with a progress cue; hover pauses", async () => {
    const names = ["5G base stations", "ICT employment", "Administrative villages reached by 5G"];
    // The map draws amounts in their natural intensive form (#16): its heading says so.
    const mapNames = ["5G base stations per 10,000 residents", "ICT employment per 1,000 residents", names[2]];
    await newPage({ width: 1920, height: 1080 });
    await page.goto(`${base}?screen=big&lang=en&cycle=3&indicators=5g-base-stations,ict-employment,villages-5g-rate`);
    await screenReady();
    // Read in one go: the parts that move together, at one moment.
    const state = () =>
      page.evaluate(() => ({
        map: document.querySelector(".screen-map-head h2")?.textContent ?? "",
        kpi: document.querySelector(".screen-kpis li.current h3")?.textContent ?? "",
        ranking: document.querySelector(".screen-ranking h2")?.textContent ?? "",
        cue: document.querySelector(".screen-cycle")?.textContent ?? "",
      }));
    const expectStep = async (i: number) => {
      const s = await state();
      expect(s.map).toMatch(new RegExp(`^${mapNames[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d{4}, by (county|city)\\)$`));
      expect(s.kpi).toBe(names[i]);
      expect(s.ranking).toBe(`Ranking: ${mapNames[i]}`);
      expect(s.cue).toBe(`Indicator ${i + 1} of 3, next every 3 s`);
    };
    const shownFirst = (await state()).map;
    const first = mapNames.findIndex((n) => shownFirst.startsWith(`${n} (`));
    expect(first).toBeGreaterThanOrEqual(0);
    await expectStep(first);
    expect(await page.locator(".screen-progress").evaluate((el) => getComputedStyle(el).animationName)).toBe("screen-progress");
    const second = (first + 1) % 3;
    await expect.poll(async () => (await state()).kpi, { timeout: 6000 }).toBe(names[second]);
    await expectStep(second);
    // The pointer on the screen pauses it, and says so; leaving resumes.
    await page.mouse.move(960, 540);
    expect((await state()).cue).toContain("Paused");
    const paused = (await state()).map;
    await page.waitForTimeout(4000);
    expect((await state()).map).toBe(paused);
    // The pointer leaving the window: a mouseout with nowhere to go (React's onMouseLeave).
    await page.locator(".screen-map").dispatchEvent("mouseout", { relatedTarget: null });
    await expect.poll(async () => (await state()).map, { timeout: 6000 }).not.toBe(paused);
  });

  test("focus pauses it too; Escape, or the exit button, returns to the Overview", async () => {
    await newPage({ width: 1920, height: 1080 });
    await page.goto(`${base}?screen=big&lang=en&cycle=2`);
    await screenReady();
    const exit = page.getByRole("button", { name: MESSAGES.en["big.exit"] });
    await exit.focus();
    expect(await page.locator(".screen-cycle").textContent()).toContain("Paused");
    await page.keyboard.press("Escape");
    await page.getByRole("navigation", { name: MESSAGES.en["nav.label"] }).waitFor({ timeout: 10_000 });
    expect(page.url()).not.toContain("screen=big");
    expect(await page.evaluate(() => document.documentElement.className)).not.toMatch(/wall|screen-mode/);
    await page.goBack();
    await page.locator(".screen").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: MESSAGES.en["big.exit"] }).click();
    await page.getByRole("region", { name: MESSAGES.en["overview.kpis"], exact: true }).waitFor({ timeout: 10_000 });
  });

  test("reduced motion: the indicators still change, nothing moves (no progress bar, no fade, charts drawn at once)", async () => {
    await newPage({ width: 1920, height: 1080 }, {}, { reducedMotion: "reduce" });
    await page.goto(`${base}?screen=big&lang=en&cycle=2`);
    await screenReady();
    expect(await page.locator(".screen-progress").isVisible()).toBe(false);
    expect(await page.locator(".screen-ticker-line").evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
    const first = await heading();
    await expect.poll(heading, { timeout: 5000 }).not.toBe(first);
    expect(await page.locator(".screen-cycle").textContent()).toMatch(/^Indicator ([2-9]|\d\d) of \d+/);
  });

  for (const lang of ["zh", "en"] as const) {
    test(`axe-core (${lang}): no serious or critical violation`, async () => {
      await newPage({ width: 1920, height: 1080 });
      await page.goto(`${base}?screen=big&lang=${lang}`);
      await screenReady();
      const results = await new AxeBuilder({ page: page as never })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
      expect(bad).toEqual([]);
    });
  }
});

describe("the command screen unattended", () => {
  test("refresh: an unchanged data version reloads nothing; a new one reloads, and a 503 for 2 minutes of a fake clock shows the last data 'as of', then the new data, with no input", async () => {
    const ind = featured(dataset.indicators).find((i) => i.id === "5g-base-stations") as Indicator;
    const province = "440000";
    const lastYear = String(dataset.meta.lastYear);
    const { latest } = latestWithPrevious(dataset.observations.get(ind.id) ?? [], province, lastYear);
    const oldText = formatValue(latest?.value ?? null, ind, "en");
    const newValue = (latest?.value ?? 0) + 12_345;
    const newText = formatValue(newValue, ind, "en");
    expect(newText).not.toBe(oldText);

    await newPage({ width: 1920, height: 1080 });
    await page.clock.install();
    let version = dataset.meta.dataVersion;
    let failing = false;
    let updated = false;
    let observationRequests = 0;
    await page.route(endpoint("meta"), (route) => {
      const { body } = handleApi(dataset, "GET", "meta", new URLSearchParams());
      return route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ ...(body as object), dataVersion: version }),
      });
    });
    await page.route(endpoint("observations"), (route) => {
      observationRequests++;
      if (failing) {
        return route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "unavailable", message: "maintenance" } }),
        });
      }
      const url = new URL(route.request().url());
      if (updated && url.searchParams.get("indicator") === ind.id && url.searchParams.get("level") === "province") {
        const { body } = handleApi(dataset, "GET", "observations", url.searchParams);
        const answer = body as { indicator: string; observations: Observation[] };
        const observations = answer.observations.map((o) =>
          o.region === province && o.period === latest?.period ? { ...o, value: newValue } : o,
        );
        return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ ...answer, observations }) });
      }
      return route.fallback();
    });
    await page.goto(`${base}?screen=big&lang=en&refresh=1&cycle=3600`);
    await screenReady();
    const figure = page
      .locator(".screen-kpis li", { has: page.getByRole("heading", { name: ind.name.en, exact: true }) })
      .locator(".screen-figure");
    expect(await figure.textContent()).toBe(oldText);
    const notes = page.locator(".screen-stale");
    // The clock jumps (fastForward: timers due fire once, as after a sleep) rather than runs: a
    // request started by a jump then has its whole timeout ahead of it, as it would on a wall.
    await page.waitForTimeout(1000); // nothing left in flight before the clock jumps

    // A minute on: the refresh finds the same version and reloads nothing.
    const before = observationRequests;
    await page.clock.fastForward(61_000);
    await page.waitForTimeout(1500);
    expect(observationRequests).toBe(before);

    // A new version while the observations fail: everything reloads, fails, and stays up as it was.
    version = "sim-v2";
    failing = true;
    await page.clock.fastForward(60_000);
    await expect.poll(() => page.locator(".screen-version").textContent(), { timeout: 10_000 }).toContain("sim-v2");
    await expect
      .poll(
        () =>
          page
            .locator(".screen-kpis .screen-stale")
            .textContent()
            .catch(() => null),
        { timeout: 15_000 },
      )
      .toMatch(/^data as of \d\d:\d\d, retrying$/);
    expect(observationRequests).toBeGreaterThan(before);
    expect(await figure.textContent()).toBe(oldText);
    expect(await page.locator(".screen-targets tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator(".screen-ticker-line").textContent()).toMatch(/\S/);
    expect(await canvasInk(page, ".screen-map .chart canvas").then((c) => c.inked)).toBeGreaterThan(20_000);
    expect(await page.getByRole("alert").count()).toBe(0);

    // Its own retry a minute later fails too (the backend is down for two minutes).
    const failedOnce = observationRequests;
    await page.clock.fastForward(61_000);
    await expect.poll(() => observationRequests, { timeout: 10_000 }).toBeGreaterThan(failedOnce);
    await page.waitForTimeout(4000);
    expect(await page.locator(".screen-kpis .screen-stale").count()).toBe(1);
    await page.clock.fastForward(60_000);

    // Back after two minutes: the next retry (two minutes after the last) brings the new data.
    failing = false;
    updated = true;
    await page.clock.fastForward(70_000);
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).toBe(newText);
    await expect.poll(() => notes.count(), { timeout: 15_000 }).toBe(0);
  }, 120_000);
});

test("offline: the screen keeps its data and says since when; back online, the note goes", async () => {
  await newPage({ width: 1920, height: 1080 });
  await page.goto(`${base}?screen=big&lang=en`);
  await screenReady();
  const figures = await page.locator(".screen-kpis .screen-figure").allTextContents();
  await context.setOffline(true);
  const note = page.locator(".screen-offline");
  await expect
    .poll(() => note.textContent().catch(() => null), { timeout: 5000 })
    .toMatch(/^Offline since \d\d:\d\d: showing the last data received$/);
  expect(await page.locator(".screen-kpis .screen-figure").allTextContents()).toEqual(figures);
  await context.setOffline(false);
  await expect.poll(() => note.count(), { timeout: 5000 }).toBe(0);
});
