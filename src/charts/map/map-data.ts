import type { Indicator, Observation, Region, Status, Text } from "../../api/contract";
import { type Change, change } from "../../domain/change";
import type { MeasureChoice, MeasuredObservation } from "../../domain/intensity";
import { comparePeriods, previousYear } from "../../domain/periods";
import { pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";

/** One region on the map, the ranking and the table. */
export interface MapRow {
  code: string;
  name: Text;
  value: number | null;
  status: Status | null;
  /** 1 = best given the indicator's direction; ties share a rank; null without a value. */
  rank: number | null;
  /** How many regions at this level have a value. */
  of: number;
  change: Change | null;
  /** For a measure: what the value was computed from (absent for a plain observation). */
  numerator?: number | null;
  denominator?: number | null;
  /** The denominator's period (the year of a quarter), null for land area. */
  denominatorPeriod?: string | null;
}

export function buildRows(
  units: readonly Region[],
  observations: readonly (Observation | MeasuredObservation)[],
  period: string,
  ind: Indicator,
): MapRow[] {
  // 同比: a quarter is compared with the same quarter a year earlier, never the quarter before
  // (which would colour seasonality).
  const prev = previousYear(period);
  const now = new Map<string, Observation | MeasuredObservation>();
  const before = new Map<string, Observation>();
  for (const o of observations) {
    if (o.period === period) now.set(o.region, o);
    else if (o.period === prev) before.set(o.region, o);
  }
  const values = units.map((u) => now.get(u.code)?.value ?? null).filter((v): v is number => v !== null);
  const sign = ind.direction === "higher" ? -1 : 1;
  const ordered = values.sort((a, b) => sign * (a - b));
  return units.map((u) => {
    const o = now.get(u.code);
    const value = o?.value ?? null;
    return {
      code: u.code,
      name: u.name,
      value,
      status: o?.status ?? null,
      rank: value === null ? null : ordered.indexOf(value) + 1,
      of: ordered.length,
      change: change(ind, value, before.get(u.code)?.value ?? null),
      ...(o && "numerator" in o
        ? { numerator: o.numerator, denominator: o.denominator, denominatorPeriod: o.denominatorPeriod }
        : {}),
    };
  });
}

/** The periods an indicator has data for at a level, oldest first. */
export function periodsOf(observations: readonly Observation[]): string[] {
  return [...new Set(observations.map((o) => o.period))].sort(comparePeriods);
}

/** The columns a measure adds to the map's table and CSV: headers and how to format each figure. */
export interface MapMeasure {
  /** "5G base stations (stations)" */
  numerator: string;
  /** "Population (10,000 people)", or "Land area (km², approximate)" */
  denominator: string;
  /** "Population period"; land area has none. */
  period: string | null;
  /** The indicators their figures are formatted as (land area: whole km²). */
  numeratorAs: Indicator;
  denominatorAs: Indicator;
}

/**
 * What a measure's columns are called, in the reader's language; null for the total (its value
 * is the published figure). `published` is the indicator as published, not as measured.
 */
export function mapMeasure(
  published: Indicator,
  choice: MeasureChoice,
  catalogue: readonly Indicator[],
  lang: Lang,
  t: Translate,
): MapMeasure | null {
  const den = choice.denominator;
  if (den === null) return null;
  const numerator = t("measure.column", { name: pick(published.name, lang), unit: pick(published.unit, lang) });
  if (den.kind === "area") {
    const km2 = t("measure.km2");
    return {
      numerator,
      denominator: t("measure.areaColumn"),
      period: null,
      numeratorAs: published,
      denominatorAs: { ...published, unit: { zh: km2, en: km2 }, decimals: 0 },
    };
  }
  const ind = catalogue.find((i) => i.id === den.id);
  const name = ind ? pick(ind.name, lang) : den.id;
  return {
    numerator,
    denominator: ind ? t("measure.column", { name, unit: pick(ind.unit, lang) }) : name,
    period: t("measure.periodColumn", { name }),
    numeratorAs: published,
    denominatorAs: ind ?? published,
  };
}
