import { type Query, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, use, useContext, useEffect, useState } from "react";
import type { Config } from "./config";
import type { DataSource } from "./data-source";
import { keys } from "./queries";

const SourceContext = createContext<DataSource | null>(null);
const ConfigContext = createContext<Config | Promise<Config> | null>(null);

/**
 * The data source and the deployment's config.json, for the whole app. The config may still be
 * on its way (main.tsx renders before it answers): then the context holds its promise until it
 * lands, and the source waits for it (src/api/deferred-source.ts).
 */
export function DataSourceProvider({
  source,
  config,
  children,
}: {
  source: DataSource;
  config: Config | Promise<Config>;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const [landed, setLanded] = useState<Config | null>(config instanceof Promise ? null : config);
  useEffect(() => {
    if (!(config instanceof Promise)) return setLanded(config);
    let live = true;
    config.then(
      (c) => live && setLanded(c),
      () => undefined, // main.tsx shows the config error screen
    );
    return () => {
      live = false;
    };
  }, [config]);
  useEffect(() => source.onVersionChange?.((v) => reloadForVersion(client, v)), [client, source]);
  return (
    <ConfigContext.Provider value={landed ?? config}>
      <SourceContext.Provider value={source}>{children}</SourceContext.Provider>
    </ConfigContext.Provider>
  );
}

/** The deployment's config; a component that needs it before config.json has answered suspends until it has. */
export function useConfig(): Config {
  const config = useContext(ConfigContext);
  if (!config) throw new Error("useConfig needs a DataSourceProvider");
  return config instanceof Promise ? use(config) : config;
}

/** The config if it has answered, else null, without suspending (for what only matters later, e.g. at export time). */
export function useConfigIfLoaded(): Config | null {
  const config = useContext(ConfigContext);
  if (!config) throw new Error("useConfigIfLoaded needs a DataSourceProvider");
  return config instanceof Promise ? null : config;
}

export function useDataSource(): DataSource {
  const src = useContext(SourceContext);
  if (!src) throw new Error("useDataSource needs a DataSourceProvider");
  return src;
}

const notMeta = (q: Query) => q.queryKey[0] === keys.all[0] && q.queryKey[1] !== "meta";

/**
 * On a new data version: forget what no view shows, and reload what is shown (kept on screen
 * meanwhile) before the new meta is handed out, so that the version shown and the figures
 * change together; waits at most 10 s for a slow or failing backend, which then shows the new
 * version with the last data and its errors.
 */
function reloadForVersion(client: ReturnType<typeof useQueryClient>, _version: string): Promise<unknown> {
  client.removeQueries({ predicate: notMeta, type: "inactive" });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    client.invalidateQueries({ predicate: notMeta }),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 10_000);
    }),
  ]).finally(() => clearTimeout(timer));
}
