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
import { takeOver } from "./ui/first-screen";
import "./styles.css";

async function start() {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  if (import.meta.env.DEV) {
    // Development only: the build drops this branch, so MSW never reaches production.
    const { startMockApi } = await import("../mock/browser");
    await startMockApi();
  }
  // The app renders at once (header, skeletons) and its data waits for config.json; a config
  // that fails replaces it with the config error screen.
  const config = loadConfig();
  config.catch((e: unknown) => {
    const reason = e instanceof ConfigError ? e.message : String(e);
    console.warn(`config.json: ${reason}`);
    takeOver();
    root.render(<ConfigErrorScreen reason={reason} />);
  });
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
