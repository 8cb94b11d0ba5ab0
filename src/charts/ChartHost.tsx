import type { EChartsType } from "echarts/core";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useContext, useMemo } from "react";
import { type ChartProps, RendererContext, ThemeContext, WALL_THEME } from "./Chart";
import { echarts } from "./echarts";
import { useReducedMotion } from "./reduced-motion";
import { registerWallTheme } from "./themes";

/**
 * For the benchmark (bench/run.ts) and DevTools: the page's first ECharts `finished` (drawn,
 * animation over) becomes the performance mark `chart-finished`, set once so that a wall
 * display running all day adds nothing to the timeline; every `finished` and `rendered` (a
 * frame drawn) bubbles up from the chart as a DOM event, `chart-finished` / `chart-rendered`,
 * for input-to-chart latencies. Nothing accumulates.
 */
function reportRendering(chart: EChartsType) {
  const host = chart.getDom();
  chart.on("rendered", () => host.dispatchEvent(new Event("chart-rendered", { bubbles: true })));
  chart.on("finished", () => {
    if (!performance.getEntriesByName("chart-finished", "mark").length) performance.mark("chart-finished");
    host.dispatchEvent(new Event("chart-finished", { bubbles: true }));
  });
}

/**
 * ECharts itself, behind <Chart>: its own chunk, so that ECharts (~185 KB gzipped) is not part
 * of the JavaScript every view waits for before its first render.
 */
export default function ChartHost({ option, height = 320, onEvents, onReady }: Omit<ChartProps, "label">) {
  const renderer = useContext(RendererContext);
  const wanted = useContext(ThemeContext);
  // Registered here, in the ECharts chunk, before the instance is created with it.
  const theme = useMemo(() => (wanted === WALL_THEME ? registerWallTheme(window.innerWidth) : wanted), [wanted]);
  // Builders stay pure: a reader who asks for less motion gets every chart, and every update
  // of it (notMerge: each option is whole), drawn at once, switched as the setting changes.
  const still = useReducedMotion();
  const shown = useMemo(() => (still ? { ...option, animation: false } : option), [option, still]);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={shown}
      theme={theme}
      notMerge
      lazyUpdate
      opts={{ renderer }}
      style={{ height, width: "100%" }}
      onEvents={onEvents}
      onChartReady={(chart) => {
        reportRendering(chart);
        onReady?.(chart);
      }}
    />
  );
}
