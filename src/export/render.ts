/**
 * Draws an option into a file, off screen, with the same ECharts the page uses: the export is
 * the chart redrawn from its builder, never a screenshot. Loaded on demand (first export).
 */
import { GraphicComponent, LegendPlainComponent, TitleComponent } from "echarts/components";
import type { EChartsType } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsOption } from "../charts/echarts";
import { echarts } from "../charts/echarts";

// The legend too: on screen it is HTML (charts/legend.ts), in a file ECharts draws it whole.
echarts.use([TitleComponent, GraphicComponent, LegendPlainComponent, SVGRenderer]);

export interface RenderSize {
  /** CSS pixels. */
  width: number;
  height: number;
}

function withChart<T>(option: EChartsOption, size: RenderSize, renderer: "canvas" | "svg", use: (c: EChartsType) => T): T {
  const host = document.createElement("div");
  // Laid out but out of sight: ECharts needs a real element, and fonts resolve as on screen.
  Object.assign(host.style, {
    position: "fixed",
    left: "-10000px",
    top: "0",
    width: `${size.width}px`,
    height: `${size.height}px`,
  });
  document.body.append(host);
  const chart = echarts.init(host, undefined, { renderer, width: size.width, height: size.height });
  try {
    chart.setOption(option, { notMerge: true });
    return use(chart);
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** A PNG at `pixelRatio` × the CSS size: 2× by default, crisp on print and high-density screens. */
export function renderPng(option: EChartsOption, size: RenderSize, pixelRatio: number): Blob {
  const url = withChart(option, size, "canvas", (c) =>
    c.getDataURL({ type: "png", pixelRatio, backgroundColor: (option as { backgroundColor?: string }).backgroundColor }),
  );
  return dataUrlToBlob(url);
}

/** Decodes a data: URL without fetch, which a strict connect-src would refuse. */
export function dataUrlToBlob(url: string): Blob {
  const [head, data] = url.split(",", 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? "application/octet-stream";
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

export function renderSvg(option: EChartsOption, size: RenderSize): Blob {
  const svg = withChart(option, size, "svg", (c) => c.renderToSVGString());
  return new Blob([svg], { type: "image/svg+xml;charset=utf-8" });
}

/** Saves a blob under a file name through the browser's download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
