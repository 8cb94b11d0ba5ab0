import { type UseQueryResult, useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { useDataSource } from "../../api/context";
import { type Indicator, LEVELS, type Observation, type Region } from "../../api/contract";
import { observationsQuery } from "../../api/queries";
import type { MeasuredObservation } from "../../domain/intensity";
import { useMeasured } from "../../measures/use-measured";

const codesAt = (regions: readonly Region[], level: string) =>
  regions
    .filter((r) => r.level === level)
    .map((r) => r.code)
    .sort();

/**
 * The explored indicator for the selected regions in the measure `per` names (its natural
 * intensive form when null): one numerator and one denominator request per level the
 * selection mixes, divided by the domain's rules (src/domain/intensity.ts).
 */
export function useMeasuredSelection(
  indicator: Indicator,
  catalogue: readonly Indicator[],
  per: string | null,
  regions: readonly Region[],
) {
  const query = (level: (typeof LEVELS)[number]) => ({ indicator: indicator.id, level, regions: codesAt(regions, level) });
  const on = (level: (typeof LEVELS)[number]) => indicator.levels.includes(level) && codesAt(regions, level).length > 0;
  // One hook per level, always called: the levels a selection mixes change, the hooks may not.
  const province = useMeasured(indicator, catalogue, per, query("province"), on("province"));
  const city = useMeasured(indicator, catalogue, per, query("city"), on("city"));
  const county = useMeasured(indicator, catalogue, per, query("county"), on("county"));
  const [pOn, cOn, kOn] = LEVELS.map(on);
  const parts = [pOn ? province : null, cOn ? city : null, kOn ? county : null].filter((m) => m !== null);
  const observations = useMemo(
    () => [pOn && province.data, cOn && city.data, kOn && county.data].flatMap((d) => d || []),
    [pOn, cOn, kOn, province.data, city.data, county.data],
  );
  return {
    queries: parts.flatMap((m) => m.queries),
    observations: observations as MeasuredObservation[],
    measure: province,
  };
}

/** The selection's observations in the measure shown, and the queries behind them. */
export type Selection = ReturnType<typeof useMeasuredSelection>;

/** Several indicators for one region, one request each (the funding and talent panel). */
export function useRegionObservations(indicators: readonly Indicator[], region: Region) {
  const src = useDataSource();
  return useQueries({
    queries: indicators.map((i) => observationsQuery(src, { indicator: i.id, level: region.level, regions: [region.code] })),
    combine: collect,
  });
}

function collect(results: UseQueryResult<Observation[]>[]) {
  return { queries: results, data: results.map((r) => r.data ?? []) };
}
