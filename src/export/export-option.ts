import { graphic } from "echarts/core";
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
  /**
   * The boundary notice a published map must carry (地图审核): "not an approved map", or
   * "审图号：…" when config.json sets boundaries.approval. Drawn above the footer of any export
   * with a map series, never on other charts.
   */
  mapNotice?: string;
  /** "模拟数据 / Simulated data", or null for official data. */
  simulatedMark: string | null;
  background: "white" | "transparent";
  /** The export's width in CSS pixels: long titles and footers wrap within it. */
  width?: number;
  /** The plot's height in CSS pixels (the chart on screen): places what the screen places by percent (radar). */
  height?: number;
}

/**
 * The least room the frame takes above and below the plot, in CSS pixels: a one-line title,
 * subtitle and legend, and a one-line footer. A long title, a subtitle or footer that wraps
 * (a narrow chart) or a legend of several rows take more: see `exportLayout`.
 */
export const FRAME_TOP = 96;
export const FRAME_BOTTOM = 72;

type Obj = Record<string, unknown>;
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : v ? [v as Obj] : []);
const shift = (v: unknown, by: number) => (typeof v === "number" ? v + by : by);

const MARGIN = 16;
const TITLE_TOP = 12;
const TITLE = { fontSize: 18, fontWeight: "bold" } as const;
const SUBTITLE = { fontSize: 13 } as const;
/** ECharts' default gap between a title and its subtitle. */
const TITLE_GAP = 10;
const FOOTER = { fontSize: 11 } as const;
const MARK = { fontSize: 13, fontWeight: "bold" } as const;
/** Room the simulated mark takes beside the title; below this much room for the title, it takes a line of its own. */
const MARK_ROOM = 190;
const MIN_TITLE_WIDTH = 260;
const MARK_LINE = 30;
/** ECharts' legend defaults: icon 25 × 14, 5 px to the text, 10 px between items and rows, 12 px text. */
const LEGEND = { icon: 25, iconGap: 5, gap: 10, row: 24, fontSize: 12 } as const;

/**
 * The height of a text block as ECharts lays it out (its own text measure, so its own line
 * breaks): `width` wraps it like `overflow: "break"` does.
 */
function textHeight(text: string, style: { fontSize: number; fontWeight?: "bold" }, width?: number): number {
  if (!text) return 0;
  const el = new graphic.Text({
    style: { text, ...font(style), ...(width ? { width: Math.max(width, 40), overflow: "break" } : {}) },
  });
  return Math.ceil(el.getBoundingRect().height);
}

function textWidth(text: string, fontSize: number): number {
  return new graphic.Text({ style: { text, ...font({ fontSize }) } }).getBoundingRect().width;
}

/**
 * The font as ECharts spells it for a component's text ("normal bold 18px sans-serif"): the
 * same string shares ECharts' measure cache, so the lines counted here are the lines drawn.
 */
const font = (style: { fontSize: number; fontWeight?: "bold" }) =>
  ({
    fontStyle: "normal",
    fontWeight: style.fontWeight ?? "normal",
    fontSize: style.fontSize,
    fontFamily: "sans-serif",
  }) as const;

/** What the legend lists: its own data, else the series' names (radar and pie: their items' names). */
function legendNames(o: Obj, legend: Obj): string[] {
  if (Array.isArray(legend.data)) return legend.data.map((d) => String(typeof d === "object" && d ? (d as Obj).name : d));
  return asList(o.series).flatMap((s) =>
    s.type === "radar" || s.type === "pie"
      ? asList(s.data).map((d) => String(d.name ?? ""))
      : typeof s.name === "string"
        ? [s.name]
        : [],
  );
}

/** Rows a plain legend takes when its items wrap within `width`. */
function legendRows(names: readonly string[], width: number): number {
  let rows = names.length ? 1 : 0;
  let x = 0;
  for (const name of new Set(names)) {
    const w = LEGEND.icon + LEGEND.iconGap + textWidth(name, LEGEND.fontSize);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + LEGEND.gap;
  }
  return rows;
}

const hasMap = (o: Obj) => asList(o.series).some((s) => s.type === "map");

