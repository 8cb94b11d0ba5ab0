/**
 * Fair comparison of regions of very different size: an amount divided by a denominator (a
 * context indicator such as population or GDP, or land area). A choropleth of raw totals
 * colours the largest districts darkest whatever their development; per resident, per GDP or
 * per km² they compare on what they do, not on how big they are (OECD/JRC Handbook on
 * Constructing Composite Indicators, 2008: normalise for size before aggregating).
 *
 * Rules, pure and shared by every view, export and the index:
 * - value = numerator ÷ denominator × scale, for the same region and period;
 * - a missing, zero, negative or non-finite denominator (or a missing numerator) gives no
 *   value (null), never 0 or Infinity;
 * - a parent's ratio is the ratio of its sums, Σ numerator ÷ Σ denominator over the same
 *   regions and period (= the mean of the children's ratios weighted by their denominators),
 *   never a plain mean of the children's ratios;
 * - a quarter takes the denominator of the same quarter, else, for a stock denominator (and
 *   land area, which has no period), the value of its year.
 */
import type { Denominator, Indicator, Observation, Status, Text } from "../api/contract";
import { isRate, measureOf } from "./measure";
import { isQuarter } from "./periods";

/** The `per` of an indicator shown as it is published. */
export const TOTAL = "total";
/** The `per` of land area, always available: km² computed from the boundary file. */
export const AREA = "area";
/** Land area is shown per 1,000 km² (a county is typically 1,000–3,000 km²). */
export const AREA_SCALE = 1_000;

/** One way of showing an indicator: as published, or divided by a denominator. */
export interface MeasureChoice {
  /** `total`, `area` or the denominator indicator's id: what the URL's `per=` holds. */
  per: string;
  /** Null for the total; else what divides it. */
  denominator: { kind: "indicator"; id: string } | { kind: "area" } | null;
  scale: number;
  /** The measure's name ("per 10,000 residents"); null for the total. */
  label: Text | null;
  unit: Text;
  decimals: number;
}

/** An amount, not a rate or a base figure: what may be divided by a denominator. */
export const isAmount = (ind: Pick<Indicator, "unit" | "context">): boolean => !isRate(ind) && !ind.context;

const totalOf = (ind: Indicator): MeasureChoice => ({
  per: TOTAL,
  denominator: null,
  scale: 1,
  label: null,
  unit: ind.unit,
  decimals: ind.decimals,
});

const fromDenominator = (d: Denominator): MeasureChoice => ({
  per: d.indicator,
  denominator: { kind: "indicator", id: d.indicator },
  scale: d.scale,
  label: d.label,
  unit: d.unit ?? d.label,
  decimals: d.decimals ?? 1,
});

const perArea = (ind: Indicator): MeasureChoice => ({
  per: AREA,
  denominator: { kind: "area" },
  scale: AREA_SCALE,
  label: { zh: "每千平方公里", en: "per 1,000 km²" },
  unit: { zh: `${ind.unit.zh}/千平方公里`, en: `${ind.unit.en} per 1,000 km²` },
  decimals: Math.max(ind.decimals, 1),
});

/**
 * The measures an indicator offers, its natural intensive form first: for an amount, its
 * catalogue denominators that the catalogue holds and that are published at every level the
 * indicator is, then land area, then the total; for a rate or a base figure, only itself.
 */
export function measuresOf(ind: Indicator, catalogue: readonly Indicator[]): MeasureChoice[] {
  if (!isAmount(ind)) return [totalOf(ind)];
  const byId = new Map(catalogue.map((i) => [i.id, i]));
  const usable = (ind.denominators ?? []).filter((d) => {
    const den = byId.get(d.indicator);
    return den !== undefined && d.indicator !== ind.id && ind.levels.every((l) => den.levels.includes(l));
  });
  const seen = new Set<string>();
  const unique = usable.filter((d) => !seen.has(d.indicator) && seen.add(d.indicator));
  return [...unique.map(fromDenominator), perArea(ind), totalOf(ind)];
}

/**
 * The measure the URL's `per` asks for, or the indicator's default (its natural intensive
 * form: the first measure) when the URL names none; `unknown` when it names one the indicator
 * does not offer (then the default is shown and the parameter reported).
 */
export function resolveMeasure(
  ind: Indicator,
  catalogue: readonly Indicator[],
  per: string | null,
): { choice: MeasureChoice; unknown: boolean; implicit: boolean } {
  const all = measuresOf(ind, catalogue);
  const found = per === null ? undefined : all.find((m) => m.per === per);
  return { choice: found ?? all[0], unknown: per !== null && !found, implicit: per === null };
}

