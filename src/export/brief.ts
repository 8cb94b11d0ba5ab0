/**
 * The briefing as a document: a title, the lines under it, the simulated mark, then blocks of
 * text, tables and charts in reading order. Pure: no DOM, no fonts, no PDF. Views register
 * sections of blocks (`useRegisterBrief` in registry.tsx); every chart panel adds its chart and
 * its table; the sources close it. Laid out by brief-layout.ts, drawn by pdf.ts.
 */
import type { EChartsOption } from "../charts/echarts";
import type { Lang } from "../state/url";
import type { Cell, CsvTable } from "./csv";

/** One block of a briefing, in reading order. */
export type BriefBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  /** `numeric[i]` right-aligns column i; by default, columns whose cells are all numbers (or empty). */
  | { kind: "table"; caption: string; table: CsvTable; numeric?: boolean[] }
  /** `option` is the screen's option (its builder's); the briefing adds the export frame and draws it as an image. */
  | { kind: "chart"; caption: string; option: EChartsOption; size: { width: number; height: number } };

/** What a view contributes to its briefing: blocks placed by `order` (lower first), before the chart panels. */
export interface BriefSection {
  id: string;
  order: number;
  blocks: BriefBlock[];
  /** Sources the section's numbers come from, added to the briefing's list of sources. */
  sources?: string[];
}

/** A chart panel of the view (from the export registry): its chart, its table and its source. */
export interface BriefPanel {
  title: string;
  subtitle: string;
  /** The chart as the brief draws it (export frame applied), or null for a table-only panel. */
  chart: { option: EChartsOption; size: { width: number; height: number } } | null;
  /** The panel's data as shown (ExportSpec.csv()). */
  table: CsvTable | null;
  source: string;
}

/** The texts of the briefing's own furniture, in the reader's language (brief-texts.ts). */
export interface BriefTexts {
  /** "Page 2 of 5". */
  page: (n: number, total: number) => string;
  /** "… 12 more rows (the whole table: Export → CSV)". */
  moreRows: (n: number) => string;
  /** The caption of a panel's table: "Data: {title}". */
  tableOf: (title: string) => string;
  sources: string;
}

/** A briefing ready to lay out. */
export interface BriefDocument {
  lang: Lang;
  title: string;
  /** Under the title: data version, export date, link. */
  lines: string[];
  /** "模拟数据 / Simulated data" on every page while the data is simulated, else null. */
  mark: string | null;
  /** Left of every page's footer (e.g. the data version). */
  footer: string;
  blocks: BriefBlock[];
}

export interface BriefInput {
  lang: Lang;
  title: string;
  lines: string[];
  mark: string | null;
  footer: string;
  sections: readonly BriefSection[];
  panels: readonly BriefPanel[];
  /** Tables longer than this are cut, with a line saying how many rows were left out. */
  maxRows?: number;
}

/** Rows of a panel's table printed in a briefing; the rest are counted in a "… N more rows" line. */
export const MAX_TABLE_ROWS = 40;

/** Sections in their order (ties by id, so the order never depends on mount order), empty ones dropped. */
export function orderSections(sections: readonly BriefSection[]): BriefSection[] {
  return sections
    .filter((s) => s.blocks.length > 0)
    .slice()
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The first `max` rows of a table, and how many were left out. */
export function cutTable(table: CsvTable, max: number): { table: CsvTable; more: number } {
  if (table.rows.length <= max) return { table, more: 0 };
  return { table: { ...table, rows: table.rows.slice(0, max) }, more: table.rows.length - max };
}

/** Columns to right-align: all cells numbers or empty, at least one number, not a code column. */
export function numericColumns(table: CsvTable): boolean[] {
  return table.header.map((_, i) => {
    if (table.textColumns?.includes(i)) return false;
    let numbers = 0;
    for (const row of table.rows) {
      const c = row[i];
      if (c === null || c === undefined || c === "") continue;
      if (typeof c !== "number") return false;
      numbers++;
    }
    return numbers > 0;
  });
}

const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A cell as printed: empty → "—"; numbers in the reader's locale, at most 2 decimals from 1 up
 * and 4 below (a CSV keeps every digit; paper needs a readable figure), digits grouped from
 * 10,000 only, so that years and codes written as numbers stay "2023".
 */
export function cellText(cell: Cell | undefined, lang: Lang): string {
  if (cell === null || cell === undefined || cell === "") return "—";
  if (typeof cell === "string") return cell;
  if (!Number.isFinite(cell)) return "—";
  const abs = Math.abs(cell);
  const digits = abs >= 1 || abs === 0 ? 2 : 4;
  const grouped = abs >= 10_000;
  const key = `${lang}:${digits}:${grouped}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, useGrouping: grouped });
    numberFormats.set(key, f);
  }
  return f.format(cell);
}

/**
 * The whole briefing: the registered sections in order, then each chart panel (heading, chart,
 * table cut at `maxRows`), then the list of sources (each once, in order of first mention).
 */
export function composeBrief(input: BriefInput, texts: BriefTexts): BriefDocument {
  const max = input.maxRows ?? MAX_TABLE_ROWS;
  const sections = orderSections(input.sections);
  const blocks: BriefBlock[] = sections.flatMap((s) => s.blocks);
  for (const p of input.panels) {
    blocks.push({ kind: "heading", text: p.title });
    if (p.chart) blocks.push({ kind: "chart", caption: p.subtitle, option: p.chart.option, size: p.chart.size });
    else if (p.subtitle) blocks.push({ kind: "paragraph", text: p.subtitle });
    if (p.table && p.table.rows.length > 0) {
      const { table, more } = cutTable(p.table, max);
      // Alignment is judged on the whole table, so a cut does not change it.
      blocks.push({ kind: "table", caption: texts.tableOf(p.title), table, numeric: numericColumns(p.table) });
      if (more > 0) blocks.push({ kind: "paragraph", text: texts.moreRows(more) });
    }
  }
  const sources = [
    ...new Set([
      ...sections.flatMap((s) => s.sources ?? []),
      ...input.panels.filter((p) => p.source).map((p) => `${p.title}: ${p.source}`),
    ]),
  ];
  if (sources.length) blocks.push({ kind: "heading", text: texts.sources }, { kind: "list", items: sources });
  return { lang: input.lang, title: input.title, lines: input.lines, mark: input.mark, footer: input.footer, blocks };
}

/** Every text a briefing prints (to know which glyphs to load before laying it out). */
export function briefStrings(doc: BriefDocument, texts: BriefTexts, pages = 999): string[] {
  const out = [doc.title, ...doc.lines, doc.mark ?? "", doc.footer, texts.page(pages, pages), "•0123456789"];
  for (const b of doc.blocks) {
    if (b.kind === "heading" || b.kind === "paragraph") out.push(b.text);
    else if (b.kind === "list") out.push(...b.items);
    else if (b.kind === "chart") out.push(b.caption);
    else {
      out.push(b.caption, ...b.table.header);
      for (const row of b.table.rows) for (const c of row) out.push(cellText(c, doc.lang));
    }
  }
  return out;
}
