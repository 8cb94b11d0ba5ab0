/**
 * The app renders before config.json answers: the header is on screen while the config is on
 * its way, and the data follows once it lands (main.tsx, src/api/deferred-source.ts).
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../../src/api/config";
import { createQueryClient } from "../../src/api/queries";
import { App } from "../../src/app/App";
import { Providers } from "../../src/app/Providers";
import { RendererContext } from "../../src/charts/Chart";
import { createAppStore, syncWithUrl } from "../../src/state/store";

describe("before config.json has answered", () => {
  it("shows the header at once and the data once the config lands", async () => {
    window.history.replaceState(null, "", "/?lang=en");
    let land: (c: Config) => void = () => undefined;
    const pending = new Promise<Config>((resolve) => {
      land = resolve;
    });
    const store = createAppStore();
    const stop = syncWithUrl(store);
    render(
      <RendererContext.Provider value="svg">
        <Providers config={pending} store={store} queryClient={createQueryClient({ retryDelay: () => 1 })}>
          <App />
        </Providers>
      </RendererContext.Provider>,
    );
    // The header and its navigation without any config.
    expect(screen.getByRole("navigation")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 })).toBeTruthy();
    expect(document.querySelector(".data-version")?.textContent).toBe("");
    land(await loadConfig("/config.json"));
    // Then meta answers through the source the config made.
    expect(await screen.findByText(/Data version/)).toBeTruthy();
    stop();
  });
});
