import type { Indicator, Meta, Observation, ObservationQuery, Region } from "./contract";

export interface Opts {
  signal?: AbortSignal;
}

/** Told of a new data version before the new meta is handed out: reload what was read with the old one. */
export type VersionListener = (version: string) => Promise<unknown> | undefined;

/** Everything the UI may ask of a backend (contract v1); every answer is already validated. */
export interface DataSource {
  meta(o?: Opts): Promise<Meta>;
  regions(o?: Opts): Promise<Region[]>;
  indicators(o?: Opts): Promise<Indicator[]>;
  observations(q: ObservationQuery, o?: Opts): Promise<Observation[]>;
  /** Registers the one listener for a change of `meta.dataVersion` while the page is open. */
  onVersionChange?(listener: VersionListener): void;
}

/**
 * The data version every read but meta's carries (`?v=`), so that no cache between us and the
 * data can answer with another version's file: meta is read fresh, one read at a time (shared,
 * without a caller's signal), and a new version is announced (`reset`, then the listener)
 * before that meta is returned. When meta cannot be read, the other reads go unversioned.
 */
export function trackVersion(read: () => Promise<Meta>, reset: () => void) {
  let known: string | undefined;
  let pending: Promise<Meta> | undefined;
  let listener: VersionListener | undefined;
  const meta = (): Promise<Meta> => {
    pending ??= read()
      .then(async (m) => {
        const changed = known !== undefined && known !== m.dataVersion;
        known = m.dataVersion;
        if (changed) {
          reset();
          await listener?.(m.dataVersion);
        }
        return m;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return {
    meta,
    version: async (): Promise<string | undefined> =>
      known ??
      meta().then(
        (m) => m.dataVersion,
        () => undefined,
      ),
    listen: (l: VersionListener) => {
      listener = l;
    },
  };
}

/** `url` with the data version as `v` (nothing added when it is unknown). */
export function versioned(url: URL, version: string | undefined): string {
  if (version !== undefined) url.searchParams.set("v", version);
  return url.href;
}
