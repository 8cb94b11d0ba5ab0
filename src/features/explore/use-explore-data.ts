import { type UseQueryResult, useQueries } from "@tanstack/react-query";
import { useDataSource } from "../../api/context";
import { type Indicator, LEVELS, type Observation, type Region } from "../../api/contract";
import { observationsQuery } from "../../api/queries";

/**
 * The explored indicator for the selected regions, one request per level the selection mixes
 * (cities and counties are separate units of the contract). The whole time range is fetched:
 * the range is cut in the browser, and a change on the year before needs the year before it.
 */
export function useSelectionObservations(indicator: Indicator, regions: readonly Region[]) {
  const src = useDataSource();
  const queries = LEVELS.filter((level) => indicator.levels.includes(level)).flatMap((level) => {
    const codes = regions
      .filter((r) => r.level === level)
      .map((r) => r.code)
      .sort();
    return codes.length ? [{ indicator: indicator.id, level, regions: codes }] : [];
  });
  return useQueries({ queries: queries.map((q) => observationsQuery(src, q)), combine: merge });
}

/** Module-level, so that TanStack Query re-runs it only when a result changed. */
function merge(results: UseQueryResult<Observation[]>[]) {
  return { queries: results, observations: results.flatMap((r) => r.data ?? []) };
}

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
