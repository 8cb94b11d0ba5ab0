import { useId, useRef, useState } from "react";
import { useDataSource } from "../api/context";
import { useMeta, useRegions } from "../api/hooks";
import type { ExportFrame } from "../export/export-option";
import { exportFileName } from "../export/filename";
import { useRegisterExport } from "../export/registry";
import { type ExportSpec, footerText, observationsTable } from "../export/spec";
import { useLang, useT } from "../i18n/use-t";

const SCALES = [1, 2, 3] as const;

/** The frame of an export: title, subtitle, footer (source, version, date), link, simulated mark. */
export function useExportFrame(): (s: ExportSpec, background: ExportFrame["background"]) => ExportFrame {
  const t = useT();
  const meta = useMeta();
  return (s, background) => ({
    width: s.size?.width,
    height: s.size?.height,
    title: s.title,
    subtitle: s.subtitle,
    footer: footerText(s.source, meta.data?.dataVersion ?? "", new Date(), t),
    link: window.location.href,
    simulatedMark: meta.data?.simulated ? t("export.simulated") : null,
    background,
  });
}

/** The CSS size of the panel's chart on screen, the base of every image export. */
export function chartSize(from: Element | null): { width: number; height: number } {
  const chart = from?.closest("section")?.querySelector(".chart");
  const rect = chart?.getBoundingClientRect();
  return { width: Math.round(rect?.width || 800), height: Math.round(rect?.height || 400) };
}

/**
 * A panel's Export (导出) menu: PNG at 1×/2×/3×, SVG, CSV of the data shown or of the whole
 * indicator, and Copy link. Images are the chart redrawn from its builder with a title, the
 * full legend, a footer (source, data version, date, link) and the simulated-data mark.
 */
export function ExportMenu({ id, spec }: { id: string; spec: () => ExportSpec | null }) {
  const t = useT();
  const lang = useLang();
  const regions = useRegions();
  const source = useDataSource();
  const menuId = useId();
  const anchor = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [background, setBackground] = useState<ExportFrame["background"]>("white");
  const [status, setStatus] = useState<{ text: string; link?: string } | null>(null);
  useRegisterExport(id, () => {
    const s = spec();
    return s && { ...s, size: chartSize(anchor.current) };
  });
  const frameFor = useExportFrame();

  const run = async (task: (s: ExportSpec) => Promise<string> | string) => {
    const s = spec();
    if (!s) return;
    setOpen(false);
    setStatus({ text: t("export.working") });
    try {
      setStatus({ text: await task(s) });
    } catch (e) {
      setStatus({ text: t("export.failed", { reason: (e as Error).message }) });
    }
  };
  const image = (kind: "png" | "svg", scale = 2) =>
    run(async (s) => {
      if (!s.option) throw new Error("no chart");
      // Loaded on use: the export code measures text with ECharts, which the page loads lazily.
      const [{ renderPng, renderSvg, download }, { buildExportOption, exportSize }] = await Promise.all([
        import("../export/render"),
        import("../export/export-option"),
      ]);
      const base = chartSize(anchor.current);
      const frame = frameFor({ ...s, size: base }, background);
      // The plot at its size on screen, and as much frame around it as its texts and legend need.
      const size = exportSize(s.option, frame, base);
      const option = buildExportOption(s.option, frame);
      const file = exportFileName(s.file, kind);
      download(kind === "png" ? renderPng(option, size, scale) : renderSvg(option, size), file);
      return t("export.done", { file });
    });
  const csv = (full: boolean) =>
    run(async (s) => {
      const [{ download }, { toCsv }] = await Promise.all([import("../export/render"), import("../export/csv")]);
      let table = s.csv();
      if (full && s.indicator) {
        const ind = s.indicator;
        const all = (await Promise.all(ind.levels.map((level) => source.observations({ indicator: ind.id, level })))).flat();
        // A city without counties answers at both city and county level: list it once.
        const unique = [...new Map(all.map((o) => [`${o.region}@${o.period}`, o])).values()];
        table = observationsTable(ind, regions.data ?? [], unique, lang, t);
      }
      // The whole indicator has no level or period of its own.
      const file = exportFileName(full ? { indicator: s.file.indicator, suffix: "all", lang } : s.file, "csv");
      download(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), file);
      return t("export.done", { file });
    });
  const copyLink = async () => {
    setOpen(false);
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ text: t("export.copied") });
    } catch {
      // No clipboard (insecure context, permission): show the link to copy by hand.
      setStatus({ text: t("export.copyFallback"), link });
    }
  };

  const current = open ? spec() : null;
  return (
    <div className="export-menu" ref={anchor}>
      <button type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        {t("export.menu")} ▾
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the menu from any of its buttons
        <div
          id={menuId}
          className="export-list"
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
        >
          {current?.option && (
            <>
              {SCALES.map((scale) => (
                <button key={scale} type="button" onClick={() => image("png", scale)}>
                  {t("export.png", { scale })}
                </button>
              ))}
              <button type="button" onClick={() => image("svg")}>
                {t("export.svg")}
              </button>
              <fieldset className="segmented">
                <legend>{t("export.background")}</legend>
                {(["white", "transparent"] as const).map((b) => (
                  <label key={b}>
                    <input type="radio" name={`${menuId}-bg`} checked={background === b} onChange={() => setBackground(b)} />
                    {t(`export.${b}`)}
                  </label>
                ))}
              </fieldset>
            </>
          )}
          <button type="button" onClick={() => csv(false)}>
            {t("export.csvShown")}
          </button>
          {current?.indicator && (
            <button type="button" onClick={() => csv(true)}>
              {t("export.csvFull")}
            </button>
          )}
          <button type="button" onClick={copyLink}>
            {t("export.copyLink")}
          </button>
        </div>
      )}
      {status && (
        <p className="export-status" role="status">
          {status.text}
          {status.link && (
            <input readOnly value={status.link} aria-label={t("export.copyLink")} onFocus={(e) => e.target.select()} />
          )}
        </p>
      )}
    </div>
  );
}
