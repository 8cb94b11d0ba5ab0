/**
 * Accessibility of every view in both languages, checked by axe-core in real Chromium on the
 * built site: no serious or critical violation; likewise an open export menu. And a reader who
 * asks for less motion (prefers-reduced-motion) gets charts drawn at once and no CSS motion.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Running, startPreview } from "./support";

const VIEWS = [
  "view=overview",
  "view=map&level=county",
  "view=map&tab=table",
  "view=compare&regions=440106,440304,441900",
  "view=explore&regions=440000,440100&tab=chart",
  "view=explore&tab=table",
  "view=profile&region=441481",
  "view=map&indicator=index-tier&level=county&tab=table",
  "view=data",
  "screen=big",
];

// One built site and one browser for every suite of the file.
let browser: Browser;
let preview: Running;
let base: string;

beforeAll(async () => {
  ({ base, server: preview } = await startPreview());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe("accessibility (axe-core)", () => {
  for (const lang of ["zh", "en"] as const) {
    test.each(VIEWS)(`%s (${lang}) has no serious or critical violation`, async (view) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}?${view}&lang=${lang}`);
      // Wait for data to be drawn: a chart or a table, and no skeleton left.
      await page.locator(".chart canvas, table").first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector(".skeleton"), undefined, { timeout: 30_000 });
      // @axe-core/playwright takes @playwright/test's Page type; playwright-core's is the same object.
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
      await context.close();
    });
  }

  test("an open export menu has no serious or critical violation", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}?lang=en`);
    const trend = page.locator("section", { has: page.getByRole("heading", { name: "Trend" }) });
    await trend.locator(".chart canvas").waitFor({ timeout: 30_000 });
    await trend.getByRole("button", { name: /^Export/ }).click();
    await trend.getByRole("menu").waitFor();
    const results = await new AxeBuilder({ page: page as never })
      .include(".export-menu")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await context.close();
  });
});

describe("prefers-reduced-motion", () => {
  /**
   * Opens Explore's chart tab (its three line charts grow in over a second) with Chromium's
   * reduced-motion setting, and counts, for each chart, the frames it drew (ChartHost's
   * `chart-rendered` events) before its first `chart-finished`: an animated chart draws a frame
   * per tick of its animation, a still one draws once and is done.
   */
  async function framesBeforeFinished(reducedMotion: "reduce" | "no-preference"): Promise<{ page: Page; frames: number[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const log: { type: string; target: EventTarget | null }[] = [];
      Object.defineProperty(window, "__chartEvents", { value: log });
      for (const type of ["chart-rendered", "chart-finished"]) {
        document.addEventListener(type, (e) => log.push({ type, target: e.target }), true);
      }
    });
    // Not the Map: its map and ranking are drawn at once whatever the setting (#15), so they could
    // not tell the two apart.
    await page.goto(`${base}?view=explore&regions=440000,440100&tab=chart&lang=en`);
    await page.locator(".chart canvas").first().waitFor({ timeout: 30_000 });
    // The three charts finished.
    await page.waitForFunction(() => {
      const log = (window as unknown as { __chartEvents: { type: string; target: EventTarget | null }[] }).__chartEvents;
      return new Set(log.filter((e) => e.type === "chart-finished").map((e) => e.target)).size >= 3;
    });
    const frames = await page.evaluate(() => {
      const log = (window as unknown as { __chartEvents: { type: string; target: EventTarget | null }[] }).__chartEvents;
      return [...new Set(log.map((e) => e.target))].map((host) => {
        const own = log.filter((e) => e.target === host);
        return own.findIndex((e) => e.type === "chart-finished");
      });
    });
    return { page, frames };
  }

  /** Computed animation and transition of an element that shimmers and has a 2 s transition. */
  const cssMotion = (page: Page) =>
    page.evaluate(() => {
      const probe = document.createElement("div");
      probe.className = "skeleton";
      probe.style.transition = "opacity 2s";
      document.body.append(probe);
      const { animationName, animationDuration, transitionDuration } = getComputedStyle(probe);
      probe.remove();
      return { animationName, animationDuration, transitionDuration };
    });

  test("charts are drawn at once, and nothing in CSS moves", async () => {
    const { page, frames } = await framesBeforeFinished("reduce");
    expect(frames).toHaveLength(3);
    for (const n of frames) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
    const css = await cssMotion(page);
    expect(css.animationName).toBe("none");
    expect(Number.parseFloat(css.transitionDuration)).toBeLessThan(0.001);
    await page.context().close();
  });

  test("without the setting, the same charts animate (so the check above can fail)", async () => {
    const { page, frames } = await framesBeforeFinished("no-preference");
    expect(Math.max(...frames)).toBeGreaterThan(5);
    expect(await cssMotion(page)).toEqual({ animationName: "shimmer", animationDuration: "1.4s", transitionDuration: "2s" });
    await page.context().close();
  });
});
