import { useQueries, useQuery } from "@tanstack/react-query";
import { useDataSource } from "./context";
import type { ObservationQuery } from "./contract";
import { indicatorsQuery, metaQuery, observationsQuery, regionsQuery } from "./queries";

export const useMeta = () => useQuery(metaQuery(useDataSource()));
export const useRegions = () => useQuery(regionsQuery(useDataSource()));
export const useIndicators = () => useQuery(indicatorsQuery(useDataSource()));
export const useObservations = (q: ObservationQuery, enabled = true) =>
  useQuery({ ...observationsQuery(useDataSource(), q), enabled });

/** Many observation queries at once (e.g. every indicator of the catalogue at one level). */
export function useManyObservations(qs: readonly ObservationQuery[], enabled = true) {
  const src = useDataSource();
  return useQueries({ queries: qs.map((q) => ({ ...observationsQuery(src, q), enabled })) });
}
