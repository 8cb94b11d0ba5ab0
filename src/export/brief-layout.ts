/**
 * Lays a briefing out on A4 pages, as data: positioned lines of text, rectangles and images,
 * in points from the page's top left. Pure: text is measured by the function it is given (the
 * embedded font's advances in pdf.ts, a fixed advance in tests), so wrapping, pagination and
 * table headers can be tested without a PDF.
 */
import { type BriefBlock, type BriefDocument, type BriefTexts, cellText, numericColumns } from "./brief";

/** Width of `text` at `size` points, in points. Must be additive: w(a + b) = w(a) + w(b). */
export type Measure = (text: string, size: number) => number;

/** Colours by role; pdf.ts maps them to RGB. */
export type Ink = "ink" | "muted" | "mark" | "markBg" | "rule" | "shade";

export type PageItem =
  /** `y` is the baseline. */
  | { kind: "text"; text: string; x: number; y: number; size: number; ink: Ink }
  /** `y` is the top edge. */
  | { kind: "rect"; x: number; y: number; w: number; h: number; ink: Ink }
  /** The chart of `doc.blocks[block]`; `y` is the top edge. */
  | { kind: "image"; block: number; x: number; y: number; w: number; h: number };

export interface LaidPage {
  items: PageItem[];
}

export interface PageSize {
  width: number;
  height: number;
}

/** A4 in points (210 × 297 mm). */
export const A4: Record<"portrait" | "landscape", PageSize> = {
  portrait: { width: 595.28, height: 841.89 },
  landscape: { width: 841.89, height: 595.28 },
};

export const MARGIN = { left: 48, right: 48, top: 58, bottom: 50 };
/** Font sizes in points. */
export const SIZE = { title: 18, line: 9, heading: 13, body: 10, caption: 9, table: 8.5, furniture: 8 };
const LEADING = 1.45;
/** Cell padding in a table: left and right, top and bottom. */
export const CELL = { x: 4, y: 2.5 };
const GAP = 8;
/** Room a heading keeps below it on its page: about three lines of text. */
const KEEP_WITH_NEXT = 3 * SIZE.body * LEADING;
/** A cell at most this many ems wide is kept on one line when the columns allow it. */
const SHORT = 7;
/** The least width of a column of longer text, in ems. */
const MIN_COLUMN = 5;
/** Charts are never drawn larger than on screen (1 CSS pixel = 0.75 pt). */
const PX = 0.75;

const lineHeight = (size: number) => size * LEADING;
/** Baseline of a line whose box starts at `top`: Noto Sans SC's ascender is 0.88 em. */
const baseline = (top: number, size: number) => top + (lineHeight(size) - size) / 2 + 0.88 * size;

// Chinese, Japanese kana, Hangul, CJK punctuation and full-width forms: a line may break between any two.
const CJK =
  /[\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
/** Never at the start of a line (closing punctuation, as in GB/T 15834 and common typesetting). */
const NO_START = new Set([..."，。、；：？！）】》」』〕〉”’…·‰％,.;:?!)]}%"]);
/** Never at the end of a line (opening punctuation). */
const NO_END = new Set([..."（【《「『〔〈“‘([{"]);

interface Token {
  text: string;
  space: boolean;
}

/**
 * Break opportunities: at spaces (English), between any two Chinese characters, never before
 * closing or after opening punctuation. Tokens hold the text between opportunities.
 */
export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  let word = "";
  const flush = () => {
    if (word) raw.push({ text: word, space: false });
    word = "";
  };
  for (const ch of text) {
    if (ch === " " || ch === "\t" || ch === "\u3000") {
      flush();
      const last = raw.at(-1);
      if (last?.space) last.text += " ";
      else raw.push({ text: " ", space: true });
    } else if (CJK.test(ch)) {
      flush();
      raw.push({ text: ch, space: false });
    } else word += ch;
  }
  flush();
  // Glue: closing punctuation to the token before it, opening punctuation to the one after it.
  const out: Token[] = [];
  let carry = "";
  for (const t of raw) {
    if (t.space) {
      if (carry) out.push({ text: carry, space: false });
      carry = "";
      out.push(t);
      continue;
    }
    const text = carry + t.text;
    carry = "";
    const prev = out.at(-1);
    if (prev && !prev.space && NO_START.has([...text][0])) prev.text += text;
    else if (NO_END.has([...text].at(-1) as string)) carry = text;
    else out.push({ text, space: false });
  }
  if (carry) out.push({ text: carry, space: false });
  return out;
}

/**
 * Lines of `text` no wider than `width` at `size`: breaks at spaces and between Chinese
 * characters; a word wider than the line (a long link) is broken anywhere; "\n" forces a break.
 */
