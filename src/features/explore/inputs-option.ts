import type { Indicator, Observation, Status } from "../../api/contract";
import type { EChartsOption } from "../../charts/echarts";
import { escapeHtml } from "../../charts/escape";
import { SERIES_COLORS } from "../../charts/series-option";
import { change } from "../../domain/change";
import { isRate } from "../../domain/measure";
import { previousYear } from "../../domain/periods";
import { formatChange, formatValue, pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";

/** One funding or talent indicator of one region: its annual observations. */
export interface InputSeries {
  indicator: Indicator;
  observations: readonly Observation[];
}

export interface InputsInput {
  /** The indicator being explored. */
  outcome: Indicator;
  /** The region's observations of it (the year before the range is needed for the first change). */
  outcomeObservations: readonly Observation[];
  inputs: readonly InputSeries[];
  /** The years of the range, oldest first. */
  years: readonly string[];
}

/** A point of a series: the change on the year before, the level it comes from, and whether it may still move. */
export interface Point {
  change: number | null;
  value: number | null;
  /** Preliminary or estimated when either year's figure is; null when there is no value. */
  status: Status | null;
}

export interface InputsData {
  years: string[];
  /** One bar series per input with a value in the range: percent change on the year before. */
  bars: { indicator: Indicator; points: Point[] }[];
  /** The outcome's change on the year before: percent for amounts, percentage points for rates. */
  line: { kind: "pct" | "pp"; points: Point[] };
  /** Inputs with no value in the range, left out (named in a note). */
  omitted: Indicator[];
}

const worst = (a: Status | undefined, b: Status | undefined): Status | null =>
  a === undefined ? null : a !== "final" ? a : b !== undefined && b !== "final" ? b : "final";

function points(
  observations: readonly Observation[],
  years: readonly string[],
  delta: (cur: number, prev: number) => number | null,
) {
  const byPeriod = new Map(observations.filter((o) => !o.period.includes("Q")).map((o) => [o.period, o]));
  return years.map((y): Point => {
    const cur = byPeriod.get(y);
    const prev = byPeriod.get(previousYear(y));
    const value = cur?.value ?? null;
    const before = prev?.value ?? null;
    return {
      value,
      change: value === null || before === null ? null : delta(value, before),
      status: value === null ? null : worst(cur?.status, before === null ? undefined : prev?.status),
    };
  });
}

/**
 * The numbers behind the chart. Inputs are compared by their percent change, which has no
 * unit, so that money, projects and people can share one axis; levels in different units
 * never do.
 */
export function inputsData(input: InputsInput): InputsData {
  const years = [...input.years];
  const pct = (cur: number, prev: number) => (prev === 0 ? null : ((cur - prev) / Math.abs(prev)) * 100);
  const bars: InputsData["bars"] = [];
  const omitted: Indicator[] = [];
  for (const { indicator, observations } of input.inputs) {
    const pts = points(observations, years, pct);
    if (pts.some((p) => p.value !== null)) bars.push({ indicator, points: pts });
    else omitted.push(indicator);
  }
  const outcome = input.outcome;
  const kind = isRate(outcome) ? "pp" : "pct";
  const line = points(input.outcomeObservations, years, (cur, prev) => change(outcome, cur, prev)?.value ?? null);
  return { years, bars, line: { kind, points: line }, omitted };
}

const OUTCOME_COLOR = "#1b1f24";

/** A value axis's extent and step. */
export interface AxisScale {
  min: number;
  max: number;
  interval: number;
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) that splits `span` into about `target` intervals. */
export function niceStep(span: number, target = 5): number {
  // Spans this small are rounding noise (and would underflow below): draw them as flat.
  if (!(span > 1e-9) || !Number.isFinite(span)) return 1;
  const raw = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const n = raw / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * magnitude;
}

/**
 * Two value axes with zero on the same line and the same gridlines: each keeps its own nice
 * step, and both get as many steps above and below zero as the one that needs most. (ECharts'
 * `alignTicks` matches the number of ticks, not where zero falls.)
 */
export function zeroAlignedAxes(
  left: readonly (number | null)[],
  right: readonly (number | null)[],
  target = 5,
): [AxisScale, AxisScale] {
  const extent = (values: readonly (number | null)[]) => {
    const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
    return [Math.min(0, ...xs), Math.max(0, ...xs)] as const;
  };
  const [a, b] = [extent(left), extent(right)];
  const steps = [niceStep(a[1] - a[0], target), niceStep(b[1] - b[0], target)];
  // The small tolerance keeps a value that sits on a tick (e.g. 0.6 / 0.2) from adding a step.
  const count = (v: number, step: number) => Math.max(Math.ceil(v / step - 1e-9), 0);
  const above = Math.max(count(a[1], steps[0]), count(b[1], steps[1]));
  const below = Math.max(count(-a[0], steps[0]), count(-b[0], steps[1]));
  const clean = (v: number) => Number(v.toPrecision(12)) || 0;
  const scale = (step: number): AxisScale => ({
    min: clean(-below * step),
    max: clean(Math.max(above, above + below === 0 ? 1 : 0) * step),
    interval: step,
  });
  return [scale(steps[0]), scale(steps[1])];
}

/** The series as the chart draws them, for a legend outside the canvas (long names wrap there). */
export function inputsLegend(data: InputsData, outcome: Indicator, lang: Lang, t: Translate) {
  return [
    ...data.bars.map((bar, i) => ({
      name: pick(bar.indicator.name, lang),
      color: SERIES_COLORS[i % SERIES_COLORS.length],
      type: "bar" as const,
    })),
    { name: t("explore.inputs.outcomeSeries", { name: pick(outcome.name, lang) }), color: OUTCOME_COLOR, type: "line" as const },
  ];
}

/**
 * Bars for the inputs' percent change on the year before (left axis), a line for the outcome's
 * change (right axis), per year. Preliminary and estimated figures are hollow; gaps stay gaps.
 */
export function buildInputsOption(data: InputsData, outcome: Indicator, lang: Lang, t: Translate): EChartsOption {
  const outcomeName = t("explore.inputs.outcomeSeries", { name: pick(outcome.name, lang) });
  const lineUnit = data.line.kind === "pp" ? t("explore.inputs.pp") : "%";
  const colors = data.bars.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]);
  // Zero on the same line on both sides, so that "up" means up for bars and line alike.
  const [left, right] = zeroAlignedAxes(
    data.bars.flatMap((b) => b.points.map((p) => p.change)),
    data.line.points.map((p) => p.change),
  );
  const describe = (p: Point, ind: Indicator, kind: "pct" | "pp") => {
    const parts = [p.change === null ? "—" : formatChange({ kind, value: p.change, better: null }, lang, t)];
    if (p.value !== null) parts.push(t("explore.inputs.level", { value: formatValue(p.value, ind, lang) }));
    if (p.status && p.status !== "final") parts.push(t(`status.${p.status}`));
    return parts.join(" · ");
  };
  return {
    color: [...colors, OUTCOME_COLOR],
    // ECharts 6 spelling of `containLabel` (which now needs a legacy module): labels stay inside.
    grid: { left: 16, right: 16, top: 40, bottom: 24, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    // The legend is drawn beside the chart in HTML (inputsLegend), where long names can wrap.
    legend: { show: false },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const items = params as { seriesIndex: number; dataIndex: number; axisValue: string }[];
        const rows = items.flatMap(({ seriesIndex, dataIndex }) => {
          const bar = data.bars[seriesIndex];
          const point = bar ? bar.points[dataIndex] : data.line.points[dataIndex];
          if (!point || point.value === null) return [];
          const name = bar ? pick(bar.indicator.name, lang) : outcomeName;
          return [
            `${escapeHtml(name)}: ${escapeHtml(describe(point, bar ? bar.indicator : outcome, bar ? "pct" : data.line.kind))}`,
          ];
        });
        return [escapeHtml(items[0]?.axisValue ?? ""), ...rows].join("<br/>");
      },
    },
    xAxis: { type: "category", data: data.years },
    yAxis: [
      {
        type: "value",
        name: t("explore.inputs.axisInputs"),
        nameTextStyle: { align: "left" },
        axisLabel: { formatter: "{value}%" },
        ...left,
      },
      {
        type: "value",
        name: t("explore.inputs.axisOutcome", { unit: lineUnit }),
        nameTextStyle: { align: "right" },
        axisLabel: { formatter: data.line.kind === "pp" ? "{value}" : "{value}%" },
        splitLine: { show: false },
        ...right,
      },
    ],
    series: [
      ...data.bars.map((bar, i) => ({
        name: pick(bar.indicator.name, lang),
        type: "bar",
        yAxisIndex: 0,
        barMaxWidth: 18,
        data: bar.points.map((p) =>
          p.change === null
            ? null
            : p.status === "final"
              ? { value: p.change, status: p.status }
              : { value: p.change, status: p.status, itemStyle: { color: "#fff", borderColor: colors[i], borderWidth: 1.5 } },
        ),
      })),
      {
        name: outcomeName,
        type: "line",
        yAxisIndex: 1,
        connectNulls: false,
        symbol: "circle",
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        z: 3,
        data: data.line.points.map((p) =>
          p.change === null
            ? null
            : p.status === "final"
              ? { value: p.change, status: p.status }
              : { value: p.change, status: p.status, itemStyle: { color: "#fff", borderColor: OUTCOME_COLOR, borderWidth: 2 } },
        ),
      },
    ],
  };
}

/** The pillars set beside outcomes. */
export const INPUT_PILLARS = ["investment", "talent"] as const;

/**
 * The funding and talent indicators published at a region's level, by pillar: base figures
 * (population) and the explored indicator itself are left out.
 */
export function inputIndicators(
  indicators: readonly Indicator[],
  outcome: Indicator,
  level: Indicator["levels"][number],
): Record<(typeof INPUT_PILLARS)[number], Indicator[]> {
  const of = (pillar: (typeof INPUT_PILLARS)[number]) =>
    indicators.filter((i) => i.pillar === pillar && !i.context && i.id !== outcome.id && i.levels.includes(level));
  return { investment: of("investment"), talent: of("talent") };
}