/** The indicator as a measure shows it: its name says the measure, its unit and decimals are the ratio's. */
export function measuredIndicator(ind: Indicator, choice: MeasureChoice): Indicator {
  if (choice.denominator === null) return ind;
  const { label, unit, decimals } = choice;
  const rate = isRate({ unit });
  return {
    ...ind,
    name: {
      zh: `${ind.name.zh}（${(label as Text).zh}）`,
      // "5G base stations per 10,000 residents", but "Digital infrastructure investment, share of GDP".
      en: `${ind.name.en}${/^per\b/.test((label as Text).en) ? " " : ", "}${(label as Text).en}`,
    },
    unit,
    decimals,
    // A ratio of sums is the mean of the children's ratios weighted by their denominators.
    aggregation: { method: "weighted-mean", weight: choice.denominator.kind === "indicator" ? choice.denominator.id : AREA },
    // Targets are set on the amount, not on a ratio of it.
    targets: [],
    measure: rate ? "rate" : measureOf(ind) === "rate" ? undefined : "stock",
    denominators: undefined,
  };
}

const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** numerator ÷ denominator × scale, or null when either is missing or the denominator is not positive. */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  scale: number,
): number | null {
  if (!finite(numerator) || !finite(denominator) || denominator <= 0) return null;
  const r = (numerator / denominator) * scale;
  return Number.isFinite(r) ? r : null;
}

/** One region's part of a parent's ratio. */
export interface RatioPart {
  numerator: number | null;
  denominator: number | null;
}

/**
 * A parent's ratio: Σ numerator ÷ Σ denominator × scale over the parts that have both (a part
 * missing either is left out of both sums, so that the two sums cover the same regions); null
 * when no part has both or the denominators sum to zero or less.
 */
export function ratioOfSums(parts: readonly RatioPart[], scale: number): number | null {
  let num = 0;
  let den = 0;
  let any = false;
  for (const p of parts) {
    if (!finite(p.numerator) || !finite(p.denominator)) continue;
    num += p.numerator;
    den += p.denominator;
    any = true;
  }
  return any ? ratio(num, den, scale) : null;
}

/** An observation of a measure: its value and what it was computed from (for tables and CSV). */
export interface MeasuredObservation extends Observation {
  numerator: number | null;
  denominator: number | null;
  /** The denominator's period: the same, the year of a quarter, or null for land area. */
  denominatorPeriod: string | null;
}

const STATUS_ORDER: Record<Status, number> = { final: 0, preliminary: 1, estimated: 2 };
/** The less final of two statuses: a figure computed from an estimate is an estimate. */
export const leastFinal = (a: Status, b: Status): Status => (STATUS_ORDER[a] >= STATUS_ORDER[b] ? a : b);

/** The denominator's values: observations of a context indicator, or land areas by region (no period). */
export type DenominatorValues =
  | { kind: "indicator"; observations: readonly Observation[]; stock: boolean }
  | { kind: "area"; km2: ReadonlyMap<string, number> };

/** A catalogue denominator's values: a quarter may take its year's value only when it is a stock. */
export const denominatorValues = (denominator: Indicator, observations: readonly Observation[]): DenominatorValues => ({
  kind: "indicator",
  observations,
  stock: measureOf(denominator) === "stock",
});

/**
 * The numerator's observations divided by the denominator's, region by region and period by
 * period, in the numerator's order. For the total (no denominator) the observations pass
 * through with themselves as numerator.
 */
export function measuredObservations(
  numerator: readonly Observation[],
  choice: MeasureChoice,
  denominator?: DenominatorValues,
): MeasuredObservation[] {
  if (choice.denominator === null || !denominator) {
    return numerator.map((o) => ({ ...o, numerator: o.value, denominator: null, denominatorPeriod: null }));
  }
  if (denominator.kind === "area") {
    return numerator.map((o) => {
      const den = denominator.km2.get(o.region) ?? null;
      return { ...o, value: ratio(o.value, den, choice.scale), numerator: o.value, denominator: den, denominatorPeriod: null };
    });
  }
  const byKey = new Map(denominator.observations.map((o) => [`${o.region}@${o.period}`, o]));
  return numerator.map((o) => {
    let den = byKey.get(`${o.region}@${o.period}`);
    if ((den === undefined || den.value === null) && isQuarter(o.period) && denominator.stock) {
      den = byKey.get(`${o.region}@${o.period.slice(0, 4)}`);
    }
    const value = ratio(o.value, den?.value, choice.scale);
    return {
      region: o.region,
      period: o.period,
      value,
      status: den ? leastFinal(o.status, den.status) : o.status,
      numerator: o.value,
      denominator: den?.value ?? null,
      denominatorPeriod: den?.period ?? null,
    };
  });
}
