/**
 * The briefing's PDF from the real font files in public/fonts, read back with pdf.js: its text
 * is text (Chinese and English, searchable), in a subset of the font, with no picture of text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzlibSync } from "fflate";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type BriefBlock, composeBrief } from "../../src/export/brief";
import { briefTexts } from "../../src/export/brief-texts";
import { charSlices, type FontSource, parseUnicodeRange, sliceOf, sliceTable } from "../../src/export/fonts";
import { renderBriefPdf } from "../../src/export/pdf";
import { woffToSfnt } from "../../src/export/woff";

const DIR = join(__dirname, "../../public/fonts/noto-sans-sc");
const unicode = JSON.parse(readFileSync(join(DIR, "unicode.json"), "utf8")) as Record<string, string>;
const table = sliceTable(unicode);
const loaded: string[] = [];
const disk: FontSource = {
  table: async () => table,
  load: async (names) => {
    loaded.push(...names);
    return new Map(names.map((n) => [n, new Uint8Array(readFileSync(join(DIR, `${n}.woff`)))]));
  },
};

/** The text of each page as pdf.js extracts it (what a viewer searches and copies). */
async function pageTexts(bytes: Uint8Array): Promise<{ text: string[]; images: number }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const text: string[] = [];
  let images = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    text.push(content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((f) => f === OPS.paintImageXObject).length;
  }
  await pdf.destroy();
  return { text, images };
}

describe("the font's slices", () => {
  it("ship every slice that unicode.json names, with the OFL beside them", () => {
    const files = new Set(readdirSync(DIR));
    for (const key of Object.keys(unicode)) expect(files.has(`${key.replace(/^\[|\]$/g, "")}.woff`), key).toBe(true);
    expect(readFileSync(join(DIR, "OFL.txt"), "utf8")).toContain("SIL Open Font License, Version 1.1");
  });

  it("find the slice of a character, Latin first where slices overlap", () => {
    expect(parseUnicodeRange("U+0000-00FF,U+0131")).toEqual([
      [0, 255],
      [305, 305],
    ]);
    expect(sliceOf("A".codePointAt(0) as number, table)).toBe("latin");
    expect(sliceOf("·".codePointAt(0) as number, table)).toBe("latin");
    expect(sliceOf("省".codePointAt(0) as number, table)).toMatch(/^\d+$/);
    expect(sliceOf(0x10fffd, table)).toBeNull();
    expect(charSlices(["广东 A"], table).get("A")).toBe("latin");
  });

  it("unpack a WOFF into a TrueType font with the same tables", () => {
    const woff = new Uint8Array(readFileSync(join(DIR, "latin.woff")));
    const sfnt = woffToSfnt(woff, unzlibSync);
    const view = new DataView(sfnt.buffer);
    const n = view.getUint16(4);
    const tags = Array.from({ length: n }, (_, i) => String.fromCharCode(...sfnt.subarray(12 + i * 16, 16 + i * 16)));
    expect(tags).toEqual(expect.arrayContaining(["cmap", "glyf", "head", "hmtx", "loca"]));
    expect(tags).toEqual([...tags].sort());
    // The head table's magic number, where the directory says the table is.
    const head = tags.indexOf("head");
    const at = view.getUint32(12 + head * 16 + 8);
    expect(view.getUint32(at + 12)).toBe(0x5f0f3cf5);
    // WOFF's header gives the size of the font it holds.
    expect(sfnt.byteLength).toBe(new DataView(woff.buffer, woff.byteOffset).getUint32(16));
    const woff2 = new Uint8Array(64);
    woff2.set([0x77, 0x4f, 0x46, 0x32]);
    expect(() => woffToSfnt(woff2, unzlibSync)).toThrow(/not a WOFF 1.0 font/);
  });
});

