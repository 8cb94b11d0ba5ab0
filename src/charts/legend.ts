/**
 * The legend of a chart, drawn in HTML beside the canvas rather than by ECharts: its names
 * wrap on a phone instead of scrolling, each entry is a button a keyboard can reach, and the
 * page does not load ECharts' legend component (exports draw theirs: see export/render.ts).
 * Pure: entries and hidden series are derived from the builder's option.
 */
import type { EChartsOption } from "./echarts";

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : v ? [v] : []) as Obj[];

export interface LegendEntry {
  name: string;
  color: string;
  /** How the series is drawn: a line, a dashed line (benchmarks), markers alone (targets), an area (radar). */
  mark: "line" | "dashed" | "marker" | "area";
  /** Whether the entry can hide its series (a radar's polygons cannot, one by one). */
  toggles: boolean;
}

/** The entries of the legend the option asks for; none when it has no legend or hides it (an HTML one of its own). */
export function legendEntries(option: EChartsOption): LegendEntry[] {
  const o = option as Obj;
  const legend = list(o.legend)[0];
  if (!legend || legend.show === false) return [];
  const palette = list(o.color) as unknown as string[];
  const colour = (i: number) => palette[i % palette.length] ?? "#57606a";
  return list(o.series).flatMap((s, i): LegendEntry[] => {
    if (s.type === "radar") {
      return list(s.data).map((d, j) => ({ name: String(d.name ?? ""), color: colour(j), mark: "area", toggles: false }));
    }
    if (typeof s.name !== "string") return [];
    const line = (s.lineStyle ?? {}) as Obj;
    const mark = line.opacity === 0 ? "marker" : line.type === "dashed" ? "dashed" : "line";
    return [{ name: s.name, color: typeof s.color === "string" ? s.color : colour(i), mark, toggles: true }];
  });
}

/** The option with the named series emptied (kept in place, so that every other keeps its colour). */
export function hideSeries(option: EChartsOption, hidden: ReadonlySet<string>): EChartsOption {
  if (!hidden.size) return option;
  const o = option as Obj;
  const series = list(o.series).map((s) =>
    s.type !== "radar" && typeof s.name === "string" && hidden.has(s.name) ? { ...s, data: [] } : s,
  );
  return { ...o, series } as EChartsOption;
}
