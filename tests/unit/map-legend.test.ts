/**
 * The map legend covers no land, at phone and desktop widths, in both languages, on screen and in
 * exports: ECharts lays the real county boundaries out (server-side SVG, no canvas) and every
 * boundary vertex must fall outside the legend's box and inside the chart.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { regionsAtLevel } from "../../src/api/filter";
// The parts the app registers (charts/echarts.ts), on the same ECharts.
import "../../src/charts/echarts";
import { buildChoroplethOption } from "../../src/charts/map/choropleth-option";
import { decodeBoundaries, subset } from "../../src/charts/map/geo";
import { buildRows } from "../../src/charts/map/map-data";
import { registerMap } from "../../src/charts/map/register";
import { computeBreaks } from "../../src/domain/bins";
import { buildExportOption, type ExportFrame, exportSize } from "../../src/export/export-option";
import { translator } from "../../src/i18n/format";
import { dataset } from "../support/msw";

echarts.use([SVGRenderer]);

const boundaries = decodeBoundaries(
  JSON.parse(readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8")) as Topology,
);
const MAP = registerMap("gd-county-legend-test", boundaries.counties);
/** A city drilled into: its county-level units only, framed on their own shapes. */
const cityMap = (city: string, units: readonly { code: string }[]) =>
  registerMap(`gd-county-${city}-legend-test`, subset(boundaries.counties, new Set(units.map((u) => u.code))));
const ring = (g: { type: string; coordinates: unknown }): number[][] =>
  (g.type === "Polygon" ? [g.coordinates] : (g.coordinates as unknown[])).flat(2) as unknown as number[][];
const vertices = boundaries.counties.features.flatMap((f) => ring(f.geometry as never));

function option(lang: "zh" | "en", id: string, city?: string) {
  const ind = dataset.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(id);
  const units = regionsAtLevel(dataset.regions, "county").filter((u) => !city || u.parent === city);
  const rows = buildRows(units, dataset.observations.get(id) ?? [], "2023", ind);
  const breaks = computeBreaks(
    rows.map((r) => r.value),
    "quantile",
  );
  const t = translator(lang);
  const scale = t("map.scale", { n: rows.length, level: t("level.county") });
  return buildChoroplethOption(
    city
      ? { mapName: cityMap(city, units), indicator: ind, rows, breaks, labels: true, scale }
      : { mapName: MAP, indicator: ind, rows, breaks, frame: boundaries.mainland, labels: false, scale },
    lang,
    t,
  );
}

/** Lays `o` out at the size, and returns how many boundary vertices fall under the legend or off the chart. */
function check(o: echarts.EChartsCoreOption, width: number, height: number, points = vertices) {
  const chart = echarts.init(null, undefined, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(o, { notMerge: true });
    const internal = chart as unknown as {
      getModel: () => { getComponent: (t: string) => unknown };
      getViewOfComponentModel: (m: unknown) => {
        group: { getBoundingRect: () => echarts.graphic.BoundingRect; getLocalTransform: () => number[] };
      };
    };
    const view = internal.getViewOfComponentModel(internal.getModel().getComponent("visualMap"));
    const box = view.group.getBoundingRect().clone();
    box.applyTransform(view.group.getLocalTransform() as never);
    let under = 0;
    let outside = 0;
    for (const [lon, lat] of points) {
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [lon, lat]) as number[];
      if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) under++;
      if (x < 0 || x > width || y < 0 || y > height) outside++;
    }
    return { under, outside, legend: { width: box.width, height: box.height } };
  } finally {
    chart.dispose();
  }
}

const frame = (width: number, height: number): ExportFrame => ({
  title: "Core digital industries value added, 2023",
  subtitle: "Guangdong, county",
  footer: "Source: Guangdong Provincial Bureau of Statistics; data version 2026.1; exported 2026-12-03",
  link: "https://example.org/?view=map",
  simulatedMark: "Simulated data / 模拟数据",
  mapNotice: translator("en")("map.boundaries"),
  background: "white",
  width,
  height,
});

describe("the map legend covers no land", () => {
  // Chart widths: a 360 px phone's panel, a large phone, a tablet, the desktop's map panel.
  const SIZES = [272, 328, 600, 880];
  for (const lang of ["zh", "en"] as const) {
    for (const id of ["core-digital-va", "villages-5g-rate"]) {
      it.each(SIZES)(`${id} (${lang}) at %i px, on screen and exported`, (width) => {
        const o = option(lang, id);
        const screen = check(o, width, 560);
        expect(screen.legend.height).toBeGreaterThan(100);
        expect(screen).toMatchObject({ under: 0, outside: 0 });
        const f = frame(width, 560);
        const size = exportSize(o, f, { width, height: 560 });
        expect(check(buildExportOption(o, f), size.width, size.height)).toMatchObject({ under: 0, outside: 0 });
      });
    }
  }

  // Guangzhou's 11 districts and Zhanjiang's (the Leizhou peninsula) 9 units, drilled into.
  for (const city of ["440100", "440800"]) {
    it.each([272, 880])(`city ${city} drilled into (en) at %i px, on screen and exported`, (width) => {
      const o = option("en", "core-digital-va", city);
      const points = boundaries.counties.features
        .filter((f) => dataset.regions.some((r) => r.code === f.properties.code && r.parent === city))
        .flatMap((f) => ring(f.geometry as never));
      expect(points.length).toBeGreaterThan(100);
      expect(check(o, width, 560, points)).toMatchObject({ under: 0, outside: 0 });
      const f = frame(width, 560);
      const size = exportSize(o, f, { width, height: 560 });
      expect(check(buildExportOption(o, f), size.width, size.height, points)).toMatchObject({ under: 0, outside: 0 });
    });
  }

  it("sees a legend over land: the old bottom-left corner (the Leizhou peninsula) fails", () => {
    const o = option("en", "core-digital-va") as { visualMap: object; series: object[]; media?: unknown };
    const old = {
      ...o,
      media: undefined,
      visualMap: { ...o.visualMap, left: 8, right: undefined, bottom: 8 },
      series: [{ ...o.series[0], left: "center", right: undefined, top: "center", bottom: undefined }],
    };
    expect(check(old, 880, 560).under).toBeGreaterThan(0);
  });
});
