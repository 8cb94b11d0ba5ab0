import { createContext, type ReactNode, useContext } from "react";
import type { Config } from "./config";
import type { DataSource } from "./data-source";

const SourceContext = createContext<DataSource | null>(null);
const ConfigContext = createContext<Config | null>(null);

/** The data source and the deployment's config.json, for the whole app. */
export function DataSourceProvider({ source, config, children }: { source: DataSource; config: Config; children: ReactNode }) {
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