/** The footer's text: the boundary notice first on a map, then source, version and date. */
export function footerOf(option: EChartsOption, frame: ExportFrame): string {
  return frame.mapNotice && hasMap(option as Obj) ? `${frame.mapNotice}\n${frame.footer}` : frame.footer;
}

/** Where the frame's parts go, for an export `width` wide: each part below the one before, none over the plot. */
export interface ExportLayout {
  /** Room above the plot (at least FRAME_TOP) and below it (at least FRAME_BOTTOM). */
  top: number;
  bottom: number;
  titleTop: number;
  titleWidth: number;
  /** The simulated mark on a line of its own above the title (a narrow export), else beside it. */
  markAbove: boolean;
  legendTop: number;
}

export function exportLayout(option: EChartsOption, frame: ExportFrame): ExportLayout {
  const o = option as Obj;
  const inner = (frame.width ?? 800) - 2 * MARGIN;
  const besideMark = frame.simulatedMark ? inner - MARK_ROOM : inner;
  const markAbove = frame.simulatedMark !== null && besideMark < MIN_TITLE_WIDTH;
  const titleTop = TITLE_TOP + (markAbove ? MARK_LINE : 0);
  const titleWidth = markAbove ? inner : besideMark;
  const titleBlock =
    textHeight(frame.title, TITLE, titleWidth) + (frame.subtitle ? TITLE_GAP + textHeight(frame.subtitle, SUBTITLE, inner) : 0);
  // The title box has ECharts' padding of 5 around it.
  const legendTop = Math.max(60, titleTop + 5 + titleBlock + 8);
  const rows = asList(o.legend).reduce((n, l) => Math.max(n, legendRows(legendNames(o, l), inner)), 0);
  const top = Math.max(FRAME_TOP, legendTop + rows * LEGEND.row + 12);
  // The footer is anchored at the bottom, above the link's line, and wraps upwards.
  const bottom = Math.max(FRAME_BOTTOM, 28 + textHeight(footerOf(option, frame), FOOTER, inner) + 16);
  return { top, bottom, titleTop, titleWidth, markAbove, legendTop };
}

/** The export's whole size in CSS pixels: the plot's size on screen and the frame around it. */
export function exportSize(
  option: EChartsOption,
  frame: ExportFrame,
  plot: { width: number; height: number },
): { width: number; height: number } {
  const { top, bottom } = exportLayout(option, { ...frame, width: plot.width });
  return { width: plot.width, height: plot.height + top + bottom };
}

/** A length the screen gives in percent of `of` (or in pixels), in pixels. */
const px = (v: unknown, of: number, fallback: number): number =>
  typeof v === "number" ? v : typeof v === "string" && v.endsWith("%") ? (Number.parseFloat(v) / 100) * of : fallback;

/** An ECharts media query ({ maxWidth, minWidth, … }) against the export's plot size. */
function matches(query: Obj, width: number, height: number): boolean {
  const within = (v: unknown, ok: (n: number) => boolean) => typeof v !== "number" || ok(v);
  return (
    within(query.maxWidth, (n) => width <= n) &&
    within(query.minWidth, (n) => width >= n) &&
    within(query.maxHeight, (n) => height <= n) &&
    within(query.minHeight, (n) => height >= n)
  );
}

/**
 * The option as ECharts shows it at `width` × `height`: each matching `media` unit merged in,
 * component by component and series by index. The export places its frame around that layout
 * (a media query would otherwise re-apply on the export's own, taller size).
 */
function resolveMedia(o: Obj, width: number, height: number): Obj {
  if (!Array.isArray(o.media)) return o;
  const { media, ...base } = o;
  let out: Obj = base;
  for (const unit of media as Obj[]) {
    if (!unit.option || (unit.query && !matches(unit.query as Obj, width, height))) continue;
    for (const [key, value] of Object.entries(unit.option as Obj)) {
      const mine = asList(out[key]);
      const theirs = asList(value);
      out = {
        ...out,
        [key]:
          Array.isArray(out[key]) || Array.isArray(value)
            ? mine.map((m, i) => ({ ...m, ...(theirs[i] ?? {}) }))
            : { ...mine[0], ...theirs[0] },
      };
    }
  }
  return out;
}

