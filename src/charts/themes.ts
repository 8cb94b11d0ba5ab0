import { registerTheme } from "echarts/core";
import { WALL_THEME } from "./Chart";

/**
 * The wall-display theme: light text on the dark page, type scaled to the screen so that a
 * chart reads the same from across a room at 1920×1080 and at 3840×2160.
 */
export function registerWallTheme(screenWidth: number): string {
  const scale = Math.max(1, screenWidth / 1920);
  const size = (px: number) => Math.round(px * 1.35 * scale);
  const ink = "#e6edf3";
  const faint = "#8b949e";
  const axis = {
    axisLine: { lineStyle: { color: faint } },
    axisLabel: { color: ink, fontSize: size(12) },
    splitLine: { lineStyle: { color: "#30363d" } },
    nameTextStyle: { color: ink, fontSize: size(12) },
  };
  registerTheme(WALL_THEME, {
    backgroundColor: "transparent",
    textStyle: { color: ink, fontSize: size(12) },
    legend: { textStyle: { color: ink, fontSize: size(12) } },
    categoryAxis: axis,
    valueAxis: axis,
    line: { symbolSize: size(6), lineStyle: { width: 3 * scale } },
    tooltip: { textStyle: { fontSize: size(12) } },
  });
  return WALL_THEME;
}
