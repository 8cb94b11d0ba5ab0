import { describe, expect, it } from "vitest";
import type { BriefBlock, BriefDocument } from "../../src/export/brief";
import {
  A4,
  CELL,
  columnWidths,
  type LaidPage,
  layoutBrief,
  MARGIN,
  type Measure,
  type PageItem,
  SIZE,
  tokenize,
  wrapText,
} from "../../src/export/brief-layout";
import { briefTexts } from "../../src/export/brief-texts";

/** A monospaced stand-in for the font: Chinese 1 em, everything else half an em. */
const measure: Measure = (text, size) =>
  [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5), 0) * size;

const en = briefTexts("en");
const texts = (p: LaidPage) => p.items.filter((i): i is Extract<PageItem, { kind: "text" }> => i.kind === "text");
const doc = (blocks: BriefBlock[], over: Partial<BriefDocument> = {}): BriefDocument => ({
  lang: "en",
  title: "Guangdong Digital Economy Monitor · Overview briefing",
  lines: ["Data version sim-1", "Exported 2026-12-03"],
  mark: "Simulated data / 模拟数据",
  footer: "Data version sim-1",
  blocks,
  ...over,
});
const width = A4.portrait.width - MARGIN.left - MARGIN.right;

describe("wrapping", () => {
  it("breaks English at spaces, never inside a word", () => {
    // 10 pt: 5 pt a character, so 60 pt hold 12 characters.
    expect(wrapText("the quick brown fox jumps over", 60, 10, measure)).toEqual(["the quick", "brown fox", "jumps over"]);
  });

  it("breaks Chinese between any two characters", () => {
    // 10 pt: 10 pt a character, 5 to a 50 pt line.
    expect(wrapText("广东省数字经济发展监测", 50, 10, measure)).toEqual(["广东省数字", "经济发展监", "测"]);
  });

  it("never starts a line with closing punctuation nor ends one with opening punctuation", () => {
    // Five characters to a line: "，" would open the second line, "（" would close the first.
    expect(wrapText("全省数字经，按计划", 50, 10, measure)).toEqual(["全省数字", "经，按计划"]);
    expect(wrapText("全省数字（经济）", 50, 10, measure)).toEqual(["全省数字", "（经济）"]);
    expect(tokenize("好，").map((t) => t.text)).toEqual(["好，"]);
    expect(tokenize("（好").map((t) => t.text)).toEqual(["（好"]);
  });

  it("mixes the two: Chinese breaks anywhere, an English word stays whole", () => {
    const lines = wrapText("达到18.2%，Guangdong is on course", 60, 10, measure);
    expect(lines.join(" ").replace(/ /g, "")).toBe("达到18.2%，Guangdongisoncourse");
    expect(lines).toContain("Guangdong is");
    for (const l of lines) expect(measure(l, 10)).toBeLessThanOrEqual(60);
  });

  it("breaks a word wider than the line (a link) anywhere, and keeps hard line breaks", () => {
    const link = "http://example.org/?view=overview&indicator=core";
    const lines = wrapText(link, 50, 10, measure);
    expect(lines.join("")).toBe(link);
    for (const l of lines) expect(measure(l, 10)).toBeLessThanOrEqual(50);
    expect(wrapText("one\ntwo", 500, 10, measure)).toEqual(["one", "two"]);
  });
});

describe("table columns", () => {
  it("give each column its natural width when all fit, the spare shared out", () => {
    const w = columnWidths(
      [
        ["Code", "Value"],
        ["440100", "12.5"],
      ],
      200,
      10,
      measure,
    );
    expect(w.reduce((a, b) => a + b)).toBeCloseTo(200);
    expect(w[0]).toBeGreaterThan(w[1]);
  });

  it("wrap the long text column first when they do not fit", () => {
    const long = "Shenzhen Nanshan District and a very long description of what it holds";
    const w = columnWidths(
      [
        ["Region", "Value"],
        [long, "340,000"],
      ],
      150,
      10,
      measure,
    );
    expect(w.reduce((a, b) => a + b)).toBeCloseTo(150);
    // The number keeps its width (7 characters of 5 pt and the padding).
    expect(w[1]).toBeGreaterThanOrEqual(35 + 2 * CELL.x - 1e-9);
  });
});

