import type { Region } from "../api/contract";
import { axisPeriods, type SeriesInput } from "../charts/series-option";
import { pick, type Translate } from "../i18n/format";
import type { Lang } from "../state/url";
import type { CsvTable } from "./csv";

/** A computed figure without floating-point noise (0.30000000000000004 → 0.3); published figures pass unchanged. */
export const tidy = (v: number | null): number | null => (v === null ? null : Number(v.toPrecision(12)));

/**
 * The data of a multi-line chart as drawn: one row per line and period on its axis (gaps as
 * nulls, never zeros), then its targets. A benchmark line has no code and no level of its own.
 */
export function seriesTable(input: SeriesInput, regions: readonly Region[], lang: Lang, t: Translate): CsvTable {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const periods = axisPeriods(input);
  const unit = pick(input.indicator.unit, lang);
  const level = (code: string) => {
    const r = byCode.get(code);
    return r ? t(`level.${r.level}`) : null;
  };
  const rows = input.lines.flatMap((line) => {
    const byPeriod = new Map(line.observations.map((o) => [o.period, o]));
    // The line's region: every observation of a region's line carries its code; a benchmark's none.
    const code = line.benchmark ? "" : (line.observations.find((o) => o.region)?.region ?? "");
    return periods.flatMap((period) => {
      const o = byPeriod.get(period);
      if (!o) return [];
      return [[line.name, code || null, code ? level(code) : null, period, tidy(o.value), unit, t(`status.${o.status}`)]];
    });
  });
  const targetName = t("chart.target");
  // As the builder draws them: the first target of each period on the axis.
  const targets = periods.flatMap((period) => {
    const x = input.targets?.find((target) => target.period === period);
    return x ? [[targetName, x.region, level(x.region), x.period, x.value, unit, null]] : [];
  });
  return {
    header: [
      t("export.series"),
      t("table.code"),
      t("export.level"),
      t("export.period"),
      t("table.value"),
      t("data.unit"),
      t("table.status"),
    ],
    textColumns: [1],
    rows: [...rows, ...targets],
  };
}
