import { type Query, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import type { Config } from "./config";
import type { DataSource } from "./data-source";
import { keys } from "./queries";

const SourceContext = createContext<DataSource | null>(null);
const ConfigContext = createContext<Config | null>(null);

/** The data source and the deployment's config.json, for the whole app. */
export function DataSourceProvider({ source, config, children }: { source: DataSource; config: Config; children: ReactNode }) {
  const client = useQueryClient();
  useEffect(() => source.onVersionChange?.((v) => reloadForVersion(client, v)), [client, source]);
  return (
    <ConfigContext.Provider value={config}>
      <SourceContext.Provider value={source}>{children}</SourceContext.Provider>
    </ConfigContext.Provider>
  );
}

export function useConfig(): Config {
  const config = useContext(ConfigContext);
  if (!config) throw new Error("useConfig needs a DataSourceProvider");
  return config;
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
