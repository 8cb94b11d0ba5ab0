import { BarChart, MapChart } from "echarts/charts";
import { VisualMapPiecewiseComponent } from "echarts/components";
import { echarts } from "../echarts";
import type { Boundaries } from "./geo";

// Registered here, not in charts/echarts.ts, so the map's code stays in the lazy Map chunk.
echarts.use([MapChart, BarChart, VisualMapPiecewiseComponent]);

/** Registers a set of shapes with ECharts under `name` once; returns the name. */
export function registerMap(name: string, shapes: Boundaries["counties"]): string {
  if (!echarts.getMap(name)) echarts.registerMap(name, shapes as unknown as Parameters<typeof echarts.registerMap>[1]);
  return name;
}