/**
 * The screen's option redrawn for export: title and subtitle, the whole legend (never one
 * scrolled page of it), a footer with source, data version, date and link, the simulated-data
 * mark, no animation and no tooltip. The plot keeps its own layout, moved clear of the frame.
 */
export function buildExportOption(option: EChartsOption, frame: ExportFrame): EChartsOption {
  const o = resolveMedia(option as Obj, frame.width ?? 800, frame.height ?? 400);
  const layout = exportLayout(option, frame);
  const { top, bottom } = layout;
  // Shown even where the screen hides it for a legend of its own in HTML (small multiples, inputs).
  const legend = asList(o.legend).map((l) => ({
    ...l,
    show: true,
    type: "plain",
    top: layout.legendTop,
    left: MARGIN,
    right: MARGIN,
    width: "auto",
  }));
  const grid = asList(o.grid).map((g) => ({ ...g, top: shift(g.top, top), bottom: shift(g.bottom, bottom) }));
  const series = asList(o.series).map((s) =>
    // The map keeps any room it leaves for its legend below it.
    s.type === "map" ? { ...s, top, bottom: shift(s.bottom, bottom + 8), roam: false, label: s.label } : s,
  );
  const visualMap = asList(o.visualMap).map((v) => ({ ...v, bottom: bottom + 8, show: true }));
  // A base map for symbols (proportional circles) is a geo component: placed as the map series.
  const geo = asList(o.geo).map((g) => ({ ...g, top, bottom: shift(g.bottom, bottom + 8), roam: false }));
  // The chart's own graphics (the map's size legend), anchored at the bottom like the visualMap.
  const own = asList(o.graphic).map((g) => (typeof g.bottom === "number" ? { ...g, bottom: g.bottom + bottom } : g));
  // A radar is placed by percent of the whole chart: keep it where it was in the plot's own box.
  const width = frame.width ?? 800;
  const height = frame.height ?? 400;
  const radar = asList(o.radar).map((r) => {
    const [cx, cy] = Array.isArray(r.center) ? r.center : ["50%", "50%"];
    return {
      ...r,
      center: [cx, top + px(cy, height, height / 2)],
      radius: px(r.radius, Math.min(width, height) / 2, Math.min(width, height) * 0.375),
    };
  });
  const ink = "#1b1f24";
  const muted = "#57606a";
  const inner = width - 2 * MARGIN;
  return {
    ...o,
    animation: false,
    backgroundColor: frame.background === "white" ? "#ffffff" : "transparent",
    tooltip: undefined,
    title: [
      {
        text: frame.title,
        subtext: frame.subtitle,
        left: MARGIN,
        top: layout.titleTop,
        itemGap: TITLE_GAP,
        textStyle: { color: ink, ...TITLE, width: layout.titleWidth, overflow: "break" },
        subtextStyle: { color: muted, ...SUBTITLE, width: inner, overflow: "break" },
      },
    ],
    ...(legend.length ? { legend } : {}),
    ...(grid.length ? { grid } : {}),
    ...(visualMap.length ? { visualMap } : {}),
    ...(geo.length ? { geo } : {}),
    ...(radar.length ? { radar } : {}),
    series,
    graphic: [
      ...own,
      ...(frame.simulatedMark
        ? [
            {
              type: "text",
              ...(layout.markAbove ? { left: MARGIN } : { right: MARGIN }),
              top: 14,
              style: {
                text: frame.simulatedMark,
                fill: "#7a4b00",
                ...MARK,
                backgroundColor: "#fff4d6",
                padding: [4, 8],
              },
            },
          ]
        : []),
      {
        type: "text",
        left: MARGIN,
        bottom: 28,
        style: { text: footerOf(option, frame), fill: muted, ...FOOTER, width: inner, overflow: "break" },
      },
      {
        type: "text",
        left: MARGIN,
        bottom: 10,
        style: { text: frame.link, fill: muted, fontSize: 10, width: inner, overflow: "truncate" },
      },
    ],
  } as EChartsOption;
}
