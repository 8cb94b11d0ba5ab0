/**
 * The briefing (导出简报) on the built site, in real Chromium, deployed under a sub-path: the PDF
 * the header's control downloads holds its words as text (read back with pdf.js, as a viewer's
 * search and copy would), in Chinese and in English; its code and font load only when asked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { collectConsoleErrors, copyDist, DIST, launch, type Running, serveStatic, tempDir } from "./support";

const SUB = "/sub/dashboard/";
const meta = JSON.parse(readFileSync(join(DIST, "data/v1/meta.json"), "utf8")) as {
  title: { zh: string; en: string };
  dataVersion: string;
  simulated: boolean;
};

/** Each page's text as pdf.js extracts it (items in stream order, a newline where pdf.js ends a line), and its size in points. */
async function pdfPages(bytes: Uint8Array): Promise<{ text: string; width: number; height: number }[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: { text: string; width: number; height: number }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    const [, , width, height] = page.view;
    pages.push({
      text: content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""),
      width,
      height,
    });
  }
  await pdf.destroy();
  return pages;
}

/** Text without white space: a table cell or a sentence may wrap onto two lines in the PDF. */
const squash = (s: string) => s.replace(/\s+/g, "");

const WORDS = {
  zh: {
    button: "导出简报",
    go: "导出",
    view: "总览",
    brief: "简报",
    mark: "模拟数据 / Simulated data",
    trend: "趋势",
    data: "数据表：",
  },
  en: {
    button: "Briefing",
    go: "Export",
    view: "Overview",
    brief: " briefing",
    mark: "Simulated data / 模拟数据",
    trend: "Trend",
    data: "Data: ",
  },
} as const;

