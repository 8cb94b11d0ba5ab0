/**
 * What the importer tells a data officer: every problem with the file, row and column it
 * was found at, in Chinese and in English. Errors stop the import; warnings are listed and
 * the import goes on.
 */
import type { Text } from "../../src/api/contract";

export type Severity = "error" | "warning";

/** Where a problem is: a file (and sheet), a spreadsheet row (the header is row 1), a column. */
export interface Where {
  file: string;
  sheet?: string;
  row?: number;
  /** The column as a spreadsheet shows it: its letter and its header, e.g. `D (value)`. */
  column?: string;
}

/** One problem found by the importer. */
export interface Issue extends Where, Text {
  severity: Severity;
  /** A stable id of the rule, for programs and tests (`value.not-a-number`). */
  rule: string;
}

/** `A`…`Z`, `AA`…: the letter of a zero-based column index, as spreadsheets label columns. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `D (value)`: the column label used in messages. */
export const columnLabel = (index: number, header: string): string => `${columnLetter(index)} (${header})`;

/** `data.xlsx [数据 data], 第3行 row 3, D列 column D (value)` */
export function formatWhere(w: Where): string {
  const parts = [w.sheet === undefined ? w.file : `${w.file} [${w.sheet}]`];
  if (w.row !== undefined) parts.push(`第${w.row}行 row ${w.row}`);
  if (w.column !== undefined) {
    const letter = w.column.split(" ")[0];
    parts.push(`${letter}列 column ${w.column}`);
  }
  return parts.join(", ");
}

const SEVERITY: Record<Severity, string> = { error: "错误 error", warning: "警告 warning" };

/** One line per issue: `错误 error  data.csv, 第3行 row 3, D列 column D (value): 数值“x”不是数字 / value "x" is not a number` */
export function formatIssue(i: Issue): string {
  return `${SEVERITY[i.severity]}  ${formatWhere(i)}: ${i.zh} / ${i.en}`;
}

/** Collects issues as the stages find them. */
export class Issues {
  readonly list: Issue[] = [];
  error(where: Where, rule: string, text: Text): void {
    this.list.push({ severity: "error", rule, ...where, ...text });
  }
  warning(where: Where, rule: string, text: Text): void {
    this.list.push({ severity: "warning", rule, ...where, ...text });
  }
  get errors(): number {
    return this.list.filter((i) => i.severity === "error").length;
  }
  get warnings(): number {
    return this.list.filter((i) => i.severity === "warning").length;
  }
}
