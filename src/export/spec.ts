import type { Indicator, Observation, Region } from "../api/contract";
import type { EChartsOption } from "../charts/echarts";
import type { MapRow } from "../charts/map/map-data";
import type { Change } from "../domain/change";
import { pick, type Translate } from "../i18n/format";
import type { Lang } from "../state/url";
import type { CsvTable } from "./csv";
import type { FileNameParts } from "./filename";
import { tidy } from "./series-table";

/** Everything a panel offers for export; built on demand, when the user asks. */
export interface ExportSpec {
  title: string;
  /** Regions, period, level. */
  subtitle: string;
  /** The screen's option (from the same builder), or null for a table-only panel. */
  option: EChartsOption | null;
  file: FileNameParts;
  /** Exactly the data shown. */
  csv: () => CsvTable;
  /** The indicator for all regions and periods. */
  indicator?: Indicator;
  /** Where the numbers come from, for the footer. */
  source: string;
  /** The chart's CSS size on screen (filled in by the export menu). */
  size?: { width: number; height: number };
}

/** The header of a long table of observations, in the reader's language. */
export const observationsHeader = (t: Translate): string[] => [
  t("table.code"),
  t("table.name"),
  t("export.level"),
  t("export.period"),
  t("table.value"),
  t("data.unit"),
  t("table.status"),
];

/**
 * A long table of observations: code (as text), name, level, period, value, unit, status,
 * header in the reader's language, nulls empty.
 */
export function observationsTable(
  ind: Indicator,
  regions: readonly Region[],
  observations: readonly Observation[],
  lang: Lang,
  t: Translate,
): CsvTable {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return {
    header: observationsHeader(t),
    textColumns: [0],
    rows: observations.map((o) => {
      const r = byCode.get(o.region);
      return [
        o.region,
        r ? pick(r.name, lang) : "",
        r ? t(`level.${r.level}`) : "",
        o.period,
        o.value,
        pick(ind.unit, lang),
        t(`status.${o.status}`),
      ];
    }),
  };
}

/** The footer line of an export: source, data version, export date. */
export function footerText(source: string, dataVersion: string, date: Date, t: Translate): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  return t("export.footer", { source, version: dataVersion, date: day });
}

/**
 * A change as two cells, the number and its unit ("%" or percentage points): a signed text such
 * as "+0.5 pp" would be neutralised as a formula and would no longer be a number in a spreadsheet.
 */
export function changeCells(c: Change | null, t: Translate): [number | null, string | null] {
  return c ? [tidy(c.value), t(c.kind === "pp" ? "export.pp" : "export.pct")] : [null, null];
}

/** The rows of a map, ranking or map table as shown: code, name, value, unit, rank, change, status. */
export function mapRowsTable(rows: readonly MapRow[], ind: Indicator, lang: Lang, t: Translate): CsvTable {
  return {
    header: [
      t("table.code"),
      t("table.name"),
      t("table.value"),
      t("data.unit"),
      t("table.rank"),
      t("table.change"),
      t("export.changeUnit"),
      t("table.status"),
    ],
    textColumns: [0],
    rows: rows.map((r) => [
      r.code,
      pick(r.name, lang),
      r.value,
      pick(ind.unit, lang),
      r.rank,
      ...changeCells(r.change, t),
      r.status ? t(`status.${r.status}`) : null,
    ]),
  };
}
