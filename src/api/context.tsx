import { createContext, type ReactNode, useContext } from "react";
import type { DataSource } from "./data-source";

const SourceContext = createContext<DataSource | null>(null);

export function DataSourceProvider({ source, children }: { source: DataSource; children: ReactNode }) {
  return <SourceContext.Provider value={source}>{children}</SourceContext.Provider>;
}

export function useDataSource(): DataSource {
  const src = useContext(SourceContext);
  if (!src) throw new Error("useDataSource needs a DataSourceProvider");
  return src;
}
