/** Reading a table by column key, with each cell's place for messages. */
import { type Cell, COLUMNS, columnKey, type TableKind } from "./format";
import { columnLabel, type Issues, type Where } from "./issues";
import { msg } from "./messages";
import type { SourceTable } from "./read";

/** One row of a table, read by column key. */
export interface RowReader {
  row: number;
  /** The cell under `key` (null when the column is absent or the cell empty). */
  get(key: string): Cell;
  /** Whether the cell under `key` is a number formatted as a percentage (XLSX: 0.875 shown as 87.5%). */
  percent(key: string): boolean;
  /** Where the cell under `key` is (the row alone when the column is absent). */
  at(key: string): Where;
  /** Where the row is. */
  where: Where;
}

/**
 * The rows of a table of `kind`, or undefined when a required column is missing (reported).
 * Unknown columns are reported as warnings and ignored; a column given twice is an error.
 */
export function readRows(table: SourceTable, kind: TableKind, issues: Issues): RowReader[] | undefined {
  const base: Where = { file: table.file, ...(table.sheet === undefined ? {} : { sheet: table.sheet }) };
  const index = new Map<string, number>();
  let ok = true;
  table.header.forEach((h, i) => {
    if (h === "") return;
    const key = columnKey(h, kind);
    const at = { ...base, row: 1, column: columnLabel(i, h) };
    if (key === undefined) issues.warning(at, "table.unknown-column", msg.columnUnknown(h));
    else if (index.has(key)) {
      issues.error(at, "table.column-twice", msg.columnTwice(key));
      ok = false;
    } else index.set(key, i);
  });
  for (const c of COLUMNS[kind]) {
    if (c.required && !index.has(c.key)) {
      issues.error({ ...base, row: 1 }, "table.missing-column", msg.columnMissing(c.key));
      ok = false;
    }
  }
  if (!ok) return undefined;
  return table.rows.map(({ row, cells, percent }) => {
    const where = { ...base, row };
    return {
      row,
      where,
      get: (key) => {
        const i = index.get(key);
        return i === undefined ? null : (cells[i] ?? null);
      },
      percent: (key) => {
        const i = index.get(key);
        return i !== undefined && percent?.has(i) === true;
      },
      at: (key) => {
        const i = index.get(key);
        return i === undefined ? where : { ...where, column: columnLabel(i, table.header[i]) };
      },
    };
  });
}
