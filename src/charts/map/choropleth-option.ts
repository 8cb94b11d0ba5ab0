import type { Indicator } from "../../api/contract";
import { classify } from "../../domain/bins";
import { formatValue, pick, type Translate, unitLabel } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { EChartsOption } from "../echarts";
import { NO_DATA_COLOR, sequential } from "../palette";
import type { MapRow } from "./map-data";
import { regionTooltip } from "./tooltip";

/** The regions' names on a map, drawn where they fit (shared by the choropleth and the circles' base map). */
export function regionLabels(byCode: ReadonlyMap<string, MapRow>, show: boolean, lang: Lang) {
  return {
    show,
    fontSize: 10,
    color: "#1b1f24",
    textBorderColor: "rgba(255,255,255,0.8)",
    textBorderWidth: 2,
    formatter: (p: unknown) => {
      const row = byCode.get((p as { name: string }).name);
      return row ? pick(row.name, lang) : "";
    },
  };
}

export interface ChoroplethInput {
  /** The name the boundaries were registered under with ECharts. */
  mapName: string;
  indicator: Indicator;
  rows: readonly MapRow[];
  /** Class breaks from computeBreaks: n + 1 numbers for n classes. */
  breaks: readonly number[];
  /** [[west, north], [east, south]] to frame, or undefined to fit all shapes. */
  frame?: [[number, number], [number, number]];
  /** Show region names on the map (cities, or one city's counties). */
  labels: boolean;
  /**
   * What the classes (and ranks) are computed over, said under the unit in the legend, e.g.
   * "classes over all 124 county-level units": drilled into a city, the colours keep the
   * province's scale so that they agree with the ranks.
   */
  scale?: string;
}

/** One legend entry per class, plus "no data" when a region lacks a value. */
export function legendPieces(input: Pick<ChoroplethInput, "indicator" | "rows" | "breaks">, lang: Lang, t: Translate) {
  const { breaks, indicator } = input;
  const n = Math.max(breaks.length - 1, breaks.length ? 1 : 0);
  const colors = sequential(n, indicator.direction);
  const fmt = (v: number) => formatValue(v, indicator, lang);
  const pieces = Array.from({ length: n }, (_, i) => ({
    value: i,
    color: colors[i],
    label: breaks[i] === breaks[i + 1] || breaks.length < 2 ? fmt(breaks[0]) : `${fmt(breaks[i])} – ${fmt(breaks[i + 1])}`,
  }));
  if (input.rows.some((r) => r.value === null)) pieces.push({ value: -1, color: NO_DATA_COLOR, label: t("map.noData") });
  return pieces;
}

/** Roughly how wide a 12 px text is: a CJK character a full em, anything else about 0.6 em. */
const textWidth = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 7.2), 0);

/** The legend's size as ECharts lays it out: heading lines, 12 px items 10 px apart, 18 px icons, padding 6. */
export function legendBox(pieces: readonly { label: string }[], heading: string): { width: number; height: number } {
  const lines = heading.split("\n");
  const width = Math.max(...lines.map(textWidth), ...pieces.map((p) => 18 + 5 + textWidth(p.label))) + 12;
  const height = lines.length * 16 + 10 + pieces.length * 12 + Math.max(pieces.length - 1, 0) * 10 + 12;
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** The least width the map keeps beside its legend; a narrower chart (a phone) puts the legend below. */
const MAP_MIN_WIDTH = 320;
const GAP = 16;

/**
 * A choropleth of classed values: each region's value is its class, the legend maps classes to
 * colours. The legend never covers land: beside the map on the right where the chart is wide
 * enough, else below it (an ECharts media query on the chart's width), the map always leaving it
 * room. (No corner is sea at every size: the bottom right of the province's frame holds the
 * Pratas islands, the bottom left the Leizhou peninsula.) Exports pick the layout for their width.
 */
export function buildChoroplethOption(input: ChoroplethInput, lang: Lang, t: Translate): EChartsOption {
  const { indicator, rows, breaks } = input;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const pieces = legendPieces(input, lang, t);
  const heading = input.scale ? `${unitLabel(indicator, lang)}\n${input.scale}` : unitLabel(indicator, lang);
  const legend = legendBox(pieces, heading);
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const row = byCode.get((p as { name: string }).name);
        return row ? regionTooltip(row, indicator, lang, t) : "";
      },
    },
    visualMap: {
      type: "piecewise",
      pieces,
      right: 8,
      bottom: 8,
      orient: "vertical",
      // Swatches before their labels, the heading's lines aligned with them.
      align: "left",
      itemWidth: 18,
      itemHeight: 12,
      text: [heading],
      // ECharts hides the class labels once `text` is set unless told otherwise.
      showLabel: true,
      textStyle: { fontSize: 12 },
      backgroundColor: "rgba(255,255,255,0.85)",
      padding: 6,
    },
    series: [
      {
        type: "map",
        map: input.mapName,
        nameProperty: "code",
        roam: true,
        scaleLimit: { min: 0.8, max: 12 },
        // Beside the legend (wide charts); `media` below moves the legend under the map.
        left: 8,
        right: legend.width + 8 + GAP,
        top: 8,
        bottom: 8,
        preserveAspect: "contain",
        ...(input.frame ? { boundingCoords: input.frame } : {}),
        selectedMode: false,
        itemStyle: { borderColor: "#ffffff", borderWidth: 0.6 },
        // Without names (the county level), no label in any state: ECharts builds a text, styled
        // for every state, for each region whose label shows in any one (its defaults show it on
        // hover and select), about half the map's own drawing work for 124 counties (0.1–0.2 s
        // of the first frame at 4× CPU). The tooltip still names the region on hover and tap.
        emphasis: { itemStyle: { areaColor: "#f59e0b", borderColor: "#333", borderWidth: 1.2 }, label: { show: input.labels } },
        select: { label: { show: input.labels } },
        label: regionLabels(byCode, input.labels, lang),
        ...(input.labels ? { labelLayout: { hideOverlap: true } } : {}),
        data: rows.map((r) => ({ name: r.code, value: classify(r.value, breaks) })),
      },
    ],
    media: [
      {
        query: { maxWidth: legend.width + GAP + MAP_MIN_WIDTH },
        option: { series: [{ right: 8, bottom: legend.height + 8 + GAP }] },
      },
    ],
  };
}
