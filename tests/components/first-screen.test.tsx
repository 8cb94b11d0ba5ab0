/**
 * Taking over from the prerendered first screen (src/ui/first-screen.ts): the app's header takes
 * over from the header-only screen once it shows the data version, never earlier; another view
 * takes over from the Overview's screen at once. The boot script and the real build are in
 * tests/browser/first-screen.test.ts; here the app's own side, with the meta answer held back.
 */
import { screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { FIRST_SCREEN_ATTRIBUTE, FIRST_SCREEN_CLASS, SHELL_ATTRIBUTE, standing } from "../../src/ui/first-screen";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

/** A prerendered screen as the boot script leaves it when it shows one. */
function stand(kind: "overview" | "shell") {
  const div = document.createElement("div");
  div.setAttribute(FIRST_SCREEN_ATTRIBUTE, "zh");
  if (kind === "shell") div.setAttribute(SHELL_ATTRIBUTE, "");
  div.textContent = "prerendered";
  document.body.prepend(div);
  document.documentElement.classList.add(FIRST_SCREEN_CLASS);
}

/** meta.json held until `release` is called. */
function holdMeta() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get("*/api/v1/meta", async () => {
      await held;
      return HttpResponse.json(dataset.meta);
    }),
  );
  return () => release();
}

afterEach(() => {
  for (const node of document.querySelectorAll(`[${FIRST_SCREEN_ATTRIBUTE}]`)) node.remove();
  document.documentElement.classList.remove(FIRST_SCREEN_CLASS);
});

describe("taking over from the prerendered first screen", () => {
  it("says which one stands, if any", () => {
    expect(standing()).toBeNull();
    stand("shell");
    expect(standing()).toBe("shell");
    document.querySelector(`[${FIRST_SCREEN_ATTRIBUTE}]`)?.setAttribute("hidden", "");
    expect(standing()).toBeNull();
  });

  it("keeps the header-only screen until the app's header shows the data version", async () => {
    const release = holdMeta();
    stand("shell");
    await renderApp("?view=data");
    await screen.findByRole("banner");
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole("banner")).not.toHaveTextContent(dataset.meta.dataVersion);
    expect(standing()).toBe("shell");
    release();
    await waitFor(() => expect(standing()).toBeNull());
    expect(document.querySelector(`[${FIRST_SCREEN_ATTRIBUTE}]`)).toBeNull();
    expect(screen.getByRole("banner")).toHaveTextContent(dataset.meta.dataVersion);
  });

  it("another view takes over from the Overview's screen at once", async () => {
    const release = holdMeta();
    stand("overview");
    await renderApp("?view=data");
    await screen.findByRole("banner");
    expect(standing()).toBeNull();
    release();
  });
});
