/**
 * Draws a laid-out briefing into a PDF with jsPDF: text as text (an embedded, subset
 * Noto Sans SC with a ToUnicode map, so a reader can search and copy Chinese and English),
 * charts as PNG images. One embedded font per slice of the font that the document uses; a
 * line is drawn as runs, one per slice, placed end to end.
 */
import { unzlibSync } from "fflate";
import { jsPDF } from "jspdf";
import { type BriefDocument, type BriefTexts, briefStrings } from "./brief";
import { A4, type Ink, layoutBrief, type Measure } from "./brief-layout";
import { charSlices, type FontSource } from "./fonts";
import { woffToSfnt } from "./woff";

const INK: Record<Ink, [number, number, number]> = {
  ink: [27, 31, 36],
  muted: [87, 96, 106],
  mark: [122, 75, 0],
  markBg: [255, 244, 214],
  rule: [199, 204, 209],
  shade: [239, 241, 243],
};

/** Printed for a character that no slice of the font has. */
const MISSING = "?";

export interface PdfOptions {
  orientation: "portrait" | "landscape";
  /** The PNG of each chart block, by its index in `doc.blocks`. */
  images: ReadonlyMap<number, Uint8Array>;
  fonts: FontSource;
  date?: Date;
}

/** jsPDF reads fonts from its virtual file system as binary strings. */
function binaryString(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

export async function renderBriefPdf(doc: BriefDocument, texts: BriefTexts, options: PdfOptions): Promise<Uint8Array> {
  const size = A4[options.orientation];
  const pdf = new jsPDF({ orientation: options.orientation, unit: "pt", format: "a4", compress: true, putOnlyUsedFonts: true });

  const table = await options.fonts.table();
  const slices = charSlices([...briefStrings(doc, texts), MISSING], table);
  const names = [...new Set([...slices.values()].filter((n): n is string => n !== null))];
  const bytes = await options.fonts.load(names);
  for (const name of names) {
    const file = `noto-sans-sc-${name}.ttf`;
    pdf.addFileToVFS(file, binaryString(woffToSfnt(bytes.get(name) as Uint8Array, unzlibSync)));
    // Identity-H: glyphs by id, with a ToUnicode map; jsPDF embeds only the glyphs used (a subset).
    pdf.addFont(file, `sc-${name}`, "normal", undefined, "Identity-H");
  }

  /** Each character as drawn: its font and its advance at 1 pt. */
  const glyphs = new Map<string, { font: string; text: string; advance: number }>();
  const glyph = (ch: string) => {
    let g = glyphs.get(ch);
    if (!g) {
      const name = slices.get(ch) ?? null;
      const text = name ? ch : MISSING;
      const font = `sc-${name ?? slices.get(MISSING)}`;
      pdf.setFont(font, "normal");
      g = { font, text, advance: pdf.getStringUnitWidth(text) };
      glyphs.set(ch, g);
    }
    return g;
  };
  const measure: Measure = (text, size) => {
    let w = 0;
    for (const ch of text) w += glyph(ch).advance;
    return w * size;
  };

  const pages = layoutBrief(doc, texts, measure, size);
  const embedded = new Set<number>();
  pages.forEach((laid, i) => {
    if (i > 0) pdf.addPage("a4", options.orientation);
    for (const item of laid.items) {
      if (item.kind === "rect") {
        pdf.setFillColor(...INK[item.ink]);
        pdf.rect(item.x, item.y, item.w, item.h, "F");
      } else if (item.kind === "image") {
        const png = options.images.get(item.block);
        if (!png) continue;
        // The same alias for a chart drawn twice: jsPDF then embeds it once.
        pdf.addImage(png, "PNG", item.x, item.y, item.w, item.h, `chart-${item.block}`, "FAST");
        embedded.add(item.block);
      } else {
        pdf.setFontSize(item.size);
        pdf.setTextColor(...INK[item.ink]);
        // Runs of characters from one font, each placed where the one before it ends.
        let x = item.x;
        let run = "";
        let font = "";
        const flush = () => {
          if (!run) return;
          pdf.setFont(font, "normal");
          pdf.text(run, x, item.y, { baseline: "alphabetic" });
          x += measure(run, item.size);
          run = "";
        };
        for (const ch of item.text) {
          const g = glyph(ch);
          if (g.font !== font) {
            flush();
            font = g.font;
          }
          run += g.text;
        }
        flush();
      }
    }
  });

  pdf.setProperties({ title: doc.title, creator: "Guangdong Digital Economy Monitor" });
  pdf.setLanguage(doc.lang === "zh" ? "zh-CN" : "en-GB");
  if (options.date) pdf.setCreationDate(options.date);
  return new Uint8Array(pdf.output("arraybuffer"));
}
