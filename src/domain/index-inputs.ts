/**
 * What enters the Digital Development Index, and in which form: the one rule shared by
 * Compare, the tier map, the region profile (its standing, strengths and weaknesses,
 * percentiles and neighbours) and Data & methods' table.
 *
 * A composite index must not reward size (OECD/JRC Handbook on Constructing Composite
 * Indicators, 2008: normalise for size before aggregating). So:
 * - a rate (unit %) enters as it is published;
 * - an amount enters in its natural intensive form: ÷ its first usable catalogue denominator
 *   × scale, for the same region and year (intensity.ts's ratio rules), never as a raw total;
 * - an amount without a catalogue denominator is left out, and says so: land area is no
 *   natural form for the index (per km² rewards density, which is size in another guise);
 * - a base figure (context: population, GDP…) never enters; it is what amounts are divided by.
 */
import type { Indicator, Level, Observation } from "../api/contract";
import type { IndexIndicator } from "./index-score";
import {
  denominatorValues,
  isAmount,
  type MeasureChoice,
  measuredIndicator,
  measuredObservations,
  measuresOf,
} from "./intensity";

/** Why an indicator stays out of the index. */
export type LeftOut =
  /** A base figure: a denominator and a weight, not a measure of digital development. */
  | "context"
  /** An amount whose catalogue names no denominator usable at its levels: only per km² or the total. */
  | "no-denominator"
  /** Not published at the level the index is computed at. */
  | "level";

/** How one indicator of the catalogue enters the index. */
export type IndexEntry =
  | { indicator: Indicator; form: "as-is" }
  | {
      indicator: Indicator;
      form: "ratio";
      choice: MeasureChoice & { denominator: { kind: "indicator"; id: string } };
      /** The denominator indicator (a base figure of the catalogue). */
      denominator: Indicator;
      /** The indicator as the ratio shows it: name with its measure, unit and decimals of the ratio. */
      measured: Indicator;
    }
  | { indicator: Indicator; form: "out"; reason: LeftOut };

export type EnteringEntry = Exclude<IndexEntry, { form: "out" }>;

/** How `ind` enters the index (at `level`, when given). */
export function indexEntry(ind: Indicator, catalogue: readonly Indicator[], level?: Level): IndexEntry {
  if (ind.context) return { indicator: ind, form: "out", reason: "context" };
  if (level && !ind.levels.includes(level)) return { indicator: ind, form: "out", reason: "level" };
  if (!isAmount(ind)) return { indicator: ind, form: "as-is" };
  const natural = measuresOf(ind, catalogue)[0];
  const den = natural.denominator;
  const denominator = den?.kind === "indicator" ? catalogue.find((i) => i.id === den.id) : undefined;
  if (den?.kind !== "indicator" || !denominator) return { indicator: ind, form: "out", reason: "no-denominator" };
  return {
    indicator: ind,
    form: "ratio",
    choice: { ...natural, denominator: den },
    denominator,
    measured: measuredIndicator(ind, natural),
  };
}

/** Every indicator of the catalogue with how it enters the index, in catalogue order. */
export function indexPlan(catalogue: readonly Indicator[], level?: Level): IndexEntry[] {
  return catalogue.map((ind) => indexEntry(ind, catalogue, level));
}

/** The entries that enter the index at `level`. */
export function indexEntries(catalogue: readonly Indicator[], level: Level): EnteringEntry[] {
  return indexPlan(catalogue, level).filter((e): e is EnteringEntry => e.form !== "out");
}

/**
 * Every series the index reads at a level: the indicators that enter and the denominators of
 * those that enter as ratios (each id once, the entering ones first).
 */
export function indexSeries(catalogue: readonly Indicator[], level: Level): string[] {
  const entries = indexEntries(catalogue, level);
  return [
    ...new Set([
      ...entries.map((e) => e.indicator.id),
      ...entries.flatMap((e) => (e.form === "ratio" ? [e.denominator.id] : [])),
    ]),
  ];
}

/** The indicator as the index reads it: the ratio's for an amount, itself for a rate. */
export const indexedIndicator = (e: EnteringEntry): Indicator => (e.form === "ratio" ? e.measured : e.indicator);

/**
 * One entry's observations as the index reads them: a rate's as they are, an amount's divided
 * by its denominator region by region and period by period (null where either is missing or
 * the denominator is not positive). `data` holds the series by indicator id.
 */
export function indexObservations(e: EnteringEntry, data: ReadonlyMap<string, readonly Observation[]>): Observation[] {
  const obs = data.get(e.indicator.id) ?? [];
  if (e.form === "as-is") return [...obs];
  const den = data.get(e.denominator.id) ?? [];
  return measuredObservations(obs, e.choice, denominatorValues(e.denominator, den)).map(({ region, period, value, status }) => ({
    region,
    period,
    value,
    status,
  }));
}

/** Each region's value in one period. */
const valuesIn = (obs: readonly Observation[], period: string): Map<string, number | null> =>
  new Map(obs.filter((o) => o.period === period).map((o) => [o.region, o.value]));

/**
 * The index's inputs for `year` at `level`: each entering indicator with its values per region
 * in the form indexEntry gives it (size-free), for computeIndex.
 */
export function indexInputs(
  catalogue: readonly Indicator[],
  level: Level,
  data: ReadonlyMap<string, readonly Observation[]>,
  year: string,
): IndexIndicator[] {
  return indexEntries(catalogue, level).map((e) => {
    // Only the year's figures are divided: the rest of the series is not needed here.
    const only = new Map<string, readonly Observation[]>();
    only.set(
      e.indicator.id,
      (data.get(e.indicator.id) ?? []).filter((o) => o.period === year),
    );
    if (e.form === "ratio")
      only.set(
        e.denominator.id,
        (data.get(e.denominator.id) ?? []).filter((o) => o.period === year),
      );
    return {
      id: e.indicator.id,
      pillar: e.indicator.pillar,
      direction: e.indicator.direction,
      values: valuesIn(indexObservations(e, only), year),
    };
  });
}

/** The levels the index is computed at: cities among cities, county-level units among themselves. */
export const INDEX_LEVELS = ["city", "county"] as const satisfies readonly Level[];

/** One row of Data & methods' table: how an indicator enters the index, and at which levels. */
export interface IndexPlanRow {
  /** At the first index level it is published at; left out for `level` when at none. */
  entry: IndexEntry;
  /** The index levels it enters at. */
  levels: Level[];
}

/** Every indicator of the catalogue, in catalogue order, with how and where it enters the index. */
export function indexPlanTable(catalogue: readonly Indicator[]): IndexPlanRow[] {
  return catalogue.map((ind) => {
    const at = INDEX_LEVELS.map((level) => ({ level, entry: indexEntry(ind, catalogue, level) }));
    const levels = at.filter((a) => a.entry.form !== "out").map((a) => a.level);
    const published = at.find((a) => ind.levels.includes(a.level));
    return { entry: published?.entry ?? indexEntry(ind, catalogue, "city"), levels };
  });
}
