import { act, render, screen, waitFor } from "@testing-library/react";
import type { EChartsType } from "echarts/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Chart, RendererContext } from "../../src/charts/Chart";
import type { EChartsOption } from "../../src/charts/echarts";

/** A stand-in for the system setting: matchMedia("(prefers-reduced-motion: reduce)") that can change. */
function mockReducedMotion(initially: boolean) {
  const listeners = new Set<() => void>();
  const list = {
    matches: initially,
    media: "(prefers-reduced-motion: reduce)",
    addEventListener: (_: "change", f: () => void) => listeners.add(f),
    removeEventListener: (_: "change", f: () => void) => listeners.delete(f),
  };
  vi.stubGlobal(
    "matchMedia",
    vi.fn((query: string) => (query === list.media ? list : { ...list, media: query, matches: false })),
  );
  return {
    set(reduce: boolean) {
      list.matches = reduce;
      act(() => {
        for (const f of listeners) f();
      });
    },
  };
}

const OPTION: EChartsOption = {
  xAxis: { type: "category", data: ["2021", "2022", "2023"] },
  yAxis: { type: "value" },
  series: [{ type: "line", data: [1, 2, 3] }],
};

/** Draws a chart as the app does in jsdom (SVG) and hands back its ECharts instance. */
async function drawChart(option = OPTION) {
  let chart: EChartsType | undefined;
  const ui = (o: EChartsOption) => (
    <RendererContext.Provider value="svg">
      <Chart label="trend" option={o} onReady={(c) => (chart = c)} />
    </RendererContext.Provider>
  );
  const { rerender } = render(ui(option));
  await screen.findByRole("img", { name: "trend" });
  await waitFor(() => expect(chart).toBeDefined());
  return { chart: () => chart as EChartsType, update: (o: EChartsOption) => rerender(ui(o)) };
}

afterEach(() => vi.unstubAllGlobals());

describe("prefers-reduced-motion", () => {
  it("draws charts, and each update of them, without animation when the reader asks for less motion", async () => {
    mockReducedMotion(true);
    const { chart, update } = await drawChart();
    expect(chart().getOption().animation).toBe(false);
    // A new option from a builder (which knows nothing of the setting) is still drawn at once.
    update({ ...OPTION, series: [{ type: "line", data: [3, 2, 1] }] });
    await waitFor(() => expect((chart().getOption().series as { data: number[] }[])[0].data).toEqual([3, 2, 1]));
    expect(chart().getOption().animation).toBe(false);
  });

  it("follows the setting as it changes, and animates as usual without it", async () => {
    const motion = mockReducedMotion(false);
    const { chart } = await drawChart();
    expect(chart().getOption().animation).not.toBe(false);
    motion.set(true);
    await waitFor(() => expect(chart().getOption().animation).toBe(false));
    motion.set(false);
    await waitFor(() => expect(chart().getOption().animation).not.toBe(false));
  });

  it("animates as usual where there is no matchMedia at all (jsdom, old browsers)", async () => {
    expect(window.matchMedia).toBeUndefined();
    const { chart } = await drawChart();
    expect(chart().getOption().animation).not.toBe(false);
  });
});
