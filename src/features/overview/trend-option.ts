import type { Indicator, Meta, Observation, Target } from "../../api/contract";
import type { EChartsOption } from "../../charts/echarts";
import { escapeHtml } from "../../charts/escape";
import { yearOf } from "../../domain/periods";
import { formatValue, pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";

export interface TrendInput {
  indicator: Indicator;
  /** One region's annual observations (quarters are not drawn here). */
  observations: readonly Observation[];
  /** Targets for the same region, drawn as points at their year. */
  targets: readonly Target[];
  /** Policy milestones from /meta, drawn as vertical lines at their year. */
  milestones?: Meta["milestones"];
}

const COLORS = { value: "#1f5fa8", target: "#c2410c" };

/** A line of the values over the years, with preliminary points hollow and targets as diamonds. */
export function buildTrendOption(
  { indicator, observations, targets, milestones = [] }: TrendInput,
  lang: Lang,
  t: Translate,
): EChartsOption {
  // Every year from the first observation to the last target, so that the gap to a target
  // year is drawn to scale.
  const years = [...observations, ...targets].map((x) => yearOf(x.period));
  const periods = years.length
    ? Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, i) => String(Math.min(...years) + i))
    : [];
  const byPeriod = new Map(observations.map((o) => [o.period, o]));
  const targetAt = new Map(targets.map((x) => [x.period, x]));
  const unit = pick(indicator.unit, lang);
  const valueName = t("chart.value");
  const targetName = t("chart.target");
  return {
    color: [COLORS.value, COLORS.target],
    grid: { left: 16, right: 24, top: 40, bottom: 24, containLabel: true },
    legend: { data: targets.length ? [valueName, targetName] : [valueName], top: 0, left: 0 },
    tooltip: {
      trigger: "axis",
      formatter: (params: unknown) => {
        const items = params as { seriesName: string; axisValue: string; data: { value: number | null } | number | null }[];
        const lines = items
          .map((p) => {
            const raw = typeof p.data === "object" && p.data !== null ? p.data.value : p.data;
            return raw === null || raw === undefined
              ? null
              : `${escapeHtml(p.seriesName)}: ${escapeHtml(formatValue(raw, indicator, lang))}`;
          })
          .filter(Boolean);
        return [escapeHtml(items[0]?.axisValue ?? ""), ...lines].join("<br/>");
      },
    },
    xAxis: { type: "category", data: periods, boundaryGap: false },
    yAxis: { type: "value", name: unit, nameTextStyle: { align: "left" }, scale: unit !== "%" },
    series: [
      {
        name: valueName,
        type: "line",
        connectNulls: false,
        symbol: "circle",
        symbolSize: 7,
        data: periods.map((p) => {
          const o = byPeriod.get(p);
          if (!o) return null;
          // Hollow markers for figures that may still change.
          return o.status === "final"
            ? { value: o.value }
            : { value: o.value, itemStyle: { color: "#fff", borderColor: COLORS.value, borderWidth: 2 } };
        }),
        // A milestone sits on its year: the axis is by year, so the day is not drawn to scale.
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { type: "dashed", color: "#8c959f" },
          label: { formatter: "{b}", position: "insideEndTop", color: "#57606a", fontSize: 10 },
          data: milestones
            .filter((m) => periods.includes(m.date.slice(0, 4)))
            .map((m) => ({ name: pick(m.label, lang), xAxis: m.date.slice(0, 4) })),
        },
      },
      ...(targets.length
        ? [
            {
              name: targetName,
              type: "scatter",
              symbol: "diamond",
              symbolSize: 12,
              data: periods.map((p) => targetAt.get(p)?.value ?? null),
            },
          ]
        : []),
    ],
  };
}
