/**
 * 导出简报: the view's briefing as a file. The PDF is a document (brief.ts): title, data version
 * and date, the simulated mark on every page, the view's registered sections, every chart
 * panel's chart (redrawn from its builder, as an image) and table (as text), the sources; its
 * text is text, in an embedded subset of Noto Sans SC. The PNG sheet stays a picture of the
 * charts. This module, pdf-lib, fontkit and the font load only when a briefing is asked for.
 */
import type { Meta } from "../api/contract";
import type { EChartsOption } from "../charts/echarts";
import { pick, type Translate } from "../i18n/format";
import type { Lang, View } from "../state/url";
import type { BriefBlock, BriefPanel, BriefSection } from "./brief";
import { composeBrief } from "./brief";
import { briefTexts, isoDay } from "./brief-texts";
import type { BriefingFormat } from "./briefing";
import { buildExportOption, type ExportFrame, exportSize } from "./export-option";
import { exportFileName } from "./filename";
import type { Registry } from "./registry";
import { download, renderPng } from "./render";
import type { ExportSpec } from "./spec";

export interface BriefRequest {
  format: BriefingFormat;
  lang: Lang;
  /** The dashboard's title and the view's name, for the briefing's title. */
  app: string;
  view: string;
  dataVersion: string;
  /** "模拟数据 / Simulated data" while the data is simulated, else null. */
  mark: string | null;
  link: string;
  date: Date;
  sections: readonly BriefSection[];
  /** The chart panels on screen, each with its export frame (as its Export menu would draw it). */
  panels: readonly { spec: ExportSpec; frame: ExportFrame }[];
}

/** Charts drawn at twice their CSS size: crisp on paper at the width they print. */
const PIXEL_RATIO = 2;
const DEFAULT_SIZE = { width: 800, height: 400 };

/**
 * The frame of a chart inside the PDF: its title, subtitle and the simulated mark are the
 * page's text already, so the picture keeps the legend and the source footer only.
 */
const inBrief = (frame: ExportFrame): ExportFrame => ({ ...frame, title: "", subtitle: "", link: "", simulatedMark: null });

function framed(option: EChartsOption, frame: ExportFrame, plot: { width: number; height: number }) {
  const f = { ...frame, width: plot.width, height: plot.height };
  return { option: buildExportOption(option, f), size: exportSize(option, f, plot) };
}

/** What the header's Briefing control knows when the user asks for a briefing. */
export interface BriefingContext {
  format: BriefingFormat;
  lang: Lang;
  view: View;
  t: Translate;
  meta: Meta | undefined;
  registry: Registry | null;
  /** The export frame of a panel, as its Export menu draws it (ui/export-frame.ts). */
  frameFor: (s: ExportSpec, background: ExportFrame["background"]) => ExportFrame;
}

/**
 * Builds the view's briefing from what is registered now and downloads it; returns the file's
 * name, or null when the view has nothing to put in one (the PNG sheet needs a chart).
 */
export async function exportBriefing(ctx: BriefingContext): Promise<string | null> {
  const { format, lang, t, meta } = ctx;
  const specs = (ctx.registry?.list() ?? []).map((get) => get()).filter((s): s is ExportSpec => !!s);
  const sections = ctx.registry?.sections() ?? [];
  if (format === "png" ? !specs.some((s) => s.option) : !specs.length && !sections.length) return null;
  const blob = await buildBriefing({
    format,
    lang,
    app: meta ? pick(meta.title, lang) : t("app.title"),
    view: t(`nav.${ctx.view}`),
    dataVersion: meta?.dataVersion ?? "",
    mark: meta?.simulated ? t("export.simulated") : null,
    link: window.location.href,
    date: new Date(),
    sections,
    panels: specs.map((s) => ({ spec: s, frame: ctx.frameFor(s, "white") })),
  });
  const file = exportFileName({ indicator: `briefing-${ctx.view}`, lang }, format === "png" ? "png" : "pdf");
  download(blob, file);
  return file;
}

/** The briefing file: a PDF document, or the PNG sheet of the charts. */
export async function buildBriefing(req: BriefRequest): Promise<Blob> {
  if (req.format === "png") {
    const { buildSheet } = await import("./briefing");
    return buildSheet(
      req.panels
        .filter((p) => p.spec.option)
        .map(({ spec, frame }) => framed(spec.option as EChartsOption, frame, spec.size ?? DEFAULT_SIZE)),
      { heading: briefTexts(req.lang).sources, list: req.panels.map((p) => `${p.spec.title}: ${p.spec.source}`) },
    );
  }
  const texts = briefTexts(req.lang);
  const day = isoDay(req.date);
  const bare: ExportFrame = {
    title: "",
    subtitle: "",
    footer: texts.version(req.dataVersion),
    link: "",
    simulatedMark: null,
    background: "white",
  };
  const panels: BriefPanel[] = req.panels.map(({ spec, frame }) => ({
    title: spec.title,
    subtitle: spec.subtitle,
    chart: spec.option ? framed(spec.option, inBrief(frame), spec.size ?? DEFAULT_SIZE) : null,
    table: spec.csv(),
    source: spec.source,
  }));
  // A view's own charts get the same frame as the panels' (legend drawn whole, a footer).
  const sections = req.sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b): BriefBlock => (b.kind === "chart" ? { ...b, ...framed(b.option, bare, b.size) } : b)),
  }));
  const doc = composeBrief(
    {
      lang: req.lang,
      title: texts.title(req.app, req.view),
      lines: [texts.version(req.dataVersion), texts.exported(day), texts.link(req.link)],
      mark: req.mark,
      footer: `${texts.version(req.dataVersion)} · ${texts.exported(day)}`,
      sections,
      panels,
    },
    texts,
  );
  const [{ renderBriefPdf }, { siteFonts, loadChartFaces, stringsIn, CHART_FAMILY }] = await Promise.all([
    import("./pdf"),
    import("./fonts"),
  ]);
  const fonts = siteFonts();
  const charts = doc.blocks.flatMap((b, i) => (b.kind === "chart" ? [{ i, b }] : []));
  await loadChartFaces(
    charts.flatMap(({ b }) => stringsIn(b.option)),
    fonts,
  );
  const images = new Map<number, Uint8Array>();
  for (const { i, b } of charts) {
    // The system's sans-serif first (as on screen), the briefing's font for what it lacks.
    const style = (b.option as { textStyle?: { fontFamily?: string } }).textStyle;
    const option = {
      ...b.option,
      textStyle: { ...style, fontFamily: `${style?.fontFamily ?? "sans-serif"}, "${CHART_FAMILY}"` },
    };
    images.set(i, new Uint8Array(await renderPng(option as EChartsOption, b.size, PIXEL_RATIO).arrayBuffer()));
  }
  const bytes = await renderBriefPdf(doc, texts, {
    orientation: req.format === "pdf-landscape" ? "landscape" : "portrait",
    images,
    fonts,
    date: req.date,
  });
  return new Blob([bytes as BlobPart], { type: "application/pdf" });
}