describe("the briefing PDF on the built site", () => {
  let browser: Browser;
  let host: Running & { port: number };
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const dir = tempDir("gd-dashboard-briefing-");

  beforeAll(async () => {
    // A copy of the site under a sub-path of a plain static host: fonts come relative to the page.
    copyDist(join(dir.path, "site", ...SUB.split("/").filter(Boolean)));
    host = await serveStatic(join(dir.path, "site"));
    base = `http://127.0.0.1:${host.port}${SUB}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dir.remove();
  });
  beforeEach(async () => {
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  /**
   * Opens the Overview in `lang`, exports its briefing as an A4 PDF and returns each page's
   * extracted text, with what the page showed and what the export fetched. The Overview's own
   * assertions (verdict words, key findings) can call this and look in `text`.
   */
  async function overviewBriefing(lang: "zh" | "en", format: RegExp = /A4/) {
    const w = WORDS[lang];
    const fetched: { url: string; bytes: number; after: boolean }[] = [];
    let clicked = false;
    page.on("response", async (r) => {
      const after = clicked;
      const url = new URL(r.url());
      if (url.origin !== new URL(base).origin) return;
      const bytes = (await r.body().catch(() => Buffer.alloc(0))).byteLength;
      fetched.push({ url: url.pathname, bytes, after });
    });
    await page.goto(`${base}?lang=${lang}`);
    const kpis = page.locator(".kpi-name");
    await kpis.first().waitFor();
    const trend = page.locator("section", { has: page.getByRole("heading", { name: w.trend, exact: true }) });
    await trend.getByRole("button", { name: lang === "zh" ? /^导出/ : /^Export/ }).waitFor();
    const kpiNames = await kpis.allTextContents();
    const title = (await page.locator(".app-header h1").textContent()) ?? "";

    const header = page.locator("header.app-header");
    await header.getByRole("button", { name: w.button, exact: true }).click();
    await header.getByRole("radio", { name: format }).first().check();
    clicked = true;
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      header.getByRole("button", { name: w.go, exact: true }).click(),
    ]);
    const path = join(dir.path, download.suggestedFilename());
    await download.saveAs(path);
    const pages = await pdfPages(new Uint8Array(readFileSync(path)));
    const text = pages.map((p) => p.text);
    return { file: download.suggestedFilename(), pages, text, all: text.join("\n"), kpiNames, title, fetched };
  }

  for (const lang of ["zh", "en"] as const) {
    test(`in ${lang === "zh" ? "Chinese" : "English"}: the title, version, simulated mark on every page, KPI names and chart captions are text`, async () => {
      const w = WORDS[lang];
      const { file, pages, text, all, kpiNames, title, fetched } = await overviewBriefing(lang);
      for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
      expect(file).toBe(`briefing-overview_${lang}.pdf`);
      expect(title).toBe(meta.title[lang]);
      expect(all).toContain(`${meta.title[lang]} · ${w.view}${w.brief}`);
      expect(all).toContain(meta.dataVersion);
      expect(meta.simulated).toBe(true);
      text.forEach((t, i) => {
        expect(t, `page ${i + 1} of ${text.length}`).toContain(w.mark);
      });
      // Every headline indicator the Overview shows, by name (the KPI section: the Overview registers it).
      expect(kpiNames.length).toBeGreaterThan(3);
      for (const name of kpiNames) expect(squash(all), name).toContain(squash(name));
      // The trend panel: its title over the chart (drawn as a picture), and its table under it, as text.
      const trendTitle =
        lang === "zh"
          ? "数字经济核心产业增加值占GDP比重：全省，2018–2025"
          : "Core digital industries value added, share of GDP: Guangdong, 2018–2025";
      expect(squash(all)).toContain(squash(trendTitle));
      expect(squash(all)).toContain(squash(`${w.data}${trendTitle}`));

      // Loaded only when asked: the font (from the sub-path) and the PDF code come after the click.
      const fonts = fetched.filter((f) => f.url.includes("/fonts/noto-sans-sc/"));
      expect(fonts.filter((f) => !f.after)).toEqual([]);
      expect(fonts.length).toBeGreaterThan(1);
      for (const f of fonts) expect(f.url.startsWith(`${SUB}fonts/noto-sans-sc/`), f.url).toBe(true);
      const scripts = fetched.filter((f) => f.after && f.url.endsWith(".js"));
      expect(scripts.length).toBeGreaterThan(0);
      const kb = (n: number) => Math.round(n / 100) / 10;
      // Reported for the README: what a briefing downloads (uncompressed: the test host does not gzip).
      console.info(
        `briefing ${lang}: ${fonts.length} font files ${kb(fonts.reduce((s, f) => s + f.bytes, 0))} KB, ` +
          `${scripts.length} scripts ${kb(scripts.reduce((s, f) => s + f.bytes, 0))} KB, ${text.length} pages`,
      );
    });
  }

  for (const lang of ["zh", "en"] as const) {
    test(`in ${lang === "zh" ? "Chinese" : "English"}: the Overview's judgments are text: key findings, both verdicts of every target, where we are behind, warnings`, async () => {
      const heads = {
        zh: { findings: "要点", targets: "目标进度", behind: "哪里落后", warnings: "预警" },
        en: {
          findings: "Key findings",
          targets: "Progress against targets",
          behind: "Where we are behind",
          warnings: "Warnings",
        },
      }[lang];
      // What the page shows, read before the export: the findings' sentences and every verdict word.
      await page.goto(`${base}?lang=${lang}`);
      const findings = page.getByRole("region", { name: heads.findings, exact: true }).getByRole("listitem");
      await expect.poll(() => findings.count(), { timeout: 30_000 }).toBe(3);
      const sentences = await findings.allTextContents();
      const targets = page.getByRole("region", { name: heads.targets, exact: true });
      await expect.poll(() => targets.locator(".verdict").count(), { timeout: 30_000 }).toBeGreaterThan(1);
      const verdicts = [...new Set(await targets.locator(".verdict").allTextContents())];
      const { all } = await overviewBriefing(lang);
      const text = squash(all);
      for (const sentence of sentences) expect(text, sentence).toContain(squash(sentence));
      // Today's verdict and the outlook by the target year, both kinds.
      expect(verdicts.length).toBeGreaterThan(1);
      for (const v of verdicts) expect(text, v).toContain(squash(v));
      for (const h of Object.values(heads)) expect(text, h).toContain(squash(h));
    });
  }

  test("a landscape briefing is A4 landscape, with the same text", async () => {
    const { pages, text, all } = await overviewBriefing("en", /landscape/);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    expect(all).toContain("Guangdong Digital Economy Monitor · Overview briefing");
    expect(text.at(-1)).toContain(`Page ${text.length} of ${text.length}`);
  });
});
