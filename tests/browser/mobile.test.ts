/**
 * Every view on a 360 px phone, in both languages, in real Chromium with mobile emulation
 * (`isMobile: true` honours the viewport meta tag, as a phone does): the document is never wider
 * than the screen. Without mobile emulation a too-wide page just scrolls sideways; on a phone the
 * browser widens the layout viewport to the content and zooms the whole page out, which the
 * desktop-viewport 360 px tests cannot see. Wide tables must scroll inside their own panel.
 * Assumes `npm run build` has run (`npm run test:browser` does it first).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { VIEWS } from "../../src/state/url";
import { assertBuilt, collectConsoleErrors, copyDist, launch, type Running, serveStatic, tempDir } from "./support";

const PHONE = { width: 360, height: 740 };

/** Every view, and the variants of a view that lay out differently (tables, tabs, levels). */
const PAGES: Record<string, string> = {
  overview: "view=overview",
  map: "view=map&level=county",
  "map table": "view=map&level=county&tab=table",
  "map tiers": "view=map&level=county&indicator=index-tier",
  compare: "view=compare&regions=440100,440300,440106,440604,441900,445302&indicator=core-digital-va",
  explore: "view=explore&indicator=core-digital-va&regions=440100,440300,440400",
  "explore table": "view=explore&indicator=core-digital-va&regions=440100,440300,440400&tab=table",
  "explore map": "view=explore&indicator=core-digital-va&tab=map",
  profile: "view=profile&region=440106",
  data: "view=data",
};

describe("every view fits a 360 px phone in both languages", () => {
  let browser: Browser;
  let preview: Running;
  let base: string;
  let context: BrowserContext;
  // A copy of the built site: a rebuild of dist/ during the run cannot pull files from under it.
  const dir = tempDir();

  beforeAll(async () => {
    assertBuilt();
    const host = await serveStatic(copyDist(dir.path));
    preview = host;
    base = `http://127.0.0.1:${host.port}/`;
    browser = await launch();
    context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await preview?.stop();
    dir.remove();
  });

  /** Scrolls through the page (charts draw as they come near the viewport), opening every fold (table twins). */
  async function settle(page: Page) {
    await page.waitForLoadState("networkidle", { timeout: 30_000 });
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += PHONE.height) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(60);
      }
      await page.waitForLoadState("networkidle", { timeout: 30_000 });
    }
    // Nothing still loading: a skeleton is narrower than what replaces it.
    await expect.poll(() => page.locator('[aria-busy="true"], .skeleton').count(), { timeout: 20_000 }).toBe(0);
  }

  /** What overflows the screen outside any scrolling box, outermost first: for the failure message. */
  const overflowing = (page: Page) =>
    page.evaluate((width) => {
      const out: string[] = [];
      const clips = (el: Element) => getComputedStyle(el).overflowX !== "visible";
      const walk = (el: Element) => {
        for (const child of el.children) {
          const r = child.getBoundingClientRect();
          if (r.right > width + 0.5 && r.width > 0) {
            out.push(`${child.tagName.toLowerCase()}.${[...child.classList].join(".")} (${Math.round(r.right)} px)`);
          } else if (!clips(child)) walk(child);
        }
      };
      walk(document.body);
      return out.slice(0, 8);
    }, PHONE.width);

  test("covers every view the app has", () => {
    const covered = new Set(Object.values(PAGES).map((q) => new URLSearchParams(q).get("view")));
    expect(VIEWS.filter((v) => !covered.has(v))).toEqual([]);
  });

  for (const lang of ["zh", "en"] as const) {
    for (const [name, query] of Object.entries(PAGES)) {
      test(`${name} (${lang})`, async () => {
        const page = await context.newPage();
        const errors = collectConsoleErrors(page);
        try {
          await page.goto(`${base}?${query}&lang=${lang}`);
          await page.locator("main h2, main h1").first().waitFor({ state: "visible", timeout: 20_000 });
          await settle(page);
          const metrics = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            scale: window.visualViewport?.scale ?? 1,
          }));
          expect(metrics, `overflowing: ${(await overflowing(page)).join(", ")}`).toEqual({
            scrollWidth: PHONE.width,
            innerWidth: PHONE.width,
            scale: 1,
          });
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
