/**
 * What a screen nobody touches needs: panels that heal themselves, a periodic check for a new
 * data version, and knowing since when it is offline.
 */
import { type UseQueryResult, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useDataSource } from "../../api/context";
import { keys, metaQuery } from "../../api/queries";
import { dataAsOf, selfHealDelay } from "./screen-model";

/** A panel's state beyond its data: failing (with the error) and when its data was last good. */
export interface Health {
  failing: boolean;
  error: unknown;
  /** When the failing data was last good (ms, the oldest of its answers); 0 when some of it never loaded. */
  asOf: number;
}

/**
 * Retries a panel's failed queries on its own, 60 s after the failure, then 2, 4 and every 5
 * minutes, until they answer: there is no one to press Retry. TanStack Query keeps a query's
 * last data when a refetch fails, so the panel goes on showing it meanwhile.
 */
export function useSelfHealing(queries: readonly UseQueryResult<unknown>[]): Health {
  const failed = queries.filter((q) => q.isError);
  const failing = failed.length > 0;
  const latest = useRef(queries);
  latest.current = queries;
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!failing) {
      setAttempt(0);
      return;
    }
    const timer = window.setTimeout(() => {
      for (const q of latest.current) if (q.isError) void q.refetch();
      setAttempt((n) => n + 1);
    }, selfHealDelay(attempt));
    return () => window.clearTimeout(timer);
  }, [failing, attempt]);
  return {
    failing,
    error: failed[0]?.error,
    // What failed had data before: it is shown "as of" its oldest answer. Else there is nothing to date.
    asOf: failed.every((q) => q.data !== undefined) ? dataAsOf(failed.map((q) => q.dataUpdatedAt)) : 0,
  };
}

/**
 * Every `minutes`, asks the API for its meta, fresh: a new `dataVersion` reloads every query of
 * the contract (what is shown stays until the new answers arrive), an unchanged one nothing. A
 * failed check is tried again at the next tick.
 *
 * A source that tracks its version (`onVersionChange`, both of ours) announces the new version
 * while this very read of meta is answered, and DataSourceProvider reloads then: reloading
 * here as well would fetch every panel's data a second time. Only a source that announces
 * nothing is reloaded from here.
 */
export function useRefresh(minutes: number, version: string | undefined): void {
  const client = useQueryClient();
  const src = useDataSource();
  const known = useRef(version);
  if (version !== undefined && known.current === undefined) known.current = version;
  useEffect(() => {
    const timer = window.setInterval(async () => {
      try {
        const meta = await client.fetchQuery({ ...metaQuery(src), staleTime: 0 });
        if (!src.onVersionChange && known.current !== undefined && meta.dataVersion !== known.current) {
          await client.invalidateQueries({ queryKey: keys.all, predicate: (q) => q.queryKey[1] !== "meta" });
        }
        known.current = meta.dataVersion;
      } catch {
        // offline or failing: the next tick asks again; what is shown stays
      }
    }, minutes * 60_000);
    return () => window.clearInterval(timer);
  }, [client, src, minutes]);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
};

/** Null while online; offline, the time (ms) the screen went offline, or was found offline. */
export function useOfflineSince(): number | null {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  const [since, setSince] = useState<number | null>(null);
  useEffect(() => {
    setSince(online ? null : Date.now());
  }, [online]);
  return online ? null : (since ?? Date.now());
}
