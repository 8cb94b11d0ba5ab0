import { useId, useState } from "react";
import { useMeta } from "../api/hooks";
import type { BriefingFormat } from "../export/briefing";
import { useExportRegistry } from "../export/registry";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { useExportFrame } from "./export-frame";

const FORMATS: { value: BriefingFormat; key: "briefing.pdfPortrait" | "briefing.pdfLandscape" | "briefing.pngSheet" }[] = [
  { value: "pdf-portrait", key: "briefing.pdfPortrait" },
  { value: "pdf-landscape", key: "briefing.pdfLandscape" },
  { value: "png", key: "briefing.pngSheet" },
];

/**
 * 导出简报: the view's briefing as an A4 PDF whose text is text (the view's sections, every
 * panel's chart and table, the sources) or as one PNG sheet of its charts. The briefing's code,
 * jsPDF and the font load only when the user exports one (src/export/brief-export.ts).
 */
export function Briefing() {
  const t = useT();
  const lang = useLang();
  const view = useApp((s) => s.view);
  const registry = useExportRegistry();
  const frameFor = useExportFrame();
  const meta = useMeta();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<BriefingFormat>("pdf-portrait");
  const [status, setStatus] = useState<string | null>(null);

  const go = async () => {
    setStatus(t("export.working"));
    try {
      const { exportBriefing } = await import("../export/brief-export");
      const file = await exportBriefing({ format, lang, view, t, meta: meta.data, registry, frameFor });
      setStatus(file ? t("export.done", { file }) : t("briefing.none"));
      if (file) setOpen(false);
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
