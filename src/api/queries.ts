import { keepPreviousData, QueryClient, queryOptions } from "@tanstack/react-query";
import type { ObservationQuery } from "./contract";
import type { DataSource } from "./data-source";
import { isRetryable } from "./errors";

/** Every input of a fetch is in its key. */
export const keys = {
  all: ["v1"] as const,
  meta: () => [...keys.all, "meta"] as const,
  regions: () => [...keys.all, "regions"] as const,
  indicators: () => [...keys.all, "indicators"] as const,
  observations: (q: ObservationQuery) => [...keys.all, "observations", q] as const,
};

const STALE = 5 * 60_000;

export const metaQuery = (src: DataSource) =>
  queryOptions({ queryKey: keys.meta(), queryFn: ({ signal }) => src.meta({ signal }), staleTime: STALE });
export const regionsQuery = (src: DataSource) =>
  queryOptions({ queryKey: keys.regions(), queryFn: ({ signal }) => src.regions({ signal }), staleTime: STALE });
export const indicatorsQuery = (src: DataSource) =>
  queryOptions({ queryKey: keys.indicators(), queryFn: ({ signal }) => src.indicators({ signal }), staleTime: STALE });
export const observationsQuery = (src: DataSource, q: ObservationQuery) =>
  queryOptions({
    queryKey: keys.observations(q),
    queryFn: ({ signal }) => src.observations(q, { signal }),
    staleTime: STALE,
    placeholderData: keepPreviousData,
  });

/** Two retries with exponential backoff for network and 5xx failures; none for 4xx or a broken contract. */
export function createQueryClient({ retryDelay = (attempt: number) => Math.min(1000 * 2 ** attempt, 8000) } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
