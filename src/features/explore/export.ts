/**
 * What the Explore view's panels export: pure functions from the data a panel draws to the
 * CSV it offers, so that a test can call the very function the Export menu calls.
 */
import type { Indicator, Level, Region } from "../../api/contract";
import type { Cell, CsvTable } from "../../export/csv";
import { tidy } from "../../export/series-table";
import { observationsHeader } from "../../export/spec";
import { pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { InputsData } from "./inputs-option";
import type { TableModel } from "./table-model";

/** The level part of a file name: the one level of the regions shown, or "mixed". */
export function fileLevel(regions: readonly Pick<Region, "level">[]): string {
  const levels = [...new Set(regions.map((r) => r.level))];
  return levels.length === 1 ? levels[0] : "mixed";
}

/** "2020–2023" for a subtitle, "2020-2023" for a file name; one period alone when the range is one. */
export const rangeText = (from: string, to: string, dash = "–"): string => (from === to ? from : `${from}${dash}${to}`);

/** "Guangzhou, Shenzhen; 2020–2023; city": the regions, the period and the level(s) of an export. */
export function exploreSubtitle(regions: readonly Region[], period: string, lang: Lang, t: Translate): string {
  return t("explore.export.subtitle", {
    regions: regions.map((r) => pick(r.name, lang)).join(t("explore.listSeparator")),
    period,
    levels: [...new Set(regions.map((r) => r.level))].map((l: Level) => t(`level.${l}`)).join(" / "),
  });
}

/** The distinct sources of the indicators a chart draws, in the reader's language. */
export function sourcesOf(indicators: readonly Indicator[], lang: Lang): string {
  return [...new Set(indicators.map((i) => pick(i.source, lang)))].join("; ");
}

/**
 * The table tab as shown, one row per region and period (long, so that status is a column):
 * a gap is a null value with no status, never a zero.
 */
export function tableModelTable(
  model: TableModel,
  indicator: Indicator,
  lang: Lang,
  t: Translate,
  extra?: { header: string[]; cells: (code: string, period: string) => Cell[] },
): CsvTable {
  const unit = pick(indicator.unit, lang);
  return {
    header: [...observationsHeader(t), ...(extra?.header ?? [])],
    textColumns: [0],
    rows: model.rows.flatMap((row) =>
      row.cells.map((c) => [
        row.code,
        pick(row.name, lang),
        t(`level.${row.level}`),
        c.period,
        c.value,
        unit,
        c.status ? t(`status.${c.status}`) : null,
        ...(extra?.cells(row.code, c.period) ?? []),
      ]),
    ),
  };
}

/**
 * The funding or talent chart's numbers as drawn for one region: each input's level and percent
 * change on the year before, then the outcome's change (percent, or points for a rate).
 */
export function inputsTable(data: InputsData, outcome: Indicator, region: Region, lang: Lang, t: Translate): CsvTable {
  const pp = t("explore.inputs.pp");
  const rows = [
    ...data.bars.map((bar) => ({ name: pick(bar.indicator.name, lang), ind: bar.indicator, kind: "pct", points: bar.points })),
    {
      name: t("explore.inputs.outcomeSeries", { name: pick(outcome.name, lang) }),
      ind: outcome,
      kind: data.line.kind,
      points: data.line.points,
    },
  ];
  return {
    header: [
      t("table.code"),
      t("table.name"),
      t("explore.inputs.indicator"),
      t("export.period"),
      t("table.value"),
      t("data.unit"),
      t("table.change"),
      t("export.changeUnit"),
      t("table.status"),
    ],
    textColumns: [0],
    rows: rows.flatMap((r) =>
      r.points.map((p, i) => [
        region.code,
        pick(region.name, lang),
        r.name,
        data.years[i],
        p.value,
        pick(r.ind.unit, lang),
        tidy(p.change),
        r.kind === "pp" ? pp : "%",
        p.status ? t(`status.${p.status}`) : null,
      ]),
    ),
  };
}
