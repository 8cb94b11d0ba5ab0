/**
 * The other direction: a dataset as the long format's tables, written as CSV (UTF-8 with a
 * BOM, so that Excel reads Chinese) or as one XLSX workbook. The templates are this export
 * of the project's catalogue with no data; the round-trip test is this export of the
 * simulated dataset, imported back.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Denominator, Indicator, Meta, Observation, Region } from "../../src/api/contract";
import { type Cell, headerOf, type TableKind } from "./format";

/** One table of the long format, ready to write. */
export interface LongTable {
  kind: TableKind;
  /** The sheet name in a workbook and the file name (`data.csv`) in a folder of CSV files. */
  sheet: string;
  header: string[];
  rows: Cell[][];
}

/** What the export needs of a dataset. */
export interface ExportSource {
  regions: readonly Region[];
  indicators: readonly Indicator[];
  observations: ReadonlyMap<string, readonly Observation[]>;
  meta?: Pick<Meta, "milestones">;
}

const SHEETS: Record<TableKind, string> = {
  data: "data 数据",
  catalogue: "catalogue 指标目录",
  targets: "targets 目标",
  milestones: "milestones 里程碑",
  regions: "regions 地区代码",
};

const yes = (b: boolean | undefined): Cell => (b === undefined ? null : String(b));

/**
 * The `denominators` cell: `gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; …`, each entry
 * as short as it can be (the unit and decimals only when given); null when there are none.
 */
export function denominatorsCell(ds: readonly Denominator[] | undefined): Cell {
  if (!ds || ds.length === 0) return null;
  return ds
    .map((d) => {
      const fields = [`${d.indicator} × ${d.scale}`, d.label.zh, d.label.en];
      if (d.unit !== undefined || d.decimals !== undefined) fields.push(d.unit?.zh ?? "", d.unit?.en ?? "");
      if (d.decimals !== undefined) fields.push(String(d.decimals));
      return fields.join(" | ");
    })
    .join("; ");
}

function catalogueRow(i: Indicator): Cell[] {
  const agg = i.aggregation.method === "sum" ? "sum" : `weighted-mean:${i.aggregation.weight}`;
  // In the order of COLUMNS.catalogue; targets go to their own table, each with its source.
  return [
    i.id,
    i.pillar,
    i.name.zh,
    i.name.en,
    i.unit.zh,
    i.unit.en,
    i.description.zh,
    i.description.en,
    i.source.zh,
    i.source.en,
    i.frequency,
    i.measure ?? null,
    i.direction,
    i.levels.join("|"),
    agg,
    i.decimals,
    null,
    null,
    null,
    yes(i.headline),
    yes(i.context),
    i.caution?.zh ?? null,
    i.caution?.en ?? null,
    denominatorsCell(i.denominators),
    null,
  ];
}

/** The long format's tables for a dataset: data, catalogue, targets, milestones, regions. */
export function exportLong(src: ExportSource): LongTable[] {
  const table = (kind: TableKind, rows: Cell[][]): LongTable => ({ kind, sheet: SHEETS[kind], header: headerOf(kind), rows });
  const data: Cell[][] = [];
  for (const ind of src.indicators) {
    for (const o of src.observations.get(ind.id) ?? []) data.push([o.region, ind.id, o.period, o.value, o.status, null]);
  }
  return [
    table("data", data),
    table("catalogue", src.indicators.map(catalogueRow)),
    table(
      "targets",
      src.indicators.flatMap((i) =>
        i.targets.map((t) => [
          i.id,
          t.region,
          t.period,
          t.value,
          t.base?.period ?? null,
          t.base?.value ?? null,
          t.source.zh,
          t.source.en,
        ]),
      ),
    ),
    table(
      "milestones",
      (src.meta?.milestones ?? []).map((m) => [m.date, m.label.zh, m.label.en]),
    ),
    table(
      "regions",
      src.regions.map((r) => [r.code, r.level, r.parent, r.name.zh, r.name.en]),
    ),
  ];
}

/** A table as CSV text: UTF-8 with a BOM (Excel then reads Chinese), CRLF, empty cells for nulls. */
export function toCsv(t: LongTable): string {
  return `\uFEFF${Papa.unparse({ fields: t.header, data: t.rows.map((r) => r.map((c) => c ?? "")) }, { newline: "\r\n" })}\r\n`;
}

/** The CSV file name of a table: `data.csv`, `catalogue.csv`… */
export const csvName = (t: LongTable): string => `${t.kind}.csv`;

/** Columns that hold codes: kept as text, so that a spreadsheet never turns them into numbers. */
const TEXT_COLUMNS = new Set(["region", "code", "parent", "period", "base_period", "indicator", "id"]);

/**
 * Tables as one XLSX workbook: a readme sheet first when given, then one sheet per table,
 * header in bold and frozen, code columns formatted as text.
 */
export async function toXlsx(tables: readonly LongTable[], readme?: readonly string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "gd-digital-economy-dashboard";
  if (readme) {
    const ws = wb.addWorksheet("readme 说明");
    for (const line of readme) ws.addRow([line]);
    ws.getColumn(1).width = 120;
  }
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    t.header.forEach((h, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.min(60, Math.max(12, h.length + 4));
      if (TEXT_COLUMNS.has(h.split(" ")[0])) column.numFmt = "@";
    });
    for (const r of t.rows) ws.addRow(r.map((c) => c ?? null));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
