import type { EChartsType } from "echarts/core";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { createContext, useContext } from "react";
import { type EChartsOption, echarts } from "./echarts";

/** Canvas on screen; tests (jsdom has no canvas) and exports ask for SVG. */
export const RendererContext = createContext<"canvas" | "svg">("canvas");
/** `wall`: the dark, large-type theme of the wall display (registered in charts/themes.ts). */
export const ThemeContext = createContext<string | undefined>(undefined);

interface ChartProps {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the data is also in the panel as text). */
  label: string;
  height?: number;
  /** ECharts events, e.g. { click: (p) => … }: keep the object stable (memoised). */
  onEvents?: Record<string, (params: unknown) => void>;
  /** Receives the ECharts instance once it exists (linked highlighting). */
  onReady?: (chart: EChartsType) => void;
}

/** A thin ECharts host: the option comes ready-made from a pure builder. */
export function Chart({ option, label, height = 320, onEvents, onReady }: ChartProps) {
  const renderer = useContext(RendererContext);
  const theme = useContext(ThemeContext);
  return (
    <div role="img" aria-label={label} className="chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        theme={theme}
        notMerge
        lazyUpdate
        opts={{ renderer }}
        style={{ height, width: "100%" }}
        onEvents={onEvents}
        onChartReady={onReady}
      />
    </div>
  );
}
