import type { Indicator } from "../../api/contract";
import { classify } from "../../domain/bins";
import { formatValue, pick, type Translate, unitLabel } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { EChartsOption } from "../echarts";
import { NO_DATA_COLOR, sequential } from "../palette";
import type { MapRow } from "./map-data";
import { regionTooltip } from "./tooltip";

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

/** A choropleth of classed values: each region's value is its class, the legend maps classes to colours. */
/** The legend's height as ECharts lays it out: its heading's lines, one 12 px item per class with 10 px between, padding. */
export function legendHeight(pieces: number, headingLines: number): number {
  return headingLines * 16 + 8 + pieces * 12 + Math.max(pieces - 1, 0) * 10 + 2 * 6;
}

export function buildChoroplethOption(input: ChoroplethInput, lang: Lang, t: Translate): EChartsOption {
  const { indicator, rows, breaks } = input;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const pieces = legendPieces(input, lang, t);
  // The province's frame has the South China Sea in its bottom right (bottom left is the Leizhou
  // peninsula): the legend goes there. A city drilled into has land in any corner: the map
  // leaves room for the legend below it.
  const below = input.frame === undefined;
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
      // Exports keep this place, above their footer.
      ...(below ? { left: 8 } : { right: 8 }),
      bottom: 8,
      orient: "vertical",
      itemWidth: 18,
      itemHeight: 12,
      text: [input.scale ? `${unitLabel(indicator, lang)}\n${input.scale}` : unitLabel(indicator, lang)],
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
        ...(below ? { bottom: legendHeight(pieces.length, input.scale ? 2 : 1) + 16 } : {}),
        ...(input.frame ? { boundingCoords: input.frame } : {}),
        selectedMode: false,
        itemStyle: { borderColor: "#ffffff", borderWidth: 0.6 },
        emphasis: { itemStyle: { areaColor: "#f59e0b", borderColor: "#333", borderWidth: 1.2 }, label: { show: true } },
        label: {
          show: input.labels,
          fontSize: 10,
          color: "#1b1f24",
          textBorderColor: "rgba(255,255,255,0.8)",
          textBorderWidth: 2,
          formatter: (p: unknown) => {
            const row = byCode.get((p as { name: string }).name);
            return row ? pick(row.name, lang) : "";
          },
        },
        labelLayout: { hideOverlap: true },
        data: rows.map((r) => ({ name: r.code, value: classify(r.value, breaks) })),
      },
    ],
  };
}
