/**
 * Correct numbers on screen: each test here failed on the code before the correctness review
 * (issue 18) and pins what a user must see instead.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { handleApi } from "../../mock/api";
import type { Indicator, Observation, Target } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { formatValue } from "../../src/i18n/format";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const byId = (id: string): Indicator => {
  const i = dataset.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`fixture lacks ${id}`);
  return i;
};
const valueAt = (id: string, region: string, period: string) =>
  dataset.observations.get(id)?.find((o) => o.region === region && o.period === period)?.value ?? null;

describe("another indicator's figures never stand under this one's name", () => {
  it("shows a loading state, not the previous indicator's values, while the next indicator loads", async () => {
    const from = byId("5g-base-stations");
    const to = byId("villages-5g-rate");
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get("*/api/v1/observations", async ({ request }) => {
        if (new URL(request.url).searchParams.get("indicator") === to.id) await gate;
        return undefined; // on to the dataset's handler
      }),
    );
    // The total (amounts open per resident since #16): the figure the report was about.
    const { store } = await renderApp(`?view=map&indicator=${from.id}&per=total&year=2023&tab=table`);
    const old = formatValue(valueAt(from.id, "440100", "2023"), from, "zh");
    const table = await screen.findByRole("table", {}, { timeout: 8000 });
    expect(within(table).getByRole("rowheader", { name: "广州市" }).closest("tr")).toHaveTextContent(old);

    act(() => store?.getState().update({ indicator: to.id }));
    expect(await screen.findByRole("heading", { name: to.name.zh })).toBeInTheDocument();
    // While the rate loads: a skeleton, no table, and nowhere the stations' figures.
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByText(old)).not.toBeInTheDocument();
    expect(screen.getAllByRole("status").some((s) => s.textContent?.includes("正在加载"))).toBe(true);

    release();
    const next = await screen.findByRole("table", {}, { timeout: 8000 });
    expect(within(next).getByRole("rowheader", { name: "广州市" }).closest("tr")).toHaveTextContent(
      formatValue(valueAt(to.id, "440100", "2023"), to, "zh"),
    );
  });
});

describe("order is never assumed from the API", () => {
  it("titles the trend oldest–newest and draws the same sparkline when the API answers newest first", async () => {
    const sparkline = () => document.querySelector(".kpi .sparkline path")?.getAttribute("d");
    const first = await renderApp();
    await waitFor(() => expect(sparkline()).toBeTruthy(), { timeout: 8000 });
    const inOrder = sparkline();
    first.unmount();
    if ("stop" in first) first.stop?.();

    server.use(
      http.get("*/api/v1/observations", ({ request }) => {
        const url = new URL(request.url);
        const { status, body } = handleApi(dataset, "GET", "observations", url.searchParams);
        const b = body as { indicator: string; observations: Observation[] };
        return HttpResponse.json({ ...b, observations: [...b.observations].reverse() }, { status });
      }),
    );
    await renderApp();
    await waitFor(() => expect(sparkline()).toBeTruthy(), { timeout: 8000 });
    expect(sparkline()).toBe(inOrder);
    expect(await screen.findByRole("img", { name: /2018–2025/ }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /2025–2018/ })).not.toBeInTheDocument();
  });
});

