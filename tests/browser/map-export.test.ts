/**
 * Map exports that can be published, in real Chromium on the built site: the exported SVG says
 * what the screen says under the map, the "not an approved map" notice, or the approval number
 * (审图号) when config.json gives one. Assumes `npm run build` has run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CATALOGUES } from "../../src/i18n/catalogues";
import { assertBuilt, collectConsoleErrors, copyDist, DIST, launch, type Running, serveStatic, tempDir } from "./support";

const APPROVAL = "粤S(2024)001号";

describe("map exports carry the boundary notice", () => {
  let browser: Browser;
  const servers: Running[] = [];
  const dir = tempDir("gd-dashboard-map-export-");

  beforeAll(async () => {
    assertBuilt();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.stop();
    dir.remove();
  });

  async function exportSvg(config: unknown, lang: "zh" | "en", query = ""): Promise<{ svg: string; file: string }> {
    const site = copyDist(join(dir.path, `site-${servers.length}`), config);
    const host = await serveStatic(site);
    servers.push(host);
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    try {
      await page.goto(`http://127.0.0.1:${host.port}/?view=map&level=county&indicator=core-digital-va&lang=${lang}${query}`);
      const panel = page.locator("section.map-main");
      await panel.locator(".chart canvas").waitFor({ timeout: 20_000 });
      await panel.getByRole("button", { name: new RegExp(`^${CATALOGUES[lang]["export.menu"]}`) }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.getByRole("menuitem", { name: CATALOGUES[lang]["export.svg"] }).click(),
      ]);
      const path = join(dir.path, `${servers.length}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      expect(errors).toEqual([]);
      return { svg: readFileSync(path, "utf8"), file: download.suggestedFilename() };
    } finally {
      await context.close();
    }
  }

  const config = () => JSON.parse(readFileSync(join(DIST, "config.json"), "utf8")) as Record<string, unknown>;

  test("the SVG says the map is not an approved one (English)", async () => {
    const { svg, file } = await exportSvg(config(), "en");
    expect(svg).toContain("this is not an approved map");
    // An amount opens in its natural intensive form, and its export says so (#16).
    expect(svg).toContain("Core digital industries value added, share of GDP");
    expect(file).toMatch(/^core-digital-va-per-gdp_county_\d{4}_en\.svg$/);
  });

  test("the SVG carries the approval number (审图号) when config.json sets one (Chinese)", async () => {
    const withApproval = { ...config(), boundaries: { url: "./geo/guangdong-counties.topo.json", approval: APPROVAL } };
    const { svg } = await exportSvg(withApproval, "zh");
    expect(svg).toContain(`审图号：${APPROVAL}`);
    expect(svg).not.toContain("不是经审核的地图");
  });

  test("the total's SVG has its circles, its size legend and the notice, and says no measure", async () => {
    const { svg, file } = await exportSvg(config(), "en", "&per=total");
    expect(file).toMatch(/^core-digital-va_county_\d{4}_en\.svg$/);
    expect(svg).toContain("circle area ∝ value");
    expect(svg).toContain("this is not an approved map");
    expect(svg).not.toContain("share of GDP");
    // The size legend's three reference circles.
    expect((svg.match(/<circle/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });
});
