import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import type { Indicator, Level, Observation, Region } from "../../api/contract";
import { useManyObservations } from "../../api/hooks";
import { useLandedSeries } from "../../api/landed";
import { useBoundaries } from "../../charts/map/use-boundaries";
import {
  denominatorValues,
  type MeasureChoice,
  type MeasuredObservation,
  measuredIndicator,
  measuredObservations,
  resolveMeasure,
} from "../../domain/intensity";
import { landAreas } from "../../domain/land-area";
import { memoBy } from "./memo";

export type ObservationsResult = UseQueryResult<Observation[]>;
/** One query: one indicator at one level (the static source fetches each indicator's file once). */
export interface ObservationSpec {
  indicator: string;
  level: Level;
}
/** Looks up the query of an indicator at a level; undefined if it was not asked for. */
export type ObservationLookup = (indicator: string, level: Level) => ObservationsResult | undefined;

const keyOf = (indicator: string, level: Level) => `${indicator}@${level}`;

/**
 * Every observation query the view needs, one per indicator per level, looked up by both.
 * Placeholder data (kept from an earlier key while a new one loads) is withheld: a panel
 * shows its skeleton rather than another indicator's figures under this one's name.
 */
export function useObservationLookup(specs: readonly ObservationSpec[]): ObservationLookup {
  const unique = useUnique(specs);
  return lookupOf(unique, useManyObservations(unique));
}

/**
 * The same lookup for a part that waits for all its series (the index): every query reads as
 * pending until the last one lands or one fails (api/landed.ts), so that forty-odd answers
 * landing one by one make one render, not forty.
 */
export function useLandedLookup(specs: readonly ObservationSpec[]): ObservationLookup {
  const unique = useUnique(specs);
  return lookupOf(unique, useLandedSeries(unique));
}

function useUnique(specs: readonly ObservationSpec[]): ObservationSpec[] {
  return useMemo(() => {
    const seen = new Map<string, ObservationSpec>();
    for (const s of specs) seen.set(keyOf(s.indicator, s.level), { indicator: s.indicator, level: s.level });
    return [...seen.values()];
  }, [specs]);
}

function lookupOf(unique: readonly ObservationSpec[], results: readonly UseQueryResult<Observation[]>[]): ObservationLookup {
  const byKey = new Map(
    unique.map((s, i) => {
      const q = results[i] as ObservationsResult;
      const settled = q.isPlaceholderData
        ? ({ ...q, data: undefined, isPending: true, isSuccess: false } as unknown as ObservationsResult)
        : q;
      return [keyOf(s.indicator, s.level), settled] as const;
    }),
  );
  return (indicator, level) => byKey.get(keyOf(indicator, level));
}

/** The same array as last time when its items are the same (by reference): a stable memo input. */
export function useStableArray<T>(items: readonly T[]): readonly T[] {
  const ref = useRef(items);
  const prev = ref.current;
  if (prev.length !== items.length || prev.some((x, i) => x !== items[i])) ref.current = items;
  return ref.current;
}

/** How one indicator is shown: the measure chosen (the URL's for the current indicator, the natural form for the others). */
export interface MeasurePlan {
  choice: MeasureChoice;
  /** The indicator as the measure shows it (name, unit and decimals of the ratio). */
  shown: Indicator;
  /** The denominator's catalogue entry, when it is an indicator. */
  denominator: Indicator | undefined;
}

/** The plans of the indicators drawn: `current` in the measure `per` names, the others in their natural form. */
export function measurePlans(
  drawn: readonly Indicator[],
  catalogue: readonly Indicator[],
  current: string,
  per: string | null,
): Map<string, MeasurePlan> {
  return new Map(
    drawn.map((ind) => {
      const { choice } = resolveMeasure(ind, catalogue, ind.id === current ? per : null);
      const den = choice.denominator;
      const denominator = den?.kind === "indicator" ? catalogue.find((i) => i.id === den.id) : undefined;
      return [ind.id, { choice, shown: measuredIndicator(ind, choice), denominator }] as const;
    }),
  );
}

/** The queries the plans add: each measured indicator's denominator at the levels it is asked for. */
export function withDenominators(specs: readonly ObservationSpec[], plans: ReadonlyMap<string, MeasurePlan>): ObservationSpec[] {
  return [
    ...specs,
    ...specs.flatMap((s) => {
      const den = plans.get(s.indicator)?.choice.denominator;
      return den?.kind === "indicator" ? [{ indicator: den.id, level: s.level }] : [];
    }),
  ];
}

/** An indicator's observations at one level in the measure its plan names. */
export interface MeasuredData extends MeasurePlan {
  /** Undefined until the numerator and the denominator are loaded. */
  data: MeasuredObservation[] | undefined;
  queries: UseQueryResult<unknown>[];
}
export type MeasuredLookup = (indicator: string, level: Level) => MeasuredData | undefined;

const TOTAL_KEY = {};

/**
 * The lookup's observations divided by their plans' denominators (domain measuredObservations),
 * land areas from the boundary file when a plan asks for them. Results are kept per numerator
 * and denominator array (and measure), so that a panel's memos see the same array while nothing changed.
 */
export function useMeasuredLookup(
  lookup: ObservationLookup,
  plans: ReadonlyMap<string, MeasurePlan>,
  regions: readonly Region[],
): MeasuredLookup {
  const needArea = [...plans.values()].some((p) => p.choice.denominator?.kind === "area");
  const boundaries = useBoundaries(needArea);
  const areas = useMemo(
    () => (needArea && boundaries.data ? landAreas(boundaries.data.counties.features, regions) : undefined),
    [needArea, boundaries.data, regions],
  );
  // Kept by numerator and denominator array and the measure (memo.ts), for every panel and
  // small chart alike: the current indicator is measured once however many panels draw it.
  const memo = (num: Observation[], den: object, choice: MeasureChoice, compute: () => MeasuredObservation[]) =>
    memoBy([num, den], JSON.stringify(choice), compute);
  return (indicator, level) => {
    const plan = plans.get(indicator);
    const num = lookup(indicator, level);
    if (!plan || !num) return undefined;
    const { choice } = plan;
    const den = choice.denominator;
    if (den === null) {
      return {
        ...plan,
        queries: [num],
        data: num.data && memo(num.data, TOTAL_KEY, choice, () => measuredObservations(num.data ?? [], choice)),
      };
    }
    if (den.kind === "area") {
      const data =
        num.data && areas
          ? memo(num.data, areas, choice, () => measuredObservations(num.data ?? [], choice, { kind: "area", km2: areas }))
          : undefined;
      return { ...plan, queries: [num, boundaries], data };
    }
    const denQ = lookup(den.id, level);
    const denIndicator = plan.denominator;
    const data =
      num.data && denQ?.data && denIndicator
        ? memo(num.data, denQ.data, choice, () =>
            measuredObservations(num.data ?? [], choice, denominatorValues(denIndicator, denQ.data ?? [])),
          )
        : undefined;
    return { ...plan, queries: denQ ? [num, denQ] : [num], data };
  };
}
