import { QueryClient, queryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { Observation, ObservationQuery } from "./contract";
import type { DataSource } from "./data-source";
import { HttpError, isRetryable, NetworkError } from "./errors";

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
  queryOptions<Observation[], Error, Observation[], ReturnType<typeof keys.observations>>({
    queryKey: keys.observations(q),
    queryFn: ({ signal }) => src.observations(q, { signal }),
    staleTime: STALE,
    placeholderData: (previous, previousQuery) => (sameSeries(previousQuery?.queryKey[2], q) ? previous : undefined),
  });

/**
 * What may stand in while a new observation query loads: the previous answer only when it is
 * the same indicator at the same level (another set of regions or range of it), so that the
 * period or selection changes without a flash; never another indicator's or level's figures,
 * which would be shown under this one's name.
 */
export function sameSeries(previous: unknown, next: ObservationQuery): boolean {
  if (typeof previous !== "object" || previous === null) return false;
  const p = previous as Partial<ObservationQuery>;
  return p.indicator === next.indicator && p.level === next.level;
}

/** Loaded for the query's own key (not a placeholder kept from another): safe to export or judge. */
export const isSettled = (q: Pick<UseQueryResult<unknown>, "isSuccess" | "isPlaceholderData">): boolean =>
  q.isSuccess && !q.isPlaceholderData;

/** Exponential backoff, or the server's Retry-After when it asks for longer. */
export const backoff = (attempt: number, error: unknown): number =>
  Math.max(Math.min(1000 * 2 ** attempt, 8000), error instanceof HttpError ? (error.retryAfter ?? 0) * 1000 : 0);

/**
 * Whether a failed query tries again on its own: twice for network, 5xx and 429 failures
 * (waiting as the server asks, up to 10 s; a longer wait is left to the user's Retry); never
 * for other 4xx, a broken contract, or a timeout. A request that got no answer within
 * timeoutMs is unlikely to get one on the next try, and retrying it would put the alert at
 * three timeouts plus the backoff (49 s by default) instead of timeoutMs.
 */
export const shouldRetry = (failureCount: number, error: unknown): boolean =>
  failureCount < 2 && isRetryable(error) && !(error instanceof NetworkError && error.timedOut);

export function createQueryClient({ retryDelay = backoff } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
