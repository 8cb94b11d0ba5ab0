import type { Indicator, Meta, Observation, Target } from "../api/contract";
import { yearOf } from "../domain/periods";
import { formatValue, pick, type Translate, unitLabel } from "../i18n/format";
import type { Lang } from "../state/url";
import type { EChartsOption } from "./echarts";
import { escapeHtml } from "./escape";

/** One line: a region's observations, or a benchmark (drawn dashed, no markers). */
export interface Line {
  name: string;
  observations: readonly Observation[];
  benchmark?: boolean;
}

export interface SeriesInput {
  indicator: Indicator;
  lines: readonly Line[];
  /** Targets drawn as diamonds at their year (usually the province's). */
  targets?: readonly Target[];
  /** Policy milestones from /meta, drawn as vertical lines at their year. */
  milestones?: Meta["milestones"];
  /** Draw quarters instead of years. */
  quarterly?: boolean;
  /**
   * The first line's outlook against its target (from the assessment module): the target
   * trajectory, and the projection of the current trend with its 80% band, by year.
   */
  outlook?: {
    trajectory: readonly { year: number; value: number }[];
    projection: readonly { year: number; value: number; low: number; high: number }[];
  };
}

/** Colour-blind-safe categorical colours (Okabe–Ito), then greys for benchmarks. */
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const BENCHMARK_COLORS = ["#57606a", "#8c959f", "#b1bac4"];
const TARGET_COLOR = "#c2410c";
const PROJECTION_COLOR = "#6e7781";

