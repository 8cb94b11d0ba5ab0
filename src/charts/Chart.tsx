import type { EChartsType } from "echarts/core";
import { createContext, lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { ChartLegend } from "./ChartLegend";
import type { EChartsOption } from "./echarts";
import { hideSeries, legendEntries } from "./legend";

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

/**
 * Whether the element is on screen or within a screen of it, once true for good: a view with
 * dozens of charts (Compare's small multiples) draws those the reader can see first, instead
 * of every chart and its entrance animation in the same frames. Without IntersectionObserver
 * (jsdom), at once.
 */
export function useNearViewport(ref: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: "100% 0px",
    });
    io.observe(el);
    return () => io.disconnect();
  }, [near, ref]);
  return near;
}

/**
 * A thin ECharts host: the option comes ready-made from a pure builder. Its legend, if it asks
 * for one, is drawn in HTML above the canvas (see legend.ts), where it can hide series.
 */
export function Chart({ label, height = 320, option, ...rest }: ChartProps) {
  const entries = useMemo(() => legendEntries(option), [option]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const shown = useMemo(() => hideSeries(option, hidden), [option, hidden]);
  const host = useRef<HTMLDivElement>(null);
  const near = useNearViewport(host);
  const toggle = (name: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  return (
    <>
      {entries.length > 0 && <ChartLegend entries={entries} hidden={hidden} onToggle={toggle} />}
      <div ref={host} role="img" aria-label={label} className="chart">
        {near ? (
          <Suspense fallback={<div style={{ height }} />}>
            <ChartHost height={height} option={shown} {...rest} />
          </Suspense>
        ) : (
          <div style={{ height }} />
        )}
      </div>
    </>
  );
}
