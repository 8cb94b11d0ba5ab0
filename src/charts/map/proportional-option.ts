/**
 * The total of an amount as proportional circles over a neutral base map. A choropleth of raw
 * counts colours the biggest units darkest whatever they do; a circle's area is read as a
 * quantity, so totals are drawn as circles (area ∝ value) and never as colour classes.
 */
import type { Indicator } from "../../api/contract";
import { formatValue, type Translate, unitLabel } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { EChartsOption } from "../echarts";
import { regionLabels } from "./choropleth-option";
import type { MapRow } from "./map-data";
import { regionTooltip } from "./tooltip";

export interface ProportionalInput {
  /** The name the boundaries were registered under with ECharts. */
  mapName: string;
  indicator: Indicator;
  rows: readonly MapRow[];
  /** Where each unit's circle goes, [lon, lat] by code (see geo.ts `centroids`). */
  centroids: ReadonlyMap<string, readonly [number, number]>;
  /** [[west, north], [east, south]] to frame, or undefined to fit all shapes. */
  frame?: [[number, number], [number, number]];
  /** Show region names on the map (cities, or one city's counties). */
  labels: boolean;
  /** What the sizes are scaled over, said under the unit (the largest unit of the level). */
  scale?: string;
  /**
   * The value the largest circle stands for: the level's largest, also when drilled into a
   * city, so that a size means the same on every map of the level. Defaults to the rows' largest.
   */
  max?: number;
}

/** Areas carry no data on this map: one light grey, no classes. */
export const NEUTRAL_AREA = "#e4e7eb";
export const CIRCLE_COLOR = "rgba(37, 99, 235, 0.62)";
/** The largest circle's diameter in CSS pixels: big enough to compare, small enough for the Pearl River Delta's districts. */
export const MAX_DIAMETER = 44;

/**
 * A circle's diameter (ECharts' symbolSize) for a value: k·√value with k such that `max` gets
 * MAX_DIAMETER, so that area ∝ value. No circle (0) for a missing or non-positive value.
 */
export function circleSize(value: number | null, max: number): number {
  if (value === null || !Number.isFinite(value) || value <= 0 || !(max > 0)) return 0;
  return (MAX_DIAMETER / Math.sqrt(max)) * Math.sqrt(value);
}

/** The largest round number (1, 2, 3, 5 × 10ⁿ) not above v. */
function niceBelow(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [10, 5, 3, 2, 1].map((m) => Number((m * p).toPrecision(12))).find((x) => x <= v * (1 + 1e-9)) ?? p;
}

/** The size legend's reference values: a round value near the largest, a quarter and a sixteenth of it (areas ¼ and 1⁄16). */
export function sizeLegendValues(max: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [];
  const top = niceBelow(max);
  return [...new Set([top, niceBelow(top / 4), niceBelow(top / 16)])].filter((v) => v > 0);
}

/** Roughly how wide a 12 px text is: a CJK character a full em, anything else about 0.6 em. */
const textWidth = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 7.2), 0);

const PAD = 6;
const LINE = 16;
const ROW_GAP = 6;
const LABEL_GAP = 8;
const GAP = 16;
/** The least width the map keeps beside its legend; a narrower chart (a phone) puts the legend below. */
const MAP_MIN_WIDTH = 320;

/** The size legend laid out: heading lines, then one row per reference circle (circle, then its value). */
export function sizeLegend(values: readonly number[], max: number, heading: string, label: (v: number) => string) {
  const lines = heading.split("\n");
  const widest = Math.max(circleSize(values[0] ?? 0, max), 12);
  let y = PAD + lines.length * LINE + 4;
  const items = values.map((v) => {
    const d = circleSize(v, max);
    const h = Math.max(d, 14);
    const item = { value: v, size: d, label: label(v), cx: PAD + widest / 2, cy: y + h / 2 };
    y += h + ROW_GAP;
    return item;
  });
  const width = Math.ceil(
    Math.max(...lines.map(textWidth), ...items.map((i) => widest + LABEL_GAP + textWidth(i.label))) + 2 * PAD,
  );
  return { lines, items, width, height: Math.ceil(y - ROW_GAP + PAD), labelX: PAD + widest + LABEL_GAP };
}

