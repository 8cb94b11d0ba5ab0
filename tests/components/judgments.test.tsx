/** The Overview's judgments as a leader reads them: progress not level, warnings, key findings. */
import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/api/contract";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const ID = "villages-5g-rate";
const plan = { zh: "规划", en: "Plan" };
const cities = dataset.regions.filter((r) => r.level === "city");
const series = (region: string, values: Record<string, number>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ region, period, value, status: "final" }));

/** One target (the village 5G rate, 70% in 2024 → 90% in 2027) and hand-made city series. */
function serve(cityValues: (code: string) => Record<string, number>) {
  server.use(
    http.get("*/api/v1/indicators", () =>
      HttpResponse.json({
        indicators: dataset.indicators.map((i) => ({
          ...i,
          targets: i.id === ID ? [{ region: "440000", period: "2027", value: 90, source: plan, base: { period: "2024" } }] : [],
        })),
      }),
    ),
    http.get("*/api/v1/observations", ({ request }) => {
      const q = new URL(request.url).searchParams;
      if (q.get("indicator") !== ID) return undefined;
      const level = q.get("level");
      const observations =
        level === "province"
          ? series("440000", { 2023: 65, 2024: 70, 2025: 76 })
          : level === "city"
            ? cities.flatMap((c) => series(c.code, cityValues(c.code)))
            : [];
      return HttpResponse.json({ indicator: ID, observations });
    }),
  );
}

describe("where we are behind: progress, not level", () => {
  it("does not list a low-level city gaining fast, and lists a high-level one sliding", async () => {
    // The path gains 6.7 pp from 2024 to 2025. Heyuan: 10 → 20 (+10, the lowest level, ahead).
    // Shenzhen: 95 → 93 (the highest level, −2: behind). Everyone else: 50 → 58 (+8, ahead).
    serve((code) =>
      code === "441600"
        ? { 2023: 5, 2024: 10, 2025: 20 }
        : code === "440300"
          ? { 2023: 94, 2024: 95, 2025: 93 }
          : { 2023: 45, 2024: 50, 2025: 58 },
    );
    await renderApp();
    const panel = await screen.findByRole("region", { name: "哪里落后" });
    await waitFor(() => expect(within(panel).getAllByRole("row").length).toBeGreaterThan(1), { timeout: 8000 });
    const rows = within(panel).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["深圳市"]);
    // Level and progress are separate columns: 93% is its level, −8.7 pp its shortfall.
    expect(rows[0]).toHaveTextContent("93.0%");
    expect(rows[0]).toHaveTextContent("−8.7 个百分点");
    // The region links to its profile; its worst indicator to Explore on that region and indicator.
    expect(within(rows[0]).getByRole("link", { name: "深圳市" }).getAttribute("href")).toMatch(/view=profile.*region=440300/);
    const indicatorLink = within(rows[0]).getAllByRole("link")[1];
    expect(indicatorLink.getAttribute("href")).toMatch(
      new RegExp(`view=explore.*indicator=${ID}.*regions=440300|view=explore.*regions=440300.*indicator=${ID}`),
    );
  });
});

describe("key findings and warnings", () => {
  it("counts the targets by outlook, names the cities behind and the warnings, each number linking to its panel", async () => {
    serve((code) => (code === "440300" ? { 2023: 94, 2024: 95, 2025: 93 } : { 2023: 45, 2024: 50, 2025: 58 }));
    await renderApp();
    const findings = await screen.findByRole("region", { name: "要点" });
    await waitFor(() => expect(within(findings).getAllByRole("listitem")).toHaveLength(3), { timeout: 8000 });
    const [targets, behind, warnings] = within(findings).getAllByRole("listitem");
    expect(targets.textContent).toMatch(/^全省 1 个目标中，/);
    expect(within(targets).getAllByRole("link")[0]).toHaveAttribute("href", "#targets");
    expect(behind).toHaveTextContent("深圳市 (1/");
    expect(within(warnings).getAllByRole("link")[0]).toHaveAttribute("href", "#warnings");
    const warningPanel = screen.getByRole("region", { name: "预警" });
    const total = Number(within(warnings).getAllByRole("link")[0].textContent);
    if (total > 0) {
      const first = within(warningPanel).getAllByRole("row")[1];
      const [regionLink, indicatorLink] = within(first).getAllByRole("link");
      expect(regionLink.getAttribute("href")).toContain("view=profile");
      expect(indicatorLink.getAttribute("href")).toContain("view=explore");
    } else {
      expect(warningPanel).toHaveTextContent("没有发现需要复核的数据");
    }
  });
});
