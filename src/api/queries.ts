import { keepPreviousData, QueryClient, queryOptions } from "@tanstack/react-query";
import type { ObservationQuery } from "./contract";
import type { DataSource } from "./data-source";
import { HttpError, isRetryable } from "./errors";

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

/** Exponential backoff, or the server's Retry-After when it asks for longer. */
export const backoff = (attempt: number, error: unknown): number =>
  Math.max(Math.min(1000 * 2 ** attempt, 8000), error instanceof HttpError ? (error.retryAfter ?? 0) * 1000 : 0);

/**
 * Two retries for network, 5xx and 429 failures (waiting as the server asks, up to 10 s; a
 * longer wait is left to the user's Retry); none for other 4xx or a broken contract.
 */
export function createQueryClient({ retryDelay = backoff } = {}): QueryClient {
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
