import { describe, expect, it } from "vitest";
import {
  buildExportOption,
  type ExportFrame,
  exportLayout,
  exportSize,
  FRAME_BOTTOM,
  FRAME_TOP,
} from "../../src/export/export-option";

const frame = (over: Partial<ExportFrame> = {}): ExportFrame => ({
  title: "5G base stations, 2023",
  subtitle: "Guangdong, county",
  footer: "Source: X; data version v1; exported 2026-11-26",
  link: "https://example.org/?view=map",
  simulatedMark: "Simulated data / 模拟数据",
  background: "white",
  width: 800,
  height: 400,
  ...over,
});
const lines = (names: string[]) => ({
  legend: { type: "scroll", top: 0 },
  grid: { top: 48, bottom: 24 },
  xAxis: { type: "category", data: ["2023"] },
  yAxis: { type: "value" },
  series: names.map((name) => ({ type: "line", name, data: [1] })),
});
const EIGHT = [
  "Tianhe District",
  "Futian District",
  "Guangzhou",
  "Shenzhen",
  "Dongguan",
  "Chancheng District",
  "Wujiang District",
  "Yuncheng District",
];

describe("export frame layout", () => {
  it("takes the usual frame for a wide chart with a short title and a one-row legend", () => {
    const layout = exportLayout({ series: [{ type: "map" }] }, frame());
    expect([layout.top, layout.bottom, layout.markAbove]).toEqual([FRAME_TOP, FRAME_BOTTOM, false]);
    expect(exportSize({ series: [] }, frame(), { width: 800, height: 400 })).toEqual({
      width: 800,
      height: 400 + FRAME_TOP + FRAME_BOTTOM,
    });
  });

  it("grows above the plot for a legend of many rows, and puts the legend below the title", () => {
    const wide = exportLayout(lines(EIGHT.slice(0, 2)), frame());
    const narrow = exportLayout(lines(EIGHT), frame({ width: 360 }));
    expect(narrow.top).toBeGreaterThan(wide.top);
    expect(narrow.legendTop).toBeGreaterThanOrEqual(60);
    // Eight names cannot share one row in 328 px: at least three rows of 24 px under the legend's top.
    expect(narrow.top - narrow.legendTop).toBeGreaterThanOrEqual(3 * 24);
  });

  it("gives a narrow chart's title the whole width, the simulated mark on its own line above it", () => {
    const layout = exportLayout(lines(["a"]), frame({ width: 360 }));
    expect(layout.markAbove).toBe(true);
    expect(layout.titleWidth).toBe(360 - 32);
    expect(layout.titleTop).toBeGreaterThan(12);
    const option = buildExportOption(lines(["a"]), frame({ width: 360 })) as { graphic: { left?: number; right?: number }[] };
    expect(option.graphic[0].left).toBe(16);
  });

  it("grows above the plot for a long subtitle and below it for a long footer, which wrap", () => {
    const long = frame({
      width: 400,
      subtitle: EIGHT.join(", "),
      footer: Array(8).fill("Source: a long source text").join("; "),
    });
    const layout = exportLayout(lines(["a"]), long);
    expect(layout.top).toBeGreaterThan(FRAME_TOP);
    expect(layout.bottom).toBeGreaterThan(FRAME_BOTTOM);
    const option = buildExportOption(lines(["a"]), long) as {
      title: { subtextStyle: { width: number; overflow: string } }[];
      grid: { top: number; bottom: number }[];
    };
    expect(option.title[0].subtextStyle).toMatchObject({ width: 400 - 32, overflow: "break" });
    expect(option.grid[0]).toMatchObject({ top: 48 + layout.top, bottom: 24 + layout.bottom });
  });

  it("shows a legend the screen hides for one of its own in HTML", () => {
    const option = buildExportOption({ ...lines(["a", "b"]), legend: { show: false } }, frame()) as {
      legend: { show: boolean; type: string }[];
    };
    expect(option.legend[0]).toMatchObject({ show: true, type: "plain" });
  });

  it("keeps a radar, placed by percent of the chart, inside the plot's own box", () => {
    const radar = {
      legend: { type: "scroll", top: 0 },
      radar: { center: ["50%", "56%"], radius: "62%", indicator: [{ name: "x" }] },
      series: [{ type: "radar", data: [{ name: "Guangzhou", value: [1] }] }],
    };
    const f = frame({ width: 600, height: 340 });
    const { top } = exportLayout(radar, f);
    const option = buildExportOption(radar, f) as { radar: { center: [string, number]; radius: number }[] };
    expect(option.radar[0].center).toEqual(["50%", top + 0.56 * 340]);
    expect(option.radar[0].radius).toBeCloseTo(0.62 * 170, 6);
  });
});
