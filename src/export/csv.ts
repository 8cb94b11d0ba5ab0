import Papa from "papaparse";

export type Cell = string | number | null;

/** A table to write: a header row (in the reader's language) and data rows. */
export interface CsvTable {
  header: string[];
  rows: Cell[][];
  /** Columns (by index) that hold codes: written quoted as text, never as numbers. */
  textColumns?: number[];
}

/** Cells a spreadsheet would run as a formula (OWASP CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

/** A cell as CSV text: nulls empty, formula-like text neutralised with a leading apostrophe. */
export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line ends,
 * RFC 4180 quoting by papaparse, codes quoted as text, nulls empty.
 */
export function toCsv({ header, rows, textColumns = [] }: CsvTable): string {
  const quotes = header.map((_, i) => textColumns.includes(i));
  const body = Papa.unparse(
    { fields: header.map(csvCell), data: rows.map((r) => r.map(csvCell)) },
    { quotes, quoteChar: '"', escapeChar: '"', newline: "\r\n", header: true },
  );
  return `\uFEFF${body}\r\n`;
}
