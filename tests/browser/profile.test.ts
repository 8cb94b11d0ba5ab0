/**
 * A county's profile in real Chromium, on the built site served by vite preview (static
 * snapshot). Assumes the site has been built (`npm run test:browser` builds it first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Dataset } from "../../mock/generate";
import { readSnapshot } from "../../mock/snapshot";
import { regionsAtLevel } from "../../src/api/filter";
import { buildProfile, profileIndicators } from "../../src/features/profile/profile-model";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatNumber } from "../../src/i18n/format";
import { canvasInk, collectConsoleErrors, DIST, launch, type Running, startPreview, tempDir } from "./support";

const XINGNING = "441481";

describe("region profile on the built site", () => {
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
    context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
  });
  afterEach(async () => {
    await context?.close();
  });

  /** The profile as the domain computes it from the snapshot the site serves. */
  function expected() {
    const units = new Set(regionsAtLevel(snapshot.regions, "county").map((r) => r.code));
    const data = new Map(
      profileIndicators(snapshot.indicators, "county").map((i) => [
        i.id,
        (snapshot.observations.get(i.id) ?? []).filter((o) => units.has(o.region)),
      ]),
    );
    const region = snapshot.regions.find((r) => r.code === XINGNING);
    if (!region) throw new Error("snapshot lacks Xingning");
    return buildProfile({
      region,
      regions: snapshot.regions,
      indicators: snapshot.indicators,
      data,
      provinceData: new Map(),
      year: null,
      weights: null,
      norm: "minmax",
      lastYear: snapshot.meta.lastYear,
    });
  }

  for (const lang of ["zh", "en"] as const) {
    test(`opens a county's profile at 360 px with its score, rank and tier, nothing wider than the screen (${lang})`, async () => {
      const m = MESSAGES[lang];
      await page.goto(`${base}?view=profile&region=${XINGNING}&lang=${lang}`);
      const standing = page.getByRole("region", { name: m["profile.standing"], exact: true });
      await standing.locator(".profile-kpis").waitFor({ timeout: 30_000 });
      const profile = expected();
      const index = profile.standing[0];
      if (!index || index.score === null) throw new Error("Xingning has no index");
      const kpis = await standing.locator(".profile-kpis dd").allTextContents();
      expect(kpis[0]).toBe(formatNumber(index.score, 1, lang));
      expect(kpis[1]).toBe(`${index.rank} / 124`);
      expect(kpis[2]).toBe(lang === "zh" ? `第${"一二三四五"[(index.tier as number) - 1]}梯队` : `Tier ${index.tier}`);
      await page.getByRole("region", { name: m["profile.indicators"], exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector(".skeleton"), undefined, { timeout: 30_000 });
      // Tables scroll inside their panels: the page itself is no wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(errors).toEqual([]);
    });
  }

  test("reaches an indicator by keyboard alone and opens Explore on it", async () => {
    await page.goto(`${base}?view=profile&region=${XINGNING}&lang=en`);
    const table = page.getByRole("region", { name: MESSAGES.en["profile.indicators"], exact: true });
    const first = table.locator("tbody a").first();
    await first.waitFor({ timeout: 30_000 });
    const name = (await first.textContent()) ?? "";
    // Tab from the top of the page until the indicator's link has focus.
    await page.locator("body").focus();
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await first.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("view"), { timeout: 10_000 }).toBe("explore");
    expect(new URL(page.url()).searchParams.get("regions")).toBe(XINGNING);
    expect(name.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test("the Map colours the county-level units by index tier, with the tiers' legend", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}?view=map&indicator=index-tier&level=county&lang=en`);
    const legend = page.getByRole("list", { name: /Tier breaks/ });
    await legend.waitFor({ timeout: 30_000 });
    expect(await legend.locator("li").count()).toBe(5);
    await page.locator(".map-main .chart canvas").first().waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await canvasInk(page, ".map-main .chart canvas")).inked, { timeout: 15_000 })
      .toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });

  test("exports the profile's briefing as a PDF whose words are text", async () => {
    const dir = tempDir("gd-dashboard-profile-brief-");
    try {
      const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const p = await ctx.newPage();
      const errs = collectConsoleErrors(p);
      await p.goto(`${base}?view=profile&region=${XINGNING}&lang=en`);
      await p.locator(".profile-kpis").waitFor({ timeout: 30_000 });
      await p
        .getByRole("region", { name: MESSAGES.en["profile.indicators"], exact: true })
        .getByRole("button", { name: /^Export/ })
        .waitFor();
      const header = p.locator("header.app-header");
      await header.getByRole("button", { name: "Briefing", exact: true }).click();
      await header.getByRole("radio", { name: /A4/ }).first().check();
      const [download] = await Promise.all([
        p.waitForEvent("download", { timeout: 60_000 }),
        header.getByRole("button", { name: "Export", exact: true }).click(),
      ]);
      const path = join(dir.path, download.suggestedFilename());
      await download.saveAs(path);
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false }).promise;
      let text = "";
      for (let i = 1; i <= pdf.numPages; i++) {
        const content = await (await pdf.getPage(i)).getTextContent();
        text += content.items.map((it) => ("str" in it ? it.str : "")).join("");
      }
      await pdf.destroy();
      const squash = (x: string) => x.replace(/\s+/g, "");
      const profile = expected();
      for (const words of [
        "Region profile: Xingning City (兴宁市)",
        `Rank ${profile.standing[0].rank} / 124`,
        `Tier ${profile.standing[0].tier}`,
        MESSAGES.en["profile.strengths"],
        MESSAGES.en["profile.similar"],
        `Xingning City: every pillar's indicators, ${profile.year}`,
        // A strength's chart, under its caption.
        "Xingning City and the median of its level",
      ])
        expect(squash(text), words).toContain(squash(words));
      expect(errs).toEqual([]);
      await ctx.close();
    } finally {
      dir.remove();
    }
  });

  test("a county's name in the Map's table opens its profile", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}?view=map&level=county&tab=table&indicator=core-digital-va-share&lang=en`);
    const link = page.getByRole("link", { name: "Xingning City", exact: true });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.getByRole("region", { name: MESSAGES.en["profile.standing"], exact: true }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("region")).toBe(XINGNING);
    expect(errors).toEqual([]);
  });
});