describe("the briefing as a PDF", () => {
  const rows = Array.from({ length: 60 }, (_, i) => [
    `4401${String(i).padStart(2, "0")}`,
    i % 2 ? "广州市天河区" : "Shenzhen",
    i * 12.5,
  ]);
  const blocks = (lang: "zh" | "en"): BriefBlock[] => [
    { kind: "heading", text: lang === "zh" ? "要点" : "Key findings" },
    {
      kind: "paragraph",
      text:
        lang === "zh"
          ? "全省数字经济核心产业增加值占比按当前趋势预计达成，5G 基站数已达成。"
          : "Guangdong's core digital industries are on course for the 2027 target; 5G base stations achieved.",
    },
    {
      kind: "table",
      caption: lang === "zh" ? "数据表：趋势" : "Data: Trend",
      table: { header: lang === "zh" ? ["代码", "地区", "数值"] : ["Code", "Region", "Value"], rows, textColumns: [0] },
    },
  ];
  const render = async (lang: "zh" | "en", orientation: "portrait" | "landscape" = "portrait") => {
    const texts = briefTexts(lang);
    const doc = composeBrief(
      {
        lang,
        title: texts.title(
          lang === "zh" ? "广东省数字经济发展监测" : "Guangdong Digital Economy Monitor",
          lang === "zh" ? "总览" : "Overview",
        ),
        lines: [texts.version("sim-2026.11.1")],
        mark: lang === "zh" ? "模拟数据 / Simulated data" : "Simulated data / 模拟数据",
        footer: texts.version("sim-2026.11.1"),
        sections: [{ id: "findings", order: 1, blocks: blocks(lang) }],
        panels: [],
      },
      texts,
    );
    loaded.length = 0;
    const bytes = await renderBriefPdf(doc, texts, { orientation, images: new Map(), fonts: disk });
    return { bytes, ...(await pageTexts(bytes)) };
  };

  it("holds its Chinese as text: title, findings, table, the mark on every page, page numbers", async () => {
    const { text, images, bytes } = await render("zh");
    const all = text.join("\n");
    expect(all).toContain("广东省数字经济发展监测 · 总览简报");
    expect(all).toContain("全省数字经济核心产业增加值占比按当前趋势预计达成");
    expect(all).toContain("广州市天河区");
    expect(all).toContain("4401");
    expect(text.length).toBeGreaterThan(1);
    text.forEach((t, i) => {
      expect(t, `page ${i + 1}`).toContain("模拟数据 / Simulated data");
      expect(t).toContain(`第 ${i + 1} 页，共 ${text.length} 页`);
      // The table's header starts each page it runs onto.
      expect(t).toMatch(/代码\s*地区\s*数值/);
    });
    // No picture of text: the PDF draws no image at all here.
    expect(images).toBe(0);
    // A subset: far smaller than the slices it drew from.
    const slices = loaded.reduce((s, n) => s + readFileSync(join(DIR, `${n}.woff`)).byteLength, 0);
    expect(bytes.byteLength).toBeLessThan(slices / 3);
    expect(new TextDecoder("latin1").decode(bytes.subarray(0, 8))).toMatch(/^%PDF-1\.\d/);
  });

  it("holds its English as text too, landscape", async () => {
    const { text } = await render("en", "landscape");
    const all = text.join("\n");
    expect(all).toContain("Guangdong Digital Economy Monitor · Overview briefing");
    expect(all).toContain("Guangdong's core digital industries are on course for the 2027 target; 5G base stations achieved.");
    text.forEach((t, i) => {
      expect(t).toContain("Simulated data / 模拟数据");
      expect(t).toContain(`Page ${i + 1} of ${text.length}`);
    });
  });

  it("loads only the slices its characters need, and prints '?' for a character no slice has", async () => {
    const texts = briefTexts("en");
    const doc = composeBrief(
      {
        lang: "en",
        title: "Plain title",
        lines: [],
        mark: null,
        footer: "",
        sections: [{ id: "s", order: 1, blocks: [{ kind: "paragraph", text: "ABC \u{10fffd} end" }] }],
        panels: [],
      },
      texts,
    );
    loaded.length = 0;
    const { text } = await pageTexts(
      await renderBriefPdf(doc, texts, { orientation: "portrait", images: new Map(), fonts: disk }),
    );
    expect(loaded).toEqual(["latin"]);
    expect(text[0]).toContain("ABC ? end");
    expect(text[0]).not.toContain("Simulated");
  });
});
