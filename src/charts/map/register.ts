import { BarChart, MapChart, ScatterChart } from "echarts/charts";
import { GeoComponent, GraphicComponent, VisualMapPiecewiseComponent } from "echarts/components";
import { getMap, registerMap as register } from "echarts/core";
import { echarts } from "../echarts";
import type { Boundaries } from "./geo";

// Registered here, not in charts/echarts.ts, so the map's code stays in the lazy Map chunk.
// Totals: proportional circles (scatter on a geo base map) with a size legend drawn as graphics.
echarts.use([MapChart, BarChart, VisualMapPiecewiseComponent, ScatterChart, GeoComponent, GraphicComponent]);

/** Registers a set of shapes with ECharts under `name` once; returns the name. */
export function registerMap(name: string, shapes: Boundaries["counties"]): string {
  if (!getMap(name)) register(name, shapes as unknown as Parameters<typeof register>[1]);
  return name;
}
