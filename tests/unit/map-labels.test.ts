/**
 * Region names on the map only where they are drawn: ECharts makes a text for every region whose
 * label shows in any state (its defaults show it on hover and on select) and measures them all
 * in the first frame (`hideOverlap`), so a map without names (the county level) must create
 * none, hovered or not; the tooltip still names the region. Laid out by ECharts itself on the
 * real boundaries (server-side SVG, no canvas).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Topology } from "topojson-specification";
import { afterEach, describe, expect, it } from "vitest";
import { regionsAtLevel } from "../../src/api/filter";
import "../../src/charts/echarts";
import { buildChoroplethOption } from "../../src/charts/map/choropleth-option";
import { centroids, decodeBoundaries, subset } from "../../src/charts/map/geo";
import { buildRows } from "../../src/charts/map/map-data";
import { buildProportionalOption } from "../../src/charts/map/proportional-option";
import { registerMap } from "../../src/charts/map/register";
import { computeBreaks } from "../../src/domain/bins";
import { translator } from "../../src/i18n/format";
import { dataset } from "../support/msw";

echarts.use([SVGRenderer]);

const boundaries = decodeBoundaries(
  JSON.parse(readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8")) as Topology,
);
const t = translator("zh");
const GUANGZHOU = "440100";

/** An indicator's rows for the counties (of one city), and their boundaries registered as a map. */
function rowsOf(id: string, city?: string) {
  const ind = dataset.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(id);
  const units = regionsAtLevel(dataset.regions, "county").filter((u) => !city || u.parent === city);
  const mapName = city
    ? registerMap(`gd-county-${city}-labels-test`, subset(boundaries.counties, new Set(units.map((u) => u.code))))
    : registerMap("gd-county-labels-test", boundaries.counties);
  return { ind, units, mapName, rows: buildRows(units, dataset.observations.get(id) ?? [], "2023", ind) };
}

function choropleth(city?: string) {
  const { ind, units, mapName, rows } = rowsOf("core-digital-va", city);
  const breaks = computeBreaks(
    rows.map((r) => r.value),
    "quantile",
  );
  const option = buildChoroplethOption(
    { mapName, indicator: ind, rows, breaks, frame: city ? undefined : boundaries.mainland, labels: city !== undefined },
    "zh",
    t,
  );
  return { option, units };
}

function circles(city?: string) {
  const { ind, units, mapName, rows } = rowsOf("5g-base-stations", city);
  const option = buildProportionalOption(
    { mapName, indicator: ind, rows, centroids: centroids(boundaries.counties), labels: city !== undefined },
    "zh",
    t,
  );
  return { option, units, rows };
}

let chart: echarts.ECharts | undefined;
afterEach(() => chart?.dispose());

interface El {
  children?: () => El[];
  getTextContent?: () => { style: { text?: string } } | undefined;
}
/** The texts attached to shapes (region labels), hovered regions included, after ECharts' first frame. */
function regionTexts(option: echarts.EChartsCoreOption, hover?: string): string[] {
  chart = echarts.init(null, undefined, { renderer: "svg", ssr: true, width: 360, height: 560 });
  chart.setOption(option, { notMerge: true });
  if (hover) chart.dispatchAction({ type: "highlight", seriesIndex: 0, name: hover });
  chart.renderToSVGString();
  const out: string[] = [];
  const walk = (el: El) => {
    const text = el.getTextContent?.();
    if (text) out.push(text.style.text ?? "");
    for (const c of el.children?.() ?? []) walk(c);
  };
  for (const root of chart.getZr().storage.getRoots() as unknown as El[]) walk(root);
  return out;
}

describe("region names on the map", () => {
  it("creates no label for the 124 county-level units, not even for a hovered one; the tooltip names it", () => {
    const { option, units } = choropleth();
    expect(units).toHaveLength(124);
    const tianhe = units.find((u) => u.code === "440106");
    expect(regionTexts(option, "440106")).toEqual([]);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ name: "440106" });
    expect(tooltip).toContain(tianhe?.name.zh);
  });

  it("names each district of a city drilled into", () => {
    const { option, units } = choropleth(GUANGZHOU);
    const texts = regionTexts(option);
    expect(units).toHaveLength(11);
    expect([...texts].sort()).toEqual(units.map((u) => u.name.zh).sort());
  });

  it("creates no label on the circles' base map of the counties either, and names a city's districts", () => {
    expect(regionTexts(circles().option, "440106")).toEqual([]);
    const { option, units } = circles(GUANGZHOU);
    expect([...regionTexts(option)].sort()).toEqual(units.map((u) => u.name.zh).sort());
  });
});
