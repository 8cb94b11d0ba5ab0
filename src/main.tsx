// First: every other module may use what it installs.
import "./polyfills";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ConfigError, loadConfig } from "./api/config";
import { createQueryClient } from "./api/queries";
import { App } from "./app/App";
import { ConfigErrorScreen } from "./app/ConfigErrorScreen";
import { Providers } from "./app/Providers";
import { createAppStore, syncWithUrl } from "./state/store";
import "./styles.css";

async function start() {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  if (import.meta.env.DEV) {
    // Development only: the build drops this branch, so MSW never reaches production.
    const { startMockApi } = await import("../mock/browser");
    await startMockApi();
  }
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig();
  } catch (e) {
    const reason = e instanceof ConfigError ? e.message : String(e);
    console.warn(`config.json: ${reason}`);
    root.render(<ConfigErrorScreen reason={reason} />);
    return;
  }
  const store = createAppStore();
  syncWithUrl(store);
  root.render(
    <StrictMode>
      <Providers config={config} store={store} queryClient={createQueryClient()}>
        <App />
      </Providers>
    </StrictMode>,
  );
}

void start();
