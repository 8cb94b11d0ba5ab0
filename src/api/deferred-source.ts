import type { DataSource, VersionListener } from "./data-source";

/**
 * A data source that exists before config.json has answered: every read waits for the source
 * the config makes, then asks it. The app renders (header, skeletons) while the config is on
 * its way instead of a round trip later; a config that fails rejects every read with its error
 * (main.tsx then shows the config error screen instead of the app).
 *
 * `onVersionChange` is the real source's once it is there (absent if that source announces no
 * version, which the command screen checks); before, it registers the listener for when it is.
 */
export function deferredSource(source: Promise<DataSource>): DataSource {
  let real: DataSource | undefined;
  void source.then(
    (s) => {
      real = s;
    },
    () => undefined,
  );
  const later = (l: VersionListener) => {
    void source.then(
      (s) => s.onVersionChange?.(l),
      () => undefined,
    );
  };
  return {
    meta: (o) => source.then((s) => s.meta(o)),
    regions: (o) => source.then((s) => s.regions(o)),
    indicators: (o) => source.then((s) => s.indicators(o)),
    observations: (q, o) => source.then((s) => s.observations(q, o)),
    get onVersionChange() {
      return real ? real.onVersionChange?.bind(real) : later;
    },
  };
}
