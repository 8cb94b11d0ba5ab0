import { type UseQueryResult, useQueries } from "@tanstack/react-query";
import { useDataSource } from "./context";
import type { Observation, ObservationQuery } from "./contract";
import { observationsQuery } from "./queries";

type Results = UseQueryResult<Observation[]>[];

/** What every series of a set still loading reads as (pending, no data). */
const LOADING = {
  isPending: true,
  isSuccess: false,
  isError: false,
  isPlaceholderData: false,
  data: undefined,
  error: null,
  dataUpdatedAt: 0,
} as unknown as UseQueryResult<Observation[]>;

/**
 * While any series is pending and none has failed, the set reads as one stable "loading" array
 * (same length, every entry pending) until the last lands or one fails: useQueries notifies only
 * when this combined value changes, so forty-odd answers landing one by one no longer mean
 * forty-odd renders of a panel that shows a skeleton until all are in (on a phone, the Overview's
 * busiest seconds). Stable across renders, as useQueries' `combine` should be.
 */
const untilLanded = (results: Results): Results =>
  results.some((r) => r.isPending) && !results.some((r) => r.isError) ? results.map(() => LOADING) : results;

/**
 * Many observation queries for a part that waits for all of them (a skeleton until then, an
 * alert as soon as one fails): the same queries and cache entries as useManyObservations.
 */
export function useLandedSeries(qs: readonly ObservationQuery[]): Results {
  const src = useDataSource();
  return useQueries({ queries: qs.map((q) => observationsQuery(src, q)), combine: untilLanded });
}
