import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type Config, createDataSource } from "../api/config";
import { DataSourceProvider } from "../api/context";
import { deferredSource } from "../api/deferred-source";
import { ExportRegistryProvider } from "../export/registry";
import { StoreProvider } from "../state/context";
import type { AppStore } from "../state/store";

export function Providers({
  config,
  store,
  queryClient,
  children,
}: {
  /** The config, or its promise: the app renders while config.json is on its way. */
  config: Config | Promise<Config>;
  store: AppStore;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const [source] = useState(() =>
    config instanceof Promise ? deferredSource(config.then(createDataSource)) : createDataSource(config),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <DataSourceProvider source={source} config={config}>
        <StoreProvider store={store}>
          <ExportRegistryProvider>{children}</ExportRegistryProvider>
        </StoreProvider>
      </DataSourceProvider>
    </QueryClientProvider>
  );
}