/** The x axis: every year (or quarter) from the first observation to the last target, so gaps are to scale. */
export function axisPeriods(input: SeriesInput): string[] {
  const observed = input.lines.flatMap((l) => l.observations.map((o) => o.period));
  if (input.quarterly) {
    return [...new Set(observed.filter((p) => p.includes("Q")))].sort();
  }
  const years = [...observed.filter((p) => !p.includes("Q")), ...(input.targets ?? []).map((x) => x.period)].map(yearOf);
  if (!years.length) return [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/** The period a milestone's date (YYYY-MM-DD) falls in: its year, or its quarter on a quarterly axis. */
export function milestonePeriod(date: string, quarterly = false): string {
  const year = date.slice(0, 4);
  return quarterly ? `${year}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` : year;
}

/**
 * Lines over time, one per region or benchmark. Preliminary and estimated points are hollow,
 * missing values are gaps (never zeros), targets are diamonds and milestones dashed rules.
 */
export function buildSeriesOption(input: SeriesInput, lang: Lang, t: Translate): EChartsOption {
  const { indicator, lines, targets = [], milestones = [] } = input;
  const periods = axisPeriods(input);
  const unit = unitLabel(indicator, lang);
  const targetName = t("chart.target");
  let regionIndex = 0;
  let benchmarkIndex = 0;
  const colors = lines.map((l) =>
    l.benchmark
      ? BENCHMARK_COLORS[benchmarkIndex++ % BENCHMARK_COLORS.length]
      : SERIES_COLORS[regionIndex++ % SERIES_COLORS.length],
  );
  const markLine = {
    silent: true,
    symbol: "none",
    lineStyle: { type: "dashed", color: "#8c959f" },
    label: { formatter: "{b}", position: "insideEndTop", color: "#57606a", fontSize: 10 },
    // A milestone sits on its year (or quarter): the axis is by period, so the day is not drawn to scale.
    data: milestones
      .map((m) => ({ name: pick(m.label, lang), xAxis: milestonePeriod(m.date, input.quarterly) }))
      .filter((m) => periods.includes(m.xAxis)),
  };
  return {
    color: [...colors, TARGET_COLOR],
    grid: { left: 16, right: 24, top: 32, bottom: 24, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    // Drawn in HTML above the chart (charts/legend.ts); exports draw it in the image.
    legend: { top: 0, left: 0, right: 0 },
    tooltip: {
      trigger: "axis",
      formatter: (params: unknown) => {
        const items = params as {
          seriesName: string;
          axisValue: string;
          data: { value: number | null; status?: string } | number | null;
        }[];
        const rows = items.flatMap((p) => {
          // The band's two stacked series are said in the projection's row.
          const point = typeof p.data === "object" && p.data !== null ? p.data : { value: p.data };
          if (point.value === null || point.value === undefined || "band" in point) return [];
          const range =
            "low" in point && typeof point.low === "number" && "high" in point && typeof point.high === "number"
              ? ` (${t("chart.band")}: ${formatValue(point.low, indicator, lang)} – ${formatValue(point.high, indicator, lang)})`
              : "";
          const flag =
            "status" in point && point.status && point.status !== "final"
              ? ` (${t(`status.${point.status as "preliminary"}`)})`
              : "";
          return [
            `${escapeHtml(p.seriesName)}: ${escapeHtml(formatValue(point.value, indicator, lang))}${escapeHtml(flag + range)}`,
          ];
        });
        return [escapeHtml(items[0]?.axisValue ?? ""), ...rows].join("<br/>");
      },
    },
    xAxis: { type: "category", data: periods, boundaryGap: false },
    yAxis: {
      type: "value",
      name: unit,
      nameTextStyle: { align: "left" },
      scale: unit !== "%",
      // In English, amounts in 亿元/万人 tick as "500 billion", "1 trillion" under the axis name "yuan".
      ...(unit !== pick(indicator.unit, lang)
        ? { axisLabel: { formatter: (v: number) => formatValue(v, indicator, lang, "", false) } }
        : {}),
    },
    series: [
      ...lines.map((line, i) => {
        const byPeriod = new Map(line.observations.map((o) => [o.period, o]));
        return {
          name: line.name,
          type: "line",
          connectNulls: false,
          symbol: line.benchmark ? "none" : "circle",
          symbolSize: 7,
          lineStyle: line.benchmark ? { type: "dashed", width: 1.5 } : { width: 2 },
          data: periods.map((p) => {
            const o = byPeriod.get(p);
            if (!o) return null;
            // Hollow markers for figures that may still change.
            return o.status === "final"
              ? { value: o.value, status: o.status }
              : { value: o.value, status: o.status, itemStyle: { color: "#fff", borderColor: colors[i], borderWidth: 2 } };
          }),
          ...(i === 0 && markLine.data.length ? { markLine } : {}),
        };
      }),
      ...(targets.length
        ? [
            {
              // Markers without a line: a line series draws them as well as a scatter series
              // would, without loading ECharts' scatter chart for this one use.
              name: targetName,
              type: "line",
              lineStyle: { opacity: 0 },
              connectNulls: false,
              symbol: "diamond",
              symbolSize: 12,
              data: periods.map((p) => targets.find((x) => x.period === p)?.value ?? null),
            },
          ]
        : []),
      ...outlookSeries(input.outlook, periods, t),
    ],
  };
}

/**
 * The target trajectory (dashed, the target's colour), the projection of the current trend
 * (dotted) and its 80% band (a shaded area: an invisible lower edge with the band's height
 * stacked on it).
 */
function outlookSeries(outlook: SeriesInput["outlook"], periods: readonly string[], t: Translate) {
  if (!outlook) return [];
  const at = <T extends { year: number }>(list: readonly T[]) => {
    const byYear = new Map(list.map((x) => [String(x.year), x]));
    return periods.map((p) => byYear.get(p));
  };
  const projection = at(outlook.projection);
  const line = { type: "line", symbol: "none", connectNulls: false, z: 1 } as const;
  return [
    ...(outlook.trajectory.length
      ? [
          {
            ...line,
            name: t("chart.trajectory"),
            color: TARGET_COLOR,
            lineStyle: { type: "dashed", width: 1.5, color: TARGET_COLOR },
            data: at(outlook.trajectory).map((x) => x?.value ?? null),
          },
        ]
      : []),
    ...(outlook.projection.length
      ? [
          {
            ...line,
            name: t("chart.projection"),
            color: PROJECTION_COLOR,
            lineStyle: { type: "dotted", width: 2, color: PROJECTION_COLOR },
            data: projection.map((x) => (x ? { value: x.value, low: x.low, high: x.high } : null)),
          },
          {
            ...line,
            stack: "band",
            lineStyle: { opacity: 0 },
            data: projection.map((x) => (x ? { value: x.low, band: true } : null)),
          },
          {
            ...line,
            name: t("chart.band"),
            stack: "band",
            color: PROJECTION_COLOR,
            lineStyle: { opacity: 0 },
            areaStyle: { color: PROJECTION_COLOR, opacity: 0.18 },
            data: projection.map((x) => (x ? { value: x.high - x.low, band: true } : null)),
          },
        ]
      : []),
  ];
}
