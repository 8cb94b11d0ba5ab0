/**
 * What the Compare view's panels export: pure functions from the data a panel draws to the
 * CSV it offers, so that a test can call the very function the Export menu calls.
 */
import type { Indicator, Pillar, Region, Text } from "../../api/contract";
import type { MapRow } from "../../charts/map/map-data";
import type { Line } from "../../charts/series-option";
import type { IndexResult } from "../../domain/index-score";
import { comparePeriods } from "../../domain/periods";
import type { CsvTable } from "../../export/csv";
import { tidy } from "../../export/series-table";
import { changeCells } from "../../export/spec";
import { pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { BenchmarkRow, CompareLevel, RankedRow } from "./compare-data";

/** The level part of a file name: the selection's one level, or "mixed". */
export const fileLevel = (levels: readonly CompareLevel[]): string => (levels.length === 1 ? levels[0] : "mixed");

/** The first and last period the lines of a chart have observations for, or null for none. */
export function spanOf(lines: readonly Line[]): { from: string; to: string } | null {
  const periods = [...new Set(lines.flatMap((l) => l.observations.map((o) => o.period)))].sort(comparePeriods);
  return periods.length ? { from: periods[0], to: periods[periods.length - 1] } : null;
}

/** "2018–2025" for a subtitle, "2018-2025" for a file name; one period alone when the span is one. */
export const spanText = (span: { from: string; to: string }, dash = "–"): string =>
  span.from === span.to ? span.from : `${span.from}${dash}${span.to}`;

/** "Tianhe, Futian; 2018–2025; county": the regions, the period and the level(s) of an export. */
export function compareSubtitle(names: readonly string[], period: string, levels: readonly CompareLevel[], t: Translate): string {
  return t("compare.export.subtitle", {
    regions: names.join(t("compare.export.separator")),
    period,
    levels: levels.map((l) => t(`level.${l}`)).join(" / "),
  });
}

/** The distinct sources of the indicators a chart draws, in the reader's language. */
export function sourcesOf(indicators: readonly Indicator[], lang: Lang): string {
  return [...new Set(indicators.map((i) => pick(i.source, lang)))].join("; ");
}

/**
 * The values table as shown: each selected region (code as text, its comparison level, value,
 * rank among that level, change, status), then the benchmarks (no code, no rank).
 */
export function valuesTable(
  input: {
    indicator: Indicator;
    selected: readonly Region[];
    levelOf: ReadonlyMap<string, CompareLevel>;
    rows: ReadonlyMap<CompareLevel, ReadonlyMap<string, MapRow>>;
    benchmarks: readonly BenchmarkRow[];
  },
  lang: Lang,
  t: Translate,
): CsvTable {
  const unit = pick(input.indicator.unit, lang);
  return {
    header: [
      t("table.code"),
      t("table.name"),
      t("export.level"),
      t("table.value"),
      t("data.unit"),
      t("table.rank"),
      t("compare.export.of"),
      t("table.change"),
      t("export.changeUnit"),
      t("table.status"),
    ],
    textColumns: [0],
    rows: [
      ...input.selected.map((r) => {
        const level = input.levelOf.get(r.code) ?? "city";
        const row = input.rows.get(level)?.get(r.code);
        return [
          r.code,
          pick(r.name, lang),
          t(`level.${level}`),
          row?.value ?? null,
          unit,
          row?.rank ?? null,
          row?.rank ? row.of : null,
          ...changeCells(row?.change ?? null, t),
          row?.status ? t(`status.${row.status}`) : null,
        ];
      }),
      ...input.benchmarks.map((b) => [
        null,
        b.name,
        null,
        tidy(b.value),
        unit,
        null,
        null,
        ...changeCells(b.change, t),
        b.status ? t(`status.${b.status}`) : null,
      ]),
    ],
  };
}

/**
 * The index of the selected units of one level, as the radar and the index table show it:
 * index, rank among the level, and each pillar's score (nulls where there is none).
 */
export function indexTable(
  input: { result: IndexResult; codes: readonly string[]; names: ReadonlyMap<string, Text>; level: CompareLevel },
  lang: Lang,
  t: Translate,
): CsvTable {
  const { result, codes, names, level } = input;
  const byCode = new Map(result.rows.map((r) => [r.code, r]));
  return {
    header: [
      t("table.code"),
      t("table.name"),
      t("export.level"),
      t("compare.indexCol"),
      t("table.rank"),
      t("compare.export.of"),
      ...result.pillars.map((p: Pillar) => t(`pillar.${p}`)),
    ],
    textColumns: [0],
    rows: codes.map((code) => {
      const row = byCode.get(code);
      return [
        code,
        pick(names.get(code) ?? { zh: code, en: code }, lang),
        t(`level.${level}`),
        tidy(row?.index ?? null),
        row?.rank ?? null,
        row?.rank ? row.of : null,
        ...result.pillars.map((p) => tidy(row?.pillars[p] ?? null)),
      ];
    }),
  };
}

/** The bars of a ranking as drawn (gaps left out): code, name, level, value, rank among the level. */
export function rankedTable(
  rows: readonly RankedRow[],
  level: CompareLevel,
  valueHeader: string,
  lang: Lang,
  t: Translate,
): CsvTable {
  return {
    header: [t("table.code"), t("table.name"), t("export.level"), valueHeader, t("table.rank"), t("compare.export.of")],
    textColumns: [0],
    rows: rows.map((r) => [r.code, pick(r.name, lang), t(`level.${level}`), tidy(r.value), r.rank, r.rank ? r.of : null]),
  };
}
