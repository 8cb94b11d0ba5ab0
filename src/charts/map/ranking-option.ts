import type { Indicator } from "../../api/contract";
import { classify } from "../../domain/bins";
import { formatValue, pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { EChartsOption } from "../echarts";
import { NO_DATA_COLOR, sequential } from "../palette";
import type { MapRow } from "./map-data";
import { regionTooltip } from "./tooltip";

/** The regions the ranking shows: all when they fit (up to 30), else the best and the worst `n`, best first. */
export function rankingRows(rows: readonly MapRow[], n = 10): MapRow[] {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  return ranked.length <= 30 ? ranked : [...ranked.slice(0, n), ...ranked.slice(-n)];
}

/** Horizontal bars of the ranked regions, coloured by the same classes as the map. */
export function buildRankingOption(
  input: { indicator: Indicator; rows: readonly MapRow[]; breaks: readonly number[]; n?: number },
  lang: Lang,
  t: Translate,
): EChartsOption {
  const { indicator, breaks } = input;
  const rows = rankingRows(input.rows, input.n);
  const colors = sequential(Math.max(breaks.length - 1, 1), indicator.direction);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    // Drawn at once, without bars growing in: their entrance redrew every bar and label each
    // frame for a second after the map's first draw (on a phone at 4× CPU, 50–130 ms a frame,
    // every one a long task). A period step still moves the bars (the update animation).
    animationDuration: 0,
    grid: { left: 8, right: 64, top: 8, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const row = byCode.get((p as { data: { code: string } }).data.code);
        return row ? regionTooltip(row, indicator, lang, t) : "";
      },
    },
    xAxis: { type: "value", show: false },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => `${r.rank}. ${pick(r.name, lang)}`),
      axisTick: { show: false },
      // Every bar named (the chart is 22 px a row): no "auto" pass measuring the labels to thin them.
      axisLabel: { fontSize: 11, interval: 0 },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 14,
        data: rows.map((r) => ({
          value: r.value,
          code: r.code,
          itemStyle: { color: r.value === null ? NO_DATA_COLOR : colors[Math.max(classify(r.value, breaks), 0)] },
        })),
        label: {
          show: true,
          position: "right",
          fontSize: 10,
          formatter: (p: unknown) => formatValue((p as { value: number }).value, indicator, lang),
        },
        emphasis: { itemStyle: { color: "#f59e0b" } },
      },
    ],
  };
}