describe("target verdicts, computed by hand", () => {
  const plan = { zh: "规划", en: "Plan" };
  const target = (period: string, value: number, base?: Target["base"]): Target => ({
    region: "440000",
    period,
    value,
    source: plan,
    ...(base ? { base } : {}),
  });
  // Hand-made province series and targets; every verdict below is worked out in the comment beside it.
  const cases: Record<string, { series: Record<string, number>; targets: Target[] }> = {
    // Path 70 (2024) → 90 (2027): 76.7 expected in 2025; 80 is above it.
    "villages-5g-rate": { series: { 2018: 40, 2024: 70, 2025: 80 }, targets: [target("2027", 90, { period: "2024" })] },
    // 3,000 in 2025 meets the 2025 target; the 2027 target is measured from it (3,000 expected in 2025).
    "ai-core-industry": {
      series: { 2018: 900, 2024: 2600, 2025: 3000 },
      targets: [target("2025", 3000, { period: "2024" }), target("2027", 4400, { period: "2025", value: 3000 })],
    },
    // No plan base: from 2018 (10) to 60 in 2027, 48.9 expected in 2025; 33 is below.
    "computing-power": { series: { 2018: 10, 2024: 30, 2025: 33 }, targets: [target("2027", 60)] },
    // The target year 2023 has passed: judged on 2023's 93 (< 95), not 2025's 97.
    "online-gov-services-rate": {
      series: { 2018: 80, 2023: 93, 2025: 97 },
      targets: [target("2023", 95, { period: "2020", value: 85 })],
    },
  };

  it("says achieved, on track and behind exactly where the hand computation does", async () => {
    server.use(
      http.get("*/api/v1/indicators", () =>
        HttpResponse.json({
          indicators: dataset.indicators.map((i) => ({ ...i, targets: cases[i.id]?.targets ?? [] })),
        }),
      ),
      http.get("*/api/v1/observations", ({ request }) => {
        const q = new URL(request.url).searchParams;
        const id = q.get("indicator") ?? "";
        if (!cases[id] || q.get("level") !== "province") return undefined;
        return HttpResponse.json({
          indicator: id,
          observations: Object.entries(cases[id].series).map(([period, value]) => ({
            region: "440000",
            period,
            value,
            status: "final",
          })),
        });
      }),
    );
    await renderApp();
    const panel = await screen.findByRole("region", { name: "目标进度" });
    await waitFor(() => expect(within(panel).getAllByRole("row")).toHaveLength(6), { timeout: 8000 });
    const verdicts = within(panel)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [within(r).getByRole("rowheader").textContent, r.querySelector(".verdict")?.textContent]);
    expect(verdicts).toHaveLength(5);
    expect(verdicts).toEqual(
      expect.arrayContaining([
        [byId("computing-power").name.zh, "落后"],
        [byId("online-gov-services-rate").name.zh, "落后"],
        [byId("villages-5g-rate").name.zh, "按计划"],
        [byId("ai-core-industry").name.zh, "按计划"],
        [byId("ai-core-industry").name.zh, "已达成"],
      ]),
    );
    // The passed target shows the value it was judged on, and the fallback baseline says so.
    const rowOf = (name: string) =>
      within(panel)
        .getAllByRole("row")
        .filter((r) => within(r).queryByRole("rowheader", { name }));
    expect(rowOf(byId("online-gov-services-rate").name.zh)[0]).toHaveTextContent("(2023)");
    expect(rowOf(byId("computing-power").name.zh)[0]).toHaveTextContent("数据首年");
  });
});

describe("the map's time slider", () => {
  it("keeps to one frequency, and playback replaces the history entry instead of adding one per step", async () => {
    const user = userEvent.setup();
    await renderApp("?view=map&indicator=5g-base-stations&year=2024Q2&tab=table");
    const select = await screen.findByRole("combobox", { name: "期间" }, { timeout: 8000 });
    const options = within(select)
      .getAllByRole("option")
      .map((o) => o.textContent ?? "");
    expect(options.length).toBeGreaterThan(4);
    expect(options.every((p) => /^\d{4}Q[1-4]$/.test(p))).toBe(true);

    const before = window.history.length;
    await user.click(screen.getByRole("button", { name: /播放/ }));
    await waitFor(() => expect(window.location.search).toContain("year=2024Q3"), { timeout: 3000 });
    await waitFor(() => expect(window.location.search).toContain("year=2024Q4"), { timeout: 3000 });
    expect(window.history.length).toBe(before);
  });
});

describe("drilled into a city, colours and ranks use one scale", () => {
  it("classes the city's counties on the province's scale and says so in the legend", async () => {
    const ID = "core-digital-va-share";
    const { container } = await renderApp(`?view=map&level=county&city=441400&indicator=${ID}&year=2023`);
    const counties = regionsAtLevel(dataset.regions, "county");
    const n = counties.filter((r) => valueAt(ID, r.code, "2023") !== null).length;
    await waitFor(() => expect(container.querySelector(".map-main svg")?.textContent).toContain(`按全省${n}个县区统一分级`), {
      timeout: 8000,
    });
  });
});
