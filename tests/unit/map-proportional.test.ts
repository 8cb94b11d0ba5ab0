/**
 * Totals are drawn as proportional circles (area ∝ value) over a neutral base map, never as a
 * choropleth; the map's rows and CSV carry a measure's numerator, denominator and its period.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import type { Indicator, Region } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
// The parts the app registers (charts/echarts.ts), on the same ECharts.
import "../../src/charts/echarts";
import { centroids, decodeBoundaries } from "../../src/charts/map/geo";
import { measuredMapRowsTable as mapRowsTable } from "../../src/charts/map/map-csv";
import { buildRows, mapMeasure } from "../../src/charts/map/map-data";
import {
  buildProportionalOption,
  circleSize,
  MAX_DIAMETER,
  NEUTRAL_AREA,
  sizeLegendValues,
} from "../../src/charts/map/proportional-option";
import { registerMap } from "../../src/charts/map/register";
import { measuredIndicator, measuredObservations, resolveMeasure } from "../../src/domain/intensity";
import { buildExportOption, type ExportFrame, exportSize } from "../../src/export/export-option";
import { formatValue, translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as measureTexts from "../../src/i18n/messages-measure";
import { dataset } from "../support/msw";

echarts.use([SVGRenderer]);
addMessages(measureTexts);

const stations = dataset.indicators.find((i) => i.id === "5g-base-stations") as Indicator;
const region = (code: string, en: string): Region => ({
  code,
  level: "county",
  parent: "440100",
  name: { zh: en, en },
  zone: "prd",
  kind: null,
});
const units = [region("440103", "Liwan"), region("440106", "Tianhe"), region("440111", "Baiyun"), region("440113", "Panyu")];
const obs = [
  { region: "440103", period: "2023", value: 400, status: "final" as const },
  { region: "440106", period: "2023", value: 1600, status: "final" as const },
  { region: "440111", period: "2023", value: 100, status: "final" as const },
  { region: "440113", period: "2023", value: null, status: "final" as const },
];
const where = new Map<string, [number, number]>([
  ["440103", [113.24, 23.12]],
  ["440106", [113.36, 23.15]],
  ["440111", [113.3, 23.3]],
  ["440113", [113.38, 22.95]],
]);
type Circle = { name: string; value: [number, number, number]; symbolSize: number };
type Out = {
  geo: { itemStyle: { areaColor: string }; right: number };
  series: { type: string; data: unknown[] }[];
  visualMap?: unknown;
  graphic: { children: { type: string; style: { text?: string } }[]; width: number }[];
};
const build = (lang: "zh" | "en" = "en", rows = buildRows(units, obs, "2023", stations)) =>
  buildProportionalOption(
    { mapName: "gd-test", indicator: stations, rows, centroids: where, labels: true },
    lang,
    translator(lang),
  ) as unknown as Out;

describe("proportional circles for totals", () => {
  it("sizes circles so that area ∝ value, the largest MAX_DIAMETER wide", () => {
    expect(circleSize(1600, 1600)).toBeCloseTo(MAX_DIAMETER);
    expect(circleSize(400, 1600)).toBeCloseTo(MAX_DIAMETER / 2);
    expect(circleSize(100, 1600)).toBeCloseTo(MAX_DIAMETER / 4);
    expect([null, 0, -5, Number.NaN].map((v) => circleSize(v, 1600))).toEqual([0, 0, 0, 0]);
  });

  it("draws one circle per unit with a value, at its centroid, largest first, none for no data", () => {
    const o = build();
    const circles = o.series.find((s) => s.type === "scatter")?.data as Circle[];
    expect(circles.map((c) => c.name)).toEqual(["440106", "440103", "440111"]);
    expect(circles[0].value).toEqual([113.36, 23.15, 1600]);
    // Diameter ∝ √value: areas in the ratio of the values.
    const [big, mid, small] = circles.map((c) => c.symbolSize);
    expect((mid / big) ** 2).toBeCloseTo(400 / 1600);
    expect((small / big) ** 2).toBeCloseTo(100 / 1600);
    expect(big).toBeCloseTo(MAX_DIAMETER);
  });

  it("keeps the circles' scale of the whole level when given its largest value (drilled into a city)", () => {
    const rows = buildRows(units, obs, "2023", stations);
    const o = buildProportionalOption(
      { mapName: "gd-test", indicator: stations, rows, centroids: where, labels: true, max: 6400 },
      "en",
      translator("en"),
    ) as unknown as Out;
    const circles = o.series.find((s) => s.type === "scatter")?.data as Circle[];
    expect(circles[0].symbolSize).toBeCloseTo(MAX_DIAMETER / 2);
  });

  it("draws the areas in one neutral grey, with no colour classes", () => {
    const o = build();
    expect(o.geo.itemStyle.areaColor).toBe(NEUTRAL_AREA);
    expect(o.visualMap).toBeUndefined();
    expect(o.series.map((s) => s.type)).toEqual(["map", "scatter"]);
  });

  it("has a size legend of round reference values, formatted like every figure", () => {
    expect(sizeLegendValues(1600)).toEqual([1000, 200, 50]);
    expect(sizeLegendValues(5432)).toEqual([5000, 1000, 300]);
    expect(sizeLegendValues(0.37)).toEqual([0.3, 0.05, 0.01]);
    expect(sizeLegendValues(0)).toEqual([]);
    for (const lang of ["zh", "en"] as const) {
      const legend = build(lang).graphic[0];
      const texts = legend.children.filter((c) => c.type === "text").map((c) => c.style.text);
      for (const v of [1000, 200, 50]) expect(texts).toContain(formatValue(v, stations, lang));
      expect(legend.children.filter((c) => c.type === "circle")).toHaveLength(3);
    }
  });
});

describe("the size legend covers no land (laid out on the real county boundaries)", () => {
  const boundaries = decodeBoundaries(
    JSON.parse(readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8")) as Topology,
  );
  const MAP = registerMap("gd-county-proportional-test", boundaries.counties);
  const counties = regionsAtLevel(dataset.regions, "county");
  const rows = buildRows(counties, dataset.observations.get("5g-base-stations") ?? [], "2023", stations);
  const vertices = boundaries.counties.features.flatMap((f) =>
    (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
  ) as unknown as number[][];
  const option = (lang: "zh" | "en") =>
    buildProportionalOption(
      {
        mapName: MAP,
        indicator: stations,
        rows,
        centroids: centroids(boundaries.counties),
        frame: boundaries.mainland,
        labels: false,
        scale: translator(lang)("measure.sizeScale", { n: 124, level: translator(lang)("level.county") }),
      },
      lang,
      translator(lang),
    );
  function check(o: echarts.EChartsCoreOption, width: number, height: number) {
    const chart = echarts.init(null, undefined, { renderer: "svg", ssr: true, width, height });
    try {
      chart.setOption(o, { notMerge: true });
      // The legend group's box in the chart's pixels.
      const internal = chart as unknown as {
        getModel: () => { getComponent: (t: string) => unknown };
        getViewOfComponentModel: (m: unknown) => { group: { childAt: (i: number) => echarts.graphic.Group } };
      };
      const legend = internal.getViewOfComponentModel(internal.getModel().getComponent("graphic")).group.childAt(0);
      const box = legend.getBoundingRect().clone();
      box.applyTransform(legend.getLocalTransform() as never);
      let under = 0;
      let outside = 0;
      for (const [lon, lat] of vertices) {
        const [x, y] = chart.convertToPixel({ geoIndex: 0 }, [lon, lat]) as number[];
        if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) under++;
        if (x < 0 || x > width || y < 0 || y > height) outside++;
      }
      return { under, outside, box: { width: box.width, height: box.height } };
    } finally {
      chart.dispose();
    }
  }
  const frame = (width: number): ExportFrame => ({
    title: "5G base stations, 2023",
    subtitle: "Guangdong, county",
    footer: "Source: X; data version 2026.1; exported 2026-12-03",
    link: "https://example.org/?view=map",
    simulatedMark: "Simulated data / 模拟数据",
    mapNotice: translator("en")("map.boundaries"),
    background: "white",
    width,
    height: 560,
  });
  for (const lang of ["zh", "en"] as const) {
    it.each([272, 600, 880])(`(${lang}) at %i px, on screen and exported`, (width) => {
      const o = option(lang);
      const screen = check(o, width, 560);
      expect(screen.box.height).toBeGreaterThan(60);
      expect(screen).toMatchObject({ under: 0, outside: 0 });
      const size = exportSize(o, frame(width), { width, height: 560 });
      expect(check(buildExportOption(o, frame(width)), size.width, size.height)).toMatchObject({ under: 0, outside: 0 });
    });
  }
});

describe("map rows and CSV of a measure", () => {
  const catalogue = dataset.indicators;
  const population = dataset.observations.get("population") ?? [];
  const counties = regionsAtLevel(dataset.regions, "county");

  it("carry the numerator, the denominator and its period, headers naming them", () => {
    const { choice } = resolveMeasure(stations, catalogue, null);
    expect(choice.per).toBe("population");
    const shown = measuredIndicator(stations, choice);
    const measured = measuredObservations(dataset.observations.get("5g-base-stations") ?? [], choice, {
      kind: "indicator",
      observations: population,
      stock: true,
    });
    const rows = buildRows(counties, measured, "2023", shown);
    const tianhe = rows.find((r) => r.code === "440106");
    const num = dataset.observations.get("5g-base-stations")?.find((o) => o.region === "440106" && o.period === "2023");
    const den = population.find((o) => o.region === "440106" && o.period === "2023");
    expect(tianhe).toMatchObject({ numerator: num?.value, denominator: den?.value, denominatorPeriod: "2023" });
    expect(tianhe?.value).toBeCloseTo(((num?.value as number) / (den?.value as number)) * choice.scale, 9);

    const t = translator("en");
    const measure = mapMeasure(stations, choice, catalogue, "en", t);
    const csv = mapRowsTable(rows, shown, "en", t, measure);
    expect(csv.header).toEqual(
      expect.arrayContaining([
        "5G base stations (stations)",
        "Resident population (10,000 people)",
        "Resident population period",
      ]),
    );
    const line = csv.rows.find((r) => r[0] === "440106") as unknown[];
    const at = (h: string) => line[csv.header.indexOf(h)];
    expect(at("5G base stations (stations)")).toBe(num?.value);
    expect(at("Resident population (10,000 people)")).toBe(den?.value);
    expect(at("Resident population period")).toBe("2023");
    expect(at(t("data.unit"))).toBe("per 10,000 residents");
  });

  it("say land area is in km² and approximate, and add nothing for the total", () => {
    const t = translator("en");
    const area = resolveMeasure(stations, catalogue, "area").choice;
    const measure = mapMeasure(stations, area, catalogue, "en", t);
    expect(measure).toMatchObject({ denominator: "Land area (km², approximate)", period: null });
    const total = resolveMeasure(stations, catalogue, "total").choice;
    expect(mapMeasure(stations, total, catalogue, "en", t)).toBeNull();
    const rows = buildRows(counties, dataset.observations.get("5g-base-stations") ?? [], "2023", stations);
    expect(mapRowsTable(rows, stations, "en", t, null).header).toHaveLength(8);
  });
});
