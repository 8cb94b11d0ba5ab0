import { useMeta } from "../api/hooks";
import type { ExportFrame } from "../export/export-option";
import { type ExportSpec, footerText } from "../export/spec";
import { useT } from "../i18n/use-t";

/**
 * The frame of an export: title, subtitle, footer (source, version, date), link, simulated
 * mark. Apart from the export menu, so that the header's briefing control does not carry the
 * menu's code into every view's first load.
 */
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
