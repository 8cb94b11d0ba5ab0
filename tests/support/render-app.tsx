import { render } from "@testing-library/react";
import { type ConfigError, loadConfig } from "../../src/api/config";
import { createQueryClient } from "../../src/api/queries";
import { App } from "../../src/app/App";
import { ConfigErrorScreen } from "../../src/app/ConfigErrorScreen";
import { Providers } from "../../src/app/Providers";
import { RendererContext } from "../../src/charts/Chart";
import { createAppStore, syncWithUrl } from "../../src/state/store";

/** Renders the whole app as main.tsx does (minus MSW's browser worker), at `search`. */
export async function renderApp(search = "", { configUrl = "/config.json" } = {}) {
  window.history.replaceState(null, "", `/${search}`);
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig(configUrl);
  } catch (e) {
    return { ...render(<ConfigErrorScreen reason={(e as ConfigError).message} />), store: undefined, queryClient: undefined };
  }
  const store = createAppStore();
  const stop = syncWithUrl(store);
  const queryClient = createQueryClient({ retryDelay: () => 1 });
  const result = render(
    <RendererContext.Provider value="svg">
      <Providers config={config} store={store} queryClient={queryClient}>
        <App />
      </Providers>
    </RendererContext.Provider>,
  );
  return { ...result, store, stop, queryClient };
}
