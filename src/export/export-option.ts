import type { EChartsOption } from "../charts/echarts";

/** What an exported chart must carry to be read far from the dashboard. */
export interface ExportFrame {
  title: string;
  /** Regions, period, level. */
  subtitle: string;
  /** e.g. "Source: …; data version …; exported 2026-11-26" */
  footer: string;
  /** The view's link, so a reader can reopen it. */
  link: string;
  /** "模拟数据 / Simulated data", or null for official data. */
  simulatedMark: string | null;
  background: "white" | "transparent";
  /** The export's width in CSS pixels: long titles and footers wrap within it. */
  width?: number;
}

/** Room the frame takes above and below the plot, in CSS pixels. */
export const FRAME_TOP = 96;
export const FRAME_BOTTOM = 72;

type Obj = Record<string, unknown>;
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : v ? [v as Obj] : []);
const shift = (v: unknown, by: number) => (typeof v === "number" ? v + by : by);

/**
 * The screen's option redrawn for export: title and subtitle, the whole legend (never one
 * scrolled page of it), a footer with source, data version, date and link, the simulated-data
 * mark, no animation and no tooltip. The plot keeps its own layout, moved clear of the frame.
 */
export function buildExportOption(option: EChartsOption, frame: ExportFrame): EChartsOption {
  const o = option as Obj;
  const legend = asList(o.legend).map((l) => ({ ...l, type: "plain", top: 60, left: 16, right: 16, width: "auto" }));
  const grid = asList(o.grid).map((g) => ({ ...g, top: shift(g.top, FRAME_TOP), bottom: shift(g.bottom, FRAME_BOTTOM) }));
  const series = asList(o.series).map((s) =>
    s.type === "map" ? { ...s, top: FRAME_TOP, bottom: FRAME_BOTTOM + 8, roam: false, label: s.label } : s,
  );
  const visualMap = asList(o.visualMap).map((v) => ({ ...v, bottom: FRAME_BOTTOM + 8, show: true }));
  const ink = "#1b1f24";
  const muted = "#57606a";
  const inner = (frame.width ?? 800) - 32;
  const markRoom = frame.simulatedMark ? 190 : 0;
  return {
    ...o,
    animation: false,
    backgroundColor: frame.background === "white" ? "#ffffff" : "transparent",
    tooltip: undefined,
    title: [
      {
        text: frame.title,
        subtext: frame.subtitle,
        left: 16,
        top: 12,
        textStyle: { color: ink, fontSize: 18, fontWeight: "bold", width: inner - markRoom, overflow: "break" },
        subtextStyle: { color: muted, fontSize: 13 },
      },
    ],
    ...(legend.length ? { legend } : {}),
    ...(grid.length ? { grid } : {}),
    ...(visualMap.length ? { visualMap } : {}),
    series,
    graphic: [
      ...(frame.simulatedMark
        ? [
            {
              type: "text",
              right: 16,
              top: 14,
              style: {
                text: frame.simulatedMark,
                fill: "#7a4b00",
                fontSize: 13,
                fontWeight: "bold",
                backgroundColor: "#fff4d6",
                padding: [4, 8],
              },
            },
          ]
        : []),
      {
        type: "text",
        left: 16,
        bottom: 28,
        style: { text: frame.footer, fill: muted, fontSize: 11, width: inner, overflow: "break" },
      },
      {
        type: "text",
        left: 16,
        bottom: 10,
        style: { text: frame.link, fill: muted, fontSize: 10, width: inner, overflow: "truncate" },
      },
    ],
  } as EChartsOption;
}