export function wrapText(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    let space = "";
    const push = () => {
      lines.push(line);
      line = "";
      lineWidth = 0;
      space = "";
    };
    for (const tok of tokenize(para)) {
      if (tok.space) {
        if (line) space += tok.text;
        continue;
      }
      const w = measure(space + tok.text, size);
      if (line && lineWidth + w > width) push();
      const own = measure(tok.text, size);
      if (!line && own > width) {
        for (const ch of tok.text) {
          const cw = measure(ch, size);
          if (line && lineWidth + cw > width) push();
          line += ch;
          lineWidth += cw;
        }
        continue;
      }
      line += (line ? space : "") + tok.text;
      lineWidth += line === tok.text ? own : w;
      space = "";
    }
    lines.push(line);
  }
  return lines;
}

/** `text` cut to `width` with an ellipsis. */
export function fitText(text: string, width: number, size: number, measure: Measure): string {
  if (measure(text, size) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (measure(`${out + ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Column widths of a table `width` wide: each column its natural width when all fit (the spare
 * room shared in proportion), else its longest word and a share of the rest in proportion to
 * what it lacks, so long text columns wrap first and numbers rarely do.
 */
export function columnWidths(cells: readonly string[][], width: number, size: number, measure: Measure): number[] {
  const n = cells[0]?.length ?? 0;
  if (n === 0) return [];
  const natural = new Array<number>(n).fill(0);
  const least = new Array<number>(n).fill(0);
  for (const row of cells) {
    row.forEach((text, i) => {
      natural[i] = Math.max(natural[i], measure(text, size) + 2 * CELL.x);
      // A short cell ("按计划", "2,771.8 亿元") is never broken; a longer one at its break opportunities.
      const whole = measure(text, size);
      const longest =
        whole <= SHORT * size ? whole : Math.max(0, ...tokenize(text).map((t) => (t.space ? 0 : measure(t.text, size))));
      least[i] = Math.max(least[i], Math.min(longest, width * 0.4) + 2 * CELL.x);
    });
  }
  // No column narrower than a few characters unless it needs less: long text wraps into lines, not letters.
  for (let i = 0; i < n; i++) least[i] = Math.max(least[i], Math.min(natural[i], MIN_COLUMN * size + 2 * CELL.x));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const totalNatural = sum(natural);
  if (totalNatural <= width) return natural.map((w) => w + ((width - totalNatural) * w) / totalNatural);
  const totalLeast = sum(least);
  if (totalLeast >= width) return least.map((w) => (w * width) / totalLeast);
  const lacks = natural.map((w, i) => w - least[i]);
  const totalLacks = sum(lacks);
  return least.map((w, i) => w + ((width - totalLeast) * lacks[i]) / totalLacks);
}

/** Pages of a briefing: its blocks in order, then each page's header (simulated mark) and footer (page n of N). */
export function layoutBrief(doc: BriefDocument, texts: BriefTexts, measure: Measure, page: PageSize): LaidPage[] {
  const left = MARGIN.left;
  const width = page.width - MARGIN.left - MARGIN.right;
  const bottom = page.height - MARGIN.bottom;
  const pages: LaidPage[] = [{ items: [] }];
  let y = MARGIN.top;
  const items = () => (pages.at(-1) as LaidPage).items;
  const newPage = () => {
    pages.push({ items: [] });
    y = MARGIN.top;
  };
  const atTop = () => y === MARGIN.top;
  /** Starts a new page unless `h` more points fit on this one (a block taller than a page starts at a page's top). */
  const ensure = (h: number) => {
    if (y + h > bottom && !atTop()) newPage();
  };
  const text = (t: string, x: number, top: number, size: number, ink: Ink = "ink") => {
    if (t) items().push({ kind: "text", text: t, x, y: baseline(top, size), size, ink });
  };
  /** Wrapped lines, each moved to a new page when it does not fit. */
  const lines = (ls: readonly string[], x: number, size: number, ink: Ink = "ink") => {
    const lh = lineHeight(size);
    for (const l of ls) {
      ensure(lh);
      text(l, x, y, size, ink);
      y += lh;
    }
  };

  // The title block: title, the lines under it (version, date, link), a rule.
  lines(wrapText(doc.title, width, SIZE.title, measure), left, SIZE.title);
  y += 2;
  for (const l of doc.lines) lines(wrapText(l, width, SIZE.line, measure), left, SIZE.line, "muted");
  y += 4;
  items().push({ kind: "rect", x: left, y, w: width, h: 0.8, ink: "rule" });
  y += 10;

  doc.blocks.forEach((block, index) => {
    if (!atTop()) y += GAP;
    place(block, index);
  });

  function place(block: BriefBlock, index: number) {
    switch (block.kind) {
      case "heading": {
        const ls = wrapText(block.text, width, SIZE.heading, measure);
        if (!atTop()) y += 6;
        ensure(ls.length * lineHeight(SIZE.heading) + 2 + GAP + start(doc.blocks[index + 1]));
        lines(ls, left, SIZE.heading);
        y += 2;
        return;
      }
      case "paragraph":
        lines(wrapText(block.text, width, SIZE.body, measure), left, SIZE.body);
        return;
      case "list": {
        const indent = 12;
        const lh = lineHeight(SIZE.body);
        for (const item of block.items) {
          const ls = wrapText(item, width - indent, SIZE.body, measure);
          ensure(lh);
          text("•", left + 2, y, SIZE.body);
          lines(ls, left + indent, SIZE.body);
          y += 2;
        }
        return;
      }
      case "chart": {
        const { caption, captionHeight, w, h } = chartBox(block);
        ensure(captionHeight + 4 + h);
        lines(caption, left, SIZE.caption, "muted");
        y += 4;
        items().push({ kind: "image", block: index, x: left + (width - w) / 2, y, w, h });
        y += h;
        return;
      }
      case "table":
        table(block);
        return;
    }
  }

  function chartBox(block: Extract<BriefBlock, { kind: "chart" }>) {
    const caption = block.caption ? wrapText(block.caption, width, SIZE.caption, measure) : [];
    const captionHeight = caption.length * lineHeight(SIZE.caption);
    const room = bottom - MARGIN.top - captionHeight - 4;
    const scale = Math.min(PX, width / block.size.width, room / block.size.height);
    return { caption, captionHeight, w: block.size.width * scale, h: block.size.height * scale };
  }

  /** The room the start of a block needs on a page: what a heading keeps with it. */
  function start(block: BriefBlock | undefined): number {
    if (block?.kind === "chart") {
      const { captionHeight, h } = chartBox(block);
      return captionHeight + 4 + h;
    }
    // A table's caption, header and first row, about three lines of table text each at most.
    if (block?.kind === "table") return lineHeight(SIZE.caption) + 2 + 2 * (3 * lineHeight(SIZE.table) + 2 * CELL.y);
    return KEEP_WITH_NEXT;
  }

  function table(block: Extract<BriefBlock, { kind: "table" }>) {
    const size = SIZE.table;
    const lh = lineHeight(size);
    const numeric = block.numeric ?? numericColumns(block.table);
    const header = block.table.header;
    const rows = block.table.rows.map((r) => header.map((_, i) => cellText(r[i], doc.lang)));
    const widths = columnWidths([header, ...rows], width, size, measure);
    const wrapRow = (cells: readonly string[]) => cells.map((c, i) => wrapText(c, widths[i] - 2 * CELL.x, size, measure));
    const heightOf = (wrapped: string[][]) => Math.max(1, ...wrapped.map((l) => l.length)) * lh + 2 * CELL.y;
    const headerLines = wrapRow(header);
    const headerHeight = heightOf(headerLines);
    const drawRow = (wrapped: string[][], h: number, isHeader: boolean) => {
      if (isHeader) items().push({ kind: "rect", x: left, y, w: width, h, ink: "shade" });
      let x = left;
      wrapped.forEach((ls, i) => {
        ls.forEach((l, k) => {
          const top = y + CELL.y + k * lh;
          const at = numeric[i] ? x + widths[i] - CELL.x - measure(l, size) : x + CELL.x;
          text(l, at, top, size, "ink");
        });
        x += widths[i];
      });
      y += h;
      items().push({ kind: "rect", x: left, y: y - 0.4, w: width, h: 0.4, ink: "rule" });
    };
    const caption = block.caption ? wrapText(block.caption, width, SIZE.caption, measure) : [];
    const wrappedRows = rows.map(wrapRow);
    const first = wrappedRows[0] ? heightOf(wrappedRows[0]) : 0;
    // The caption keeps with the header and the first row.
    ensure(caption.length * lineHeight(SIZE.caption) + 2 + headerHeight + first);
    lines(caption, left, SIZE.caption, "muted");
    y += 2;
    drawRow(headerLines, headerHeight, true);
    for (const wrapped of wrappedRows) {
      const h = heightOf(wrapped);
      if (y + h > bottom) {
        newPage();
        drawRow(headerLines, headerHeight, true);
      }
      drawRow(wrapped, h, false);
    }
  }

  // Furniture: the simulated mark on every page (top right), the title from page 2, page n of N.
  const total = pages.length;
  const f = SIZE.furniture;
  pages.forEach((p, i) => {
    const top = 22;
    let room = width;
    if (doc.mark) {
      const w = measure(doc.mark, f) + 12;
      p.items.push({ kind: "rect", x: left + width - w, y: top - 3, w, h: lineHeight(f) + 6, ink: "markBg" });
      p.items.push({ kind: "text", text: doc.mark, x: left + width - w + 6, y: baseline(top, f), size: f, ink: "mark" });
      room -= w + 12;
    }
    if (i > 0)
      p.items.push({
        kind: "text",
        text: fitText(doc.title, room, f, measure),
        x: left,
        y: baseline(top, f),
        size: f,
        ink: "muted",
      });
    const foot = page.height - MARGIN.bottom + 18;
    const n = texts.page(i + 1, total);
    const nWidth = measure(n, f);
    p.items.push({ kind: "text", text: n, x: left + width - nWidth, y: baseline(foot, f), size: f, ink: "muted" });
    if (doc.footer) {
      p.items.push({
        kind: "text",
        text: fitText(doc.footer, width - nWidth - 16, f, measure),
        x: left,
        y: baseline(foot, f),
        size: f,
        ink: "muted",
      });
    }
  });
  return pages;
}
