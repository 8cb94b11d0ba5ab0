/**
 * The columns a measured or relative series adds to its CSV (after value, unit and status):
 * the numerator, the denominator and the denominator's period of each ratio, headers naming
 * them in the reader's language; for relative change, the base period and the figure indexed.
 * Kept apart from series-table.ts, which the Overview loads: only Compare and Explore use these.
 */
import type { Indicator, Observation, Region, Text } from "../api/contract";
import { axisPeriods, type SeriesInput } from "../charts/series-option";
import type { MeasureChoice } from "../domain/intensity";
import { pick, type Translate } from "../i18n/format";
import type { Lang } from "../state/url";
import type { Cell, CsvTable } from "./csv";
import { seriesTable, tidy } from "./series-table";

/** Columns a series CSV adds after value, unit and status (e.g. a measure's numerator and denominator). */
export interface ExtraColumns {
  header: string[];
  /** The value column's header, when it is not a plain value (an index). */
  value?: string;
  cells: (o: Observation) => Cell[];
}

/** The value column of seriesTable's rows. */
const VALUE_COLUMN = 4;

/**
 * seriesTable (the chart's data as drawn) with extra columns: the rows come in its order, one
 * per line and period with an observation, then the targets (which get empty cells). Kept out
 * of series-table.ts, which the Overview loads.
 */
export function seriesTableWith(
  input: SeriesInput,
  regions: readonly Region[],
  lang: Lang,
  t: Translate,
  extra?: ExtraColumns,
): CsvTable {
  const table = seriesTable(input, regions, lang, t);
  if (!extra) return table;
  const periods = axisPeriods(input);
  const drawn = input.lines.flatMap((line) => {
    const byPeriod = new Map(line.observations.map((o) => [o.period, o]));
    return periods.flatMap((p) => byPeriod.get(p) ?? []);
  });
  const header = [...table.header, ...extra.header];
  if (extra.value) header[VALUE_COLUMN] = extra.value;
  return {
    ...table,
    header,
    rows: table.rows.map((row, i) => [...row, ...(i < drawn.length ? extra.cells(drawn[i]) : extra.header.map(() => null))]),
  };
}

/** What divides a measure, as its CSV headers name it; null for the total. */
export function denominatorOf(
  choice: MeasureChoice,
  catalogue: readonly Indicator[],
  t: Translate,
): { name: Text; unit: Text } | null {
  const den = choice.denominator;
  if (!den) return null;
  if (den.kind === "area") {
    // Named in the reader's language: the CSV is written in one.
    const name = t("compare.measureCsv.area");
    const unit = t("compare.measureCsv.km2");
    return { name: { zh: name, en: name }, unit: { zh: unit, en: unit } };
  }
  const ind = catalogue.find((i) => i.id === den.id);
  return ind ? { name: ind.name, unit: ind.unit } : { name: { zh: den.id, en: den.id }, unit: { zh: "", en: "" } };
}

type Extra = Observation & {
  numerator?: number | null;
  denominator?: number | null;
  denominatorPeriod?: string | null;
  raw?: number | null;
  basePeriod?: string | null;
};

/**
 * The extra columns of a series CSV: for a measure (`published` is the indicator as published,
 * `denominator` from denominatorOf) its numerator, denominator and denominator period; for
 * relative change (`shown` is the measure indexed) the base period and the figure before
 * indexing, and the value column is headed as an index. Undefined when there is nothing to add.
 */
export function measureColumns(
  input: {
    published: Indicator;
    shown: Indicator;
    denominator: { name: Text; unit: Text } | null;
    relative: boolean;
  },
  lang: Lang,
  t: Translate,
): ExtraColumns | undefined {
  const { published, shown, denominator, relative } = input;
  if (!denominator && !relative) return undefined;
  const header: string[] = [];
  const parts: ((o: Extra) => Cell)[] = [];
  if (relative) {
    header.push(t("compare.axisMode.basePeriod"), `${pick(shown.name, lang)} (${pick(shown.unit, lang)})`);
    parts.push(
      (o) => o.basePeriod ?? null,
      (o) => tidy(o.raw ?? null),
    );
  }
  if (denominator) {
    header.push(
      t("compare.measureCsv.numerator", { name: pick(published.name, lang), unit: pick(published.unit, lang) }),
      t("compare.measureCsv.denominator", { name: pick(denominator.name, lang), unit: pick(denominator.unit, lang) }),
      t("compare.measureCsv.denominatorPeriod"),
    );
    parts.push(
      (o) => o.numerator ?? null,
      (o) => o.denominator ?? null,
      (o) => o.denominatorPeriod ?? null,
    );
  }
  return {
    header,
    value: relative ? t("compare.axisMode.indexHeader") : undefined,
    cells: (o) => parts.map((f) => f(o as Extra)),
  };
}

/** The indicator part of a file name: `5g-base-stations-per-population`, the id alone for the total. */
export const measureFileId = (id: string, choice: Pick<MeasureChoice, "per" | "denominator">): string =>
  choice.denominator === null ? id : `${id}-per-${choice.per}`;

/** A subtitle with the axis mode said ("…; first period = 100; log scale"). */
export function axisSubtitle(subtitle: string, mode: { log: boolean; relative: boolean }, t: Translate): string {
  return [subtitle, mode.relative ? t("axis.relativeUnit") : "", mode.log ? t("compare.axisMode.subtitleLog") : ""]
    .filter(Boolean)
    .join(" · ");
}
