import type { Pillar } from "../../api/contract";
import type { EChartsOption } from "../../charts/echarts";
import { escapeHtml } from "../../charts/escape";
import { buildSeriesOption, SERIES_COLORS, type SeriesInput } from "../../charts/series-option";
import { pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { RankedRow, RankingSlot } from "./compare-data";

/** Bars of the regions not selected: quiet, so that the selection stands out in its own colours. */
export const OTHER_BAR = "#c9d1d9";
const GAP_LABEL = "⋯";

/** The colour of the i-th selected region, the same in every chart of the view. */
export const selectionColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length];

export interface RankingBarsInput {
  slots: readonly RankingSlot[];
  /** Selected codes in selection order (their colours). */
  selected: readonly string[];
  /** A value as the bar's label shows it. */
  format: (value: number | null) => string;
  /** A bar's tooltip, as escaped HTML. */
  tooltip: (row: RankedRow) => string;
}

/**
 * A ranking as horizontal bars, best at the top: the selected regions in their colours and
 * labelled with their value, the others grey, gaps marked "⋯".
 */
export function buildRankingBarsOption(input: RankingBarsInput, lang: Lang): EChartsOption {
  const { slots, selected, format, tooltip } = input;
  const keyOf = (s: RankingSlot) => (s.gap ? s.key : s.row.code);
  const labels = new Map(slots.map((s) => [keyOf(s), s.gap ? GAP_LABEL : `${s.row.rank}. ${pick(s.row.name, lang)}`]));
  const rows = new Map(slots.flatMap((s) => (s.gap ? [] : [[s.row.code, s.row] as const])));
  const chosen = new Set(selected);
  return {
    // ECharts 6 spelling of `containLabel` (which now needs a legacy module): labels stay inside.
    grid: { left: 8, right: 72, top: 8, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const row = rows.get((p as { data: { code?: string } | null }).data?.code ?? "");
        return row ? tooltip(row) : "";
      },
    },
    xAxis: { type: "value", show: false },
    yAxis: {
      type: "category",
      inverse: true,
      // Keys, not labels, as categories: labels may repeat (several gaps), keys never do.
      data: slots.map(keyOf),
      axisTick: { show: false },
      axisLabel: {
        fontSize: 11,
        formatter: (key: string) => {
          const text = labels.get(key) ?? "";
          return chosen.has(key) ? `{sel|${text}}` : text;
        },
        rich: { sel: { fontWeight: "bold", color: "#1b1f24", fontSize: 11 } },
      },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 14,
        data: slots.map((s) => {
          if (s.gap) return { value: null, code: null };
          const i = selected.indexOf(s.row.code);
          return {
            value: s.row.value,
            code: s.row.code,
            itemStyle: { color: i >= 0 ? selectionColor(i) : OTHER_BAR },
            label: { show: i >= 0 },
          };
        }),
        label: {
          show: false,
          position: "right",
          fontSize: 10,
          formatter: (p: unknown) => format((p as { value: number | null }).value),
        },
      },
    ],
  };
}

export interface RadarInput {
  pillars: readonly Pillar[];
  series: readonly { name: string; color: string; scores: readonly (number | null)[] }[];
  min: number;
  max: number;
  format: (value: number | null) => string;
}

/** Pillar scores of the selected regions of one level, one polygon each. */
export function buildRadarOption(input: RadarInput, t: Translate): EChartsOption {
  const { pillars, series, min, max, format } = input;
  return {
    color: series.map((s) => s.color),
    // Drawn in HTML above the chart (charts/legend.ts); exports draw it in the image.
    legend: { top: 0, left: 0, right: 0 },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: (number | null)[] };
        return [
          `<strong>${escapeHtml(name)}</strong>`,
          ...pillars.map((pl, i) => escapeHtml(`${t(`pillar.${pl}`)}: ${format(value[i] ?? null)}`)),
        ].join("<br/>");
      },
    },
    radar: {
      center: ["50%", "52%"],
      radius: "62%",
      indicator: pillars.map((p) => ({ name: t(`pillar.${p}`), min, max })),
      axisName: { color: "#57606a", fontSize: 10 },
    },
    series: [
      {
        type: "radar",
        symbolSize: 5,
        // A missing pillar score is null: ECharts draws it at the centre, and the table says "no score".
        data: series.map((s) => ({ name: s.name, value: [...s.scores], areaStyle: { opacity: 0.08 } })),
      },
    ],
  };
}

/**
 * One small chart of the small multiples: the shared multi-line builder with its legend off
 * (one legend serves them all) and a tighter frame.
 */
export function buildSmallMultipleOption(input: SeriesInput, lang: Lang, t: Translate): EChartsOption {
  const option = buildSeriesOption(input, lang, t) as Record<string, unknown> & { yAxis: Record<string, unknown> };
  return {
    ...option,
    legend: { show: false },
    grid: { left: 8, right: 12, top: 24, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    yAxis: {
      ...option.yAxis,
      nameTextStyle: { align: "left", fontSize: 10 },
      axisLabel: { ...(option.yAxis.axisLabel as object | undefined), fontSize: 10 },
    },
    xAxis: { ...(option.xAxis as Record<string, unknown>), axisLabel: { fontSize: 10 } },
  };
}