describe("pages", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`4401${i}`, `City ${i}`, i * 1000]);
  const tableBlock: BriefBlock = {
    kind: "table",
    caption: "Data: Trend",
    table: { header: ["Code", "Region", "Value"], rows: rows(120), textColumns: [0] },
  };

  it("carry the simulated mark on every page, and page n of N", () => {
    const pages = layoutBrief(doc([tableBlock]), en, measure, A4.portrait);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => {
      const t = texts(p).map((x) => x.text);
      expect(t).toContain("Simulated data / 模拟数据");
      expect(t).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p.items.some((x) => x.kind === "rect" && x.ink === "markBg")).toBe(true);
    });
  });

  it("carry no mark when the data is official", () => {
    const pages = layoutBrief(doc([tableBlock], { mark: null }), en, measure, A4.portrait);
    expect(pages.flatMap(texts).some((x) => x.ink === "mark")).toBe(false);
  });

  it("repeat a table's header at the top of each page it runs onto, and lose no row", () => {
    const pages = layoutBrief(doc([tableBlock]), en, measure, A4.portrait);
    const bodyTop = MARGIN.top;
    for (const p of pages.slice(1)) {
      const first = texts(p)
        .filter((x) => x.y > bodyTop && x.ink === "ink")
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .slice(0, 3)
        .map((x) => x.text);
      expect(first).toEqual(["Code", "Region", "Value"]);
    }
    const codes = pages.flatMap(texts).filter((x) => /^4401\d+$/.test(x.text));
    expect(codes.map((x) => x.text)).toEqual(rows(120).map((r) => r[0]));
    // Nothing runs into the bottom margin.
    for (const x of pages.flatMap(texts).filter((t) => t.ink === "ink"))
      expect(x.y).toBeLessThanOrEqual(A4.portrait.height - MARGIN.bottom);
  });

  it("right-align numeric columns and left-align the rest", () => {
    const pages = layoutBrief(doc([tableBlock]), en, measure, A4.portrait);
    const cells = texts(pages[0]).filter((x) => x.size === SIZE.table);
    const values = cells.filter((x) => /^[\d,]+$/.test(x.text) && !x.text.startsWith("4401"));
    const rights = new Set(values.map((x) => Math.round((x.x + measure(x.text, x.size)) * 100) / 100));
    expect(rights.size).toBe(1);
    expect([...rights][0]).toBeCloseTo(MARGIN.left + width - CELL.x);
    const regions = cells.filter((x) => x.text.startsWith("City"));
    expect(new Set(regions.map((x) => x.x)).size).toBe(1);
  });

  it("keep a heading with what follows it", () => {
    const filler: BriefBlock = { kind: "paragraph", text: Array.from({ length: 49 }, () => "line").join("\n") };
    const pages = layoutBrief(
      doc([filler, { kind: "heading", text: "Targets" }, { kind: "paragraph", text: "Body" }]),
      en,
      measure,
      A4.portrait,
    );
    const where = (s: string) => pages.findIndex((p) => texts(p).some((x) => x.text === s));
    expect(where("Targets")).toBe(where("Body"));
  });

  it("keep a heading with the chart under it: both move to the next page", () => {
    const filler: BriefBlock = { kind: "paragraph", text: Array.from({ length: 30 }, () => "line").join("\n") };
    const chart: BriefBlock = { kind: "chart", caption: "Guangdong", option: {}, size: { width: 800, height: 500 } };
    const pages = layoutBrief(doc([filler, { kind: "heading", text: "Trend" }, chart]), en, measure, A4.portrait);
    const image = pages.findIndex((p) => p.items.some((x) => x.kind === "image"));
    expect(image).toBe(1);
    expect(pages.findIndex((p) => texts(p).some((x) => x.text === "Trend"))).toBe(image);
  });

  it("scale a chart to the page's width, never above its screen size, and keep its aspect", () => {
    const chart: BriefBlock = { kind: "chart", caption: "Trend", option: {}, size: { width: 1000, height: 600 } };
    const small: BriefBlock = { kind: "chart", caption: "Small", option: {}, size: { width: 300, height: 200 } };
    const pages = layoutBrief(doc([chart, small]), en, measure, A4.portrait);
    const images = pages.flatMap((p) => p.items.filter((x) => x.kind === "image"));
    expect(images[0]).toMatchObject({ block: 0, w: width });
    expect(images[0].kind === "image" && images[0].h / images[0].w).toBeCloseTo(0.6);
    expect(images[1]).toMatchObject({ block: 1, w: 225, h: 150 });
  });

  it("lay out landscape pages wider and fewer lines to the page", () => {
    const portrait = layoutBrief(doc([tableBlock]), en, measure, A4.portrait);
    const landscape = layoutBrief(doc([tableBlock]), en, measure, A4.landscape);
    expect(landscape.length).toBeGreaterThan(portrait.length);
    const right = Math.max(...landscape.flatMap((p) => p.items.map((x) => x.x)));
    expect(right).toBeGreaterThan(A4.portrait.width);
  });
});
