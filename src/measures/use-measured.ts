import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Indicator, ObservationQuery } from "../api/contract";
import { useObservations, useRegions } from "../api/hooks";
import { isSettled } from "../api/queries";
import { useBoundaries } from "../charts/map/use-boundaries";
import {
  denominatorValues,
  type MeasureChoice,
  type MeasuredObservation,
  measuredIndicator,
  measuredObservations,
  resolveMeasure,
} from "../domain/intensity";
import { landAreas } from "../domain/land-area";

/** An indicator's observations in the measure the view asks for, with the queries behind them. */
export interface Measured {
  choice: MeasureChoice;
  /** The URL named a measure this indicator does not offer (the default is shown). */
  unknown: boolean;
  /** No measure in the URL: the natural intensive form is shown by default. */
  implicit: boolean;
  /** The indicator as the measure shows it (name, unit, decimals of the ratio). */
  indicator: Indicator;
  /** Undefined until every query it needs has an answer. */
  data: MeasuredObservation[] | undefined;
  /** Every query the data depends on, for QueryGate (pending, errors, Retry). */
  queries: UseQueryResult<unknown>[];
  /** All loaded for their own keys: safe to export or judge. */
  settled: boolean;
}

const years = (period: string | undefined) => period?.slice(0, 4);

/**
 * The observations of `query` divided by the denominator `per` names (the indicator's natural
 * intensive form when null): the numerator and the denominator are fetched for the same
 * regions and years, land areas come from the boundary file; the ratio rules are
 * `src/domain/intensity.ts`'s.
 */
export function useMeasured(
  indicator: Indicator,
  catalogue: readonly Indicator[],
  per: string | null,
  query: ObservationQuery,
  enabled = true,
): Measured {
  const { choice, unknown, implicit } = useMemo(() => resolveMeasure(indicator, catalogue, per), [indicator, catalogue, per]);
  const den = choice.denominator;
  const denId = den?.kind === "indicator" ? den.id : null;
  const numerator = useObservations(query, enabled);
  const denominator = useObservations(
    { ...query, indicator: denId ?? query.indicator, from: years(query.from), to: years(query.to) },
    enabled && denId !== null,
  );
  const needArea = den?.kind === "area";
  const boundaries = useBoundaries(enabled && needArea);
  const regions = useRegions();
  const denIndicator = denId ? catalogue.find((i) => i.id === denId) : undefined;
  const areas = useMemo(
    () => (needArea && boundaries.data && regions.data ? landAreas(boundaries.data.counties.features, regions.data) : undefined),
    [needArea, boundaries.data, regions.data],
  );
  const data = useMemo(() => {
    if (!numerator.data) return undefined;
    if (den === null) return measuredObservations(numerator.data, choice);
    if (den.kind === "area")
      return areas ? measuredObservations(numerator.data, choice, { kind: "area", km2: areas }) : undefined;
    // measuresOf offers only denominators the catalogue holds: denIndicator is there.
    if (!denominator.data || !denIndicator) return undefined;
    return measuredObservations(numerator.data, choice, denominatorValues(denIndicator, denominator.data));
  }, [numerator.data, denominator.data, areas, den, choice, denIndicator]);
  const queries: UseQueryResult<unknown>[] = [
    numerator,
    ...(denId ? [denominator] : []),
    ...(needArea ? [boundaries, regions] : []),
  ];
  const shown = useMemo(() => measuredIndicator(indicator, choice), [indicator, choice]);
  return { choice, unknown, implicit, indicator: shown, data, queries, settled: queries.every(isSettled) };
}
