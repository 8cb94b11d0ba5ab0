import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

describe("overview for leaders", () => {
  it("gives every target of the province a row with a verdict (hand-computed verdicts: correctness.test.tsx)", async () => {
    await renderApp();
    const panel = await screen.findByRole("region", { name: "目标进度" });
    const count = dataset.indicators
      .filter((i) => !i.context)
      .reduce((n, i) => n + i.targets.filter((x) => x.region === "440000").length, 0);
    await waitFor(() => expect(within(panel).getAllByRole("row")).toHaveLength(count + 1), { timeout: 8000 });
    for (const row of within(panel).getAllByRole("row").slice(1)) {
      expect(row.querySelector(".verdict")?.textContent).toMatch(/^(已达成|按计划|落后)$/);
    }
  });

  it("lists the cities furthest behind, and counties one click away", async () => {
    const user = userEvent.setup();
    await renderApp();
    const panel = await screen.findByRole("region", { name: "哪里落后" });
    const rows = (await within(panel).findAllByRole("row", {}, { timeout: 5000 })).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    const cities = new Set(dataset.regions.filter((r) => r.level === "city").map((r) => r.name.zh));
    for (const r of rows) expect(cities.has(within(r).getByRole("rowheader").textContent ?? "")).toBe(true);
    await user.click(within(panel).getByRole("button", { name: "查看县区" }));
    expect(window.location.search).toContain("level=county");
    await waitFor(() => {
      const first = within(panel).getAllByRole("row")[1];
      expect(cities.has(within(first).getByRole("rowheader").textContent ?? "")).toBe(false);
    });
  });

  it("says so when no indicator has a target", async () => {
    server.use(
      http.get("*/api/v1/indicators", () =>
        HttpResponse.json({ indicators: dataset.indicators.map((i) => ({ ...i, targets: [] })) }),
      ),
    );
    await renderApp();
    const panel = await screen.findByRole("region", { name: "目标进度" });
    expect(await within(panel).findByText(/没有设定目标的指标/)).toBeInTheDocument();
  });

  it("shows the wall display without page chrome, and leaves it with Escape", async () => {
    const user = userEvent.setup();
    await renderApp("?screen=big");
    expect(await screen.findByRole("button", { name: "退出大屏" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(document.documentElement).toHaveClass("wall");
    expect(await screen.findByRole("region", { name: "核心指标" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(await screen.findByRole("navigation", { name: "视图" })).toBeInTheDocument();
    expect(window.location.search).toBe("");
    expect(document.documentElement).not.toHaveClass("wall");
  });
});
