import type { Indicator } from "../../api/contract";
import type { CsvTable } from "../../export/csv";
import { tidy } from "../../export/series-table";
import { mapRowsTable } from "../../export/spec";
import type { Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { MapMeasure, MapRow } from "./map-data";

/**
 * The rows of a map, ranking or map table as shown (export/spec.ts `mapRowsTable`: code, name,
 * value, unit, rank, change, status) and, for a measure (`mapMeasure`), the numerator, the
 * denominator and the denominator's period each ratio was computed from. Kept here, with the
 * lazy map code, so that the Overview's JavaScript does not carry it.
 */
export function measuredMapRowsTable(
  rows: readonly MapRow[],
  ind: Indicator,
  lang: Lang,
  t: Translate,
  measure: MapMeasure | null,
): CsvTable {
  const base = mapRowsTable(rows, ind, lang, t);
  // A ratio without floating-point noise (8.884000000000001 → 8.884).
  const value = base.header.indexOf(t("table.value"));
  const cleaned = base.rows.map((cells) => cells.map((c, i) => (i === value && typeof c === "number" ? tidy(c) : c)));
  if (!measure) return { ...base, rows: cleaned };
  return {
    ...base,
    header: [...base.header, measure.numerator, measure.denominator, ...(measure.period ? [measure.period] : [])],
    rows: cleaned.map((cells, i) => {
      const r = rows[i];
      return [
        ...cells,
        r.numerator ?? null,
        tidy(r.denominator ?? null),
        ...(measure.period ? [r.denominatorPeriod ?? null] : []),
      ];
    }),
  };
}
