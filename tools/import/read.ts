/**
 * Reading the inputs into plain tables: CSV through papaparse (after detecting the
 * encoding), XLSX through ExcelJS, one table per CSV file or per worksheet. Every row keeps
 * the number a spreadsheet shows for it, so that messages point at the right place.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { type Cell, isPercentFormat } from "./format";
import type { Issues } from "./issues";
import { msg } from "./messages";

/** An input file: a name for messages (its path as given) and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/** `auto` detects UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030. */
export type Encoding = "auto" | "utf-8" | "gb18030";

/** One row as read: its number as a spreadsheet shows it, and its cells. */
export interface SourceRow {
  row: number;
  cells: Cell[];
  /**
   * Indexes of the cells that are numbers formatted as percentages (XLSX only): such a cell
   * holds 0.875 and shows 87.5%, and which of the two is meant depends on the row's indicator.
   */
  percent?: ReadonlySet<number>;
}

/** One table as read: the header row (row 1) and the non-empty rows below it. */
export interface SourceTable {
  file: string;
  sheet?: string;
  /** How a CSV file was decoded (`UTF-8`, `UTF-8 BOM`, `GB18030`…); absent for XLSX. */
  encoding?: string;
  header: string[];
  rows: SourceRow[];
}

/** Text from bytes: a BOM decides; else UTF-8 when the bytes are valid UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array, encoding: Encoding = "auto"): { text: string; encoding: string } | undefined {
  const utf8 = (): string | undefined => {
    try {
      // fatal: invalid UTF-8 throws rather than turning into U+FFFD; the BOM is dropped.
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === "gb18030") return { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "GB18030" };
  if (encoding === "utf-8") {
    const text = utf8();
    return text === undefined ? undefined : { text, encoding: bom ? "UTF-8 BOM" : "UTF-8" };
  }
  // Excel's "Unicode text" export is UTF-16 LE with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes), "utf-16le"), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes), "utf-16be"), encoding: "UTF-16BE" };
  const text = utf8();
  if (text !== undefined) return { text, encoding: bom ? "UTF-8 BOM" : "UTF-8" };
  return { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "GB18030" };
}

const isEmpty = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

/** Splits rows into the header (the first row) and the non-empty rows below it. */
function toTable(base: Omit<SourceTable, "header" | "rows">, rows: SourceRow[]): SourceTable | undefined {
  const [first, ...rest] = rows.filter((r) => !isEmpty(r.cells));
  if (!first) return undefined;
  return { ...base, header: first.cells.map((c) => (c === null ? "" : String(c).trim())), rows: rest };
}

/**
 * The delimiter, from the header line alone: comma, or tab (Excel's "text" export) or
 * semicolon (some European locales) when the header has more of those. Papaparse's own
 * guess weighs every row and can pick ";" for a comma file whose quoted texts hold "; ".
 */
export function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  const [best] = [",", "\t", ";"].sort((a, b) => count(b) - count(a));
  return count(best) > 0 ? best : ",";
}

export function readCsv(input: ImportInput, encoding: Encoding, issues: Issues): SourceTable[] {
  const decoded = decodeText(input.bytes, encoding);
  if (!decoded) {
    issues.error({ file: input.name }, "file.encoding", msg.notUtf8());
    return [];
  }
  // Records, not lines: a quoted cell may span lines, and a spreadsheet shows it as one row.
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: false, delimiter: delimiterOf(decoded.text) });
  for (const e of parsed.errors) {
    issues.error({ file: input.name, row: e.row === undefined ? undefined : e.row + 1 }, "file.csv", msg.csvSyntax(e.message));
  }
  if (parsed.errors.length > 0) return [];
  const rows = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === "" ? null : c)) }));
  const table = toTable({ file: input.name, encoding: decoded.encoding }, rows);
  return table ? [table] : [];
}

/** A cell of ExcelJS as plain text, number or boolean: formulas give their result, dates an ISO day. */
function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("error" in v) return v.error;
  if ("formula" in v || "sharedFormula" in v) return xlsxCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in v) return v.text;
  return null;
}

/** Sheets that explain the template rather than hold data. */
const README = /^(readme|说明)/i;

export async function readXlsx(input: ImportInput, issues: Issues): Promise<SourceTable[]> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS types `load` with a Buffer of its own (an ArrayBuffer); at run time a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(input.bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    issues.error({ file: input.name }, "file.xlsx", msg.notXlsx((e as Error).message));
    return [];
  }
  const tables: SourceTable[] = [];
  wb.eachSheet((ws) => {
    if (README.test(ws.name)) return;
    const rows: SourceRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      // row.values is 1-based: index 0 is always empty.
      const values = row.values as ExcelJS.CellValue[];
      for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
      const percent = new Set<number>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (typeof cells[col - 1] === "number" && isPercentFormat(cell.numFmt)) percent.add(col - 1);
      });
      rows.push({ row: rowNumber, cells, ...(percent.size > 0 ? { percent } : {}) });
    });
    const table = toTable({ file: input.name, sheet: ws.name }, rows);
    if (table) tables.push(table);
  });
  return tables;
}

/** Reads one input by its extension: `.csv`, `.txt`, `.tsv` as text, `.xlsx` as a workbook. */
export async function readInput(input: ImportInput, encoding: Encoding, issues: Issues): Promise<SourceTable[]> {
  const ext = /\.[^./\\]+$/.exec(input.name)?.[0].toLowerCase() ?? "";
  if (ext === ".xlsx") return readXlsx(input, issues);
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return readCsv(input, encoding, issues);
  issues.error({ file: input.name }, "file.type", msg.fileType(ext || input.name));
  return [];
}
