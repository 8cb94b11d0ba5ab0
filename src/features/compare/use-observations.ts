import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import type { Level, Observation } from "../../api/contract";
import { useManyObservations } from "../../api/hooks";

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
  const unique = useMemo(() => {
    const seen = new Map<string, ObservationSpec>();
    for (const s of specs) seen.set(keyOf(s.indicator, s.level), { indicator: s.indicator, level: s.level });
    return [...seen.values()];
  }, [specs]);
  const results = useManyObservations(unique);
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
