/**
 * A judgment that fails (the worker down and the page's fallback too) is said in its panel with
 * the reason and a Retry that asks again; it neither vanishes into a skeleton for good nor takes
 * the page down.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "../support/render-app";

const failures = vi.hoisted(() => ({ left: 1 }));
vi.mock("../../src/judgments/judge-client", async (original) => {
  const real = await original<typeof import("../../src/judgments/judge-client")>();
  return {
    ...real,
    judge: (request: Parameters<typeof real.judge>[0]) => {
      if (failures.left > 0) {
        failures.left -= 1;
        return Promise.reject(new Error("judgments worker unavailable"));
      }
      return real.judge(request);
    },
  };
});

describe("a failed judgment", () => {
  it("shows its reason with Retry, and Retry judges again", async () => {
    const user = userEvent.setup();
    await renderApp("?lang=en");
    const alerts = await screen.findAllByRole("alert", {}, { timeout: 15_000 });
    expect(alerts.some((a) => a.textContent?.includes("judgments worker unavailable"))).toBe(true);
    // The rest of the page is still there.
    expect(screen.getByRole("navigation", { name: /views/i })).toBeTruthy();
    const retry = alerts[0].querySelector("button") as HTMLButtonElement;
    await user.click(retry);
    await waitFor(() => expect(screen.queryAllByText(/judgments worker unavailable/)).toHaveLength(0), { timeout: 15_000 });
    // Judged this time: the targets' verdicts are drawn.
    await waitFor(() => expect(document.body.textContent).toMatch(/The province's targets: 12\. Achieved: \d+/), {
      timeout: 15_000,
    });
  }, 40_000);
});