/**
 * Proportional circles at each unit's centroid over a neutral base map, larger circles drawn
 * first so that the small ones stay on top and clickable. The size legend never covers land:
 * beside the map on the right where the chart is wide enough, else below it, as the
 * choropleth's legend (the map always leaves it room).
 */
export function buildProportionalOption(input: ProportionalInput, lang: Lang, t: Translate): EChartsOption {
  const { indicator, rows, centroids } = input;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const max = input.max ?? Math.max(0, ...rows.map((r) => r.value ?? 0));
  const heading = input.scale ? `${unitLabel(indicator, lang)}\n${input.scale}` : unitLabel(indicator, lang);
  const legend = sizeLegend(sizeLegendValues(max), max, heading, (v) => formatValue(v, indicator, lang));
  const circles = rows
    .filter((r) => circleSize(r.value, max) > 0 && centroids.has(r.code))
    .sort((a, b) => (b.value as number) - (a.value as number))
    .map((r) => {
      const [lon, lat] = centroids.get(r.code) as readonly [number, number];
      return { name: r.code, value: [lon, lat, r.value as number], symbolSize: circleSize(r.value, max) };
    });
  const tooltip = (p: unknown) => {
    const row = byCode.get((p as { name: string }).name);
    return row ? regionTooltip(row, indicator, lang, t) : "";
  };
  const circleStyle = { color: CIRCLE_COLOR, borderColor: "#ffffff", borderWidth: 0.8 };
  return {
    tooltip: { trigger: "item", formatter: tooltip },
    geo: {
      map: input.mapName,
      nameProperty: "code",
      roam: true,
      scaleLimit: { min: 0.8, max: 12 },
      left: 8,
      right: legend.width + 8 + GAP,
      top: 8,
      bottom: 8,
      preserveAspect: "contain",
      ...(input.frame ? { boundingCoords: input.frame } : {}),
      selectedMode: false,
      itemStyle: { areaColor: NEUTRAL_AREA, borderColor: "#ffffff", borderWidth: 0.6 },
      // No label in any state without names (see the choropleth: ECharts would make and measure 124).
      emphasis: { itemStyle: { areaColor: "#fcd34d", borderColor: "#333", borderWidth: 1.2 }, label: { show: input.labels } },
      select: { label: { show: input.labels } },
      label: regionLabels(byCode, input.labels, lang),
      tooltip: { show: true },
    },
    series: [
      // The regions as a series on the base map: tooltips, highlight by name and the map's
      // boundary notice on exports work as on the choropleth.
      {
        type: "map",
        geoIndex: 0,
        data: rows.map((r) => ({ name: r.code, value: r.value })),
      },
      {
        type: "scatter",
        coordinateSystem: "geo",
        geoIndex: 0,
        symbol: "circle",
        itemStyle: circleStyle,
        emphasis: { scale: false, itemStyle: { color: "rgba(245, 158, 11, 0.85)", borderColor: "#333" } },
        data: circles,
      },
    ],
    graphic: [
      {
        type: "group",
        id: "size-legend",
        right: 8,
        bottom: 8,
        width: legend.width,
        height: legend.height,
        children: [
          {
            type: "rect",
            shape: { x: 0, y: 0, width: legend.width, height: legend.height },
            style: { fill: "rgba(255,255,255,0.85)" },
            silent: true,
          },
          ...legend.lines.map((line, i) => ({
            type: "text",
            x: PAD,
            y: PAD + i * LINE,
            style: { text: line, fontSize: 12, fill: "#1b1f24" },
            silent: true,
          })),
          ...legend.items.flatMap((item) => [
            {
              type: "circle",
              shape: { cx: item.cx, cy: item.cy, r: item.size / 2 },
              style: { fill: CIRCLE_COLOR, stroke: "#ffffff", lineWidth: 0.8 },
              silent: true,
            },
            {
              type: "text",
              x: legend.labelX,
              y: item.cy,
              style: { text: item.label, fontSize: 12, fill: "#1b1f24", verticalAlign: "middle" },
              silent: true,
            },
          ]),
        ],
      },
    ],
    media: [
      {
        query: { maxWidth: legend.width + GAP + MAP_MIN_WIDTH },
        option: { geo: { right: 8, bottom: legend.height + 8 + GAP } },
      },
    ],
  };
}
