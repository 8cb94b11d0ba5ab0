import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DataSourceProvider } from "../api/context";
import type { DataSource } from "../api/data-source";
import { StoreProvider } from "../state/context";
import type { AppStore } from "../state/store";

export function Providers({
  source,
  store,
  queryClient,
  children,
}: {
  source: DataSource;
  store: AppStore;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <DataSourceProvider source={source}>
        <StoreProvider store={store}>{children}</StoreProvider>
      </DataSourceProvider>
    </QueryClientProvider>
  );
}
