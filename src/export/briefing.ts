/**
 * The briefing as one PNG sheet: every chart of a view, each redrawn with its frame, one under
 * the other, closed by the list of sources drawn as an image. The PDF briefing, with text as
 * text, tables and the view's sections, is brief-export.ts. Loaded on demand.
 */
import type { EChartsOption } from "../charts/echarts";
import { renderPng } from "./render";

export type BriefingFormat = "pdf-portrait" | "pdf-landscape" | "png";

export interface BriefingChart {
  option: EChartsOption;
  size: { width: number; height: number };
}

interface Picture {
  bytes: Uint8Array;
  width: number;
  height: number;
}

const SCALE = 2;

async function picture(blob: Blob, width: number, height: number): Promise<Picture> {
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
}

/** The sources page: a heading and one wrapped line per source, drawn as an image. */
function sourcesPicture(heading: string, sources: readonly string[], width: number): Promise<Picture> {
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  const font = (size: number, weight = "normal") =>
    `${weight} ${size * SCALE}px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
  const lines: { text: string; size: number; weight?: string }[] = [{ text: heading, size: 18, weight: "bold" }];
  ctx.font = font(13);
  for (const source of sources) {
    // Wrap by measured width, character by character (Chinese has no spaces to break on).
    let line = "• ";
    for (const ch of source) {
      if (ctx.measureText(line + ch).width > (width - 48) * SCALE) {
        lines.push({ text: line, size: 13 });
        line = "  ";
      }
      line += ch;
    }
    lines.push({ text: line, size: 13 });
  }
  const height = 32 + lines.length * 24;
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = "#1b1f24";
  lines.forEach((l, i) => {
    ctx.font = font(l.size, l.weight);
    ctx.fillText(l.text, 24 * SCALE, (32 + i * 24) * SCALE);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(picture(blob, width, height)) : reject(new Error("canvas export failed"))),
      "image/png",
    ),
  );
}

/** The PNG sheet: the charts, then the sources. */
export async function buildSheet(
  charts: readonly BriefingChart[],
  sources: { heading: string; list: readonly string[] },
): Promise<Blob> {
  const pictures = await Promise.all(charts.map((c) => picture(renderPng(c.option, c.size, SCALE), c.size.width, c.size.height)));
  const width = Math.max(...charts.map((c) => c.size.width), 600);
  pictures.push(await sourcesPicture(sources.heading, [...new Set(sources.list)], width));
  return sheet(pictures, width);
}

async function sheet(pictures: readonly Picture[], width: number): Promise<Blob> {
  const gap = 16;
  const height = pictures.reduce((h, p) => h + p.height + gap, gap);
  const canvas = document.createElement("canvas");
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let y = gap;
  for (const p of pictures) {
    const bitmap = await createImageBitmap(new Blob([p.bytes as BlobPart], { type: "image/png" }));
    ctx.drawImage(bitmap, 0, y * SCALE, p.width * SCALE, p.height * SCALE);
    y += p.height + gap;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas export failed"))), "image/png"),
  );
}
