import type { EChartsType } from "echarts/core";
import { createContext, lazy, Suspense } from "react";
import type { EChartsOption } from "./echarts";

/** Canvas on screen; tests (jsdom has no canvas) and exports ask for SVG. */
export const RendererContext = createContext<"canvas" | "svg">("canvas");
/** `wall`: the dark, large-type theme of the wall display (registered in charts/themes.ts). */
export const ThemeContext = createContext<string | undefined>(undefined);
/** The wall display's theme name; the chart registers it, scaled to the screen, on first use. */
export const WALL_THEME = "wall";

export interface ChartProps {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the data is also in the panel as text). */
  label: string;
  height?: number;
  /** ECharts events, e.g. { click: (p) => … }: keep the object stable (memoised). */
  onEvents?: Record<string, (params: unknown) => void>;
  /** Receives the ECharts instance once it exists (linked highlighting). */
  onReady?: (chart: EChartsType) => void;
}

// ECharts loads with the first chart drawn, not with the page (see bench/ and `npm run budgets`).
const ChartHost = lazy(() => import("./ChartHost"));

/** A thin ECharts host: the option comes ready-made from a pure builder. */
export function Chart({ label, height = 320, ...rest }: ChartProps) {
  return (
    <div role="img" aria-label={label} className="chart">
      <Suspense fallback={<div style={{ height }} />}>
        <ChartHost height={height} {...rest} />
      </Suspense>
    </div>
  );
}
