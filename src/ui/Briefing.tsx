import { useId, useState } from "react";
import type { BriefingFormat } from "../export/briefing";
import { exportFileName } from "../export/filename";
import { useExportRegistry } from "../export/registry";
import type { ExportSpec } from "../export/spec";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { useExportFrame } from "./export-frame";

const FORMATS: { value: BriefingFormat; key: "briefing.pdfPortrait" | "briefing.pdfLandscape" | "briefing.pngSheet" }[] = [
  { value: "pdf-portrait", key: "briefing.pdfPortrait" },
  { value: "pdf-landscape", key: "briefing.pdfLandscape" },
  { value: "png", key: "briefing.pngSheet" },
];

/** Exports every chart of the view on screen, with captions and sources, as one PDF or PNG sheet. */
export function Briefing() {
  const t = useT();
  const lang = useLang();
  const view = useApp((s) => s.view);
  const registry = useExportRegistry();
  const frameFor = useExportFrame();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<BriefingFormat>("pdf-portrait");
  const [status, setStatus] = useState<string | null>(null);

  const go = async () => {
    const specs = (registry?.list() ?? []).map((get) => get()).filter((s): s is ExportSpec & { option: object } => !!s?.option);
    if (!specs.length) {
      setStatus(t("briefing.none"));
      return;
    }
    setStatus(t("export.working"));
    try {
      const [{ buildBriefing }, { download }, { buildExportOption, exportSize }] = await Promise.all([
        import("../export/briefing"),
        import("../export/render"),
        import("../export/export-option"),
      ]);
      const blob = await buildBriefing(
        specs.map((s) => {
          const base = s.size ?? { width: 800, height: 400 };
          const frame = frameFor({ ...s, size: base }, "white");
          return { option: buildExportOption(s.option, frame), size: exportSize(s.option, frame, base) };
        }),
        { heading: t("briefing.sources"), list: specs.map((s) => `${s.title}: ${s.source}`) },
        format,
      );
      const file = exportFileName({ indicator: `briefing-${view}`, lang }, format === "png" ? "png" : "pdf");
      download(blob, file);
      setStatus(t("export.done", { file }));
      setOpen(false);
    } catch (e) {
      setStatus(t("export.failed", { reason: (e as Error).message }));
    }
  };

  return (
    <div className="export-menu">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t("briefing.button")}
      </button>
      {open && (
        <div id={id} className="export-list">
          <p className="intro">
            <strong>{t("briefing.title")}</strong> {t("briefing.intro")}
          </p>
          <fieldset className="stack">
            <legend>{t("briefing.format")}</legend>
            {FORMATS.map((f) => (
              <label key={f.value}>
                <input type="radio" name={`${id}-format`} checked={format === f.value} onChange={() => setFormat(f.value)} />
                {t(f.key)}
              </label>
            ))}
          </fieldset>
          <button type="button" className="primary" onClick={go}>
            {t("briefing.go")}
          </button>
        </div>
      )}
      {status && (
        <p className="export-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
