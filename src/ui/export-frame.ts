import { useConfigIfLoaded } from "../api/context";
import { useMeta } from "../api/hooks";
import type { ExportFrame } from "../export/export-option";
import { type ExportSpec, footerText } from "../export/spec";
import type { Translate } from "../i18n/format";
import { useT } from "../i18n/use-t";

/** What a map must say about its boundaries: 审图号 when config.json gives one, else "not an approved map". */
export const boundaryNotice = (approval: string | undefined, t: Translate): string =>
  approval ? t("map.approval", { number: approval }) : t("map.boundaries");

/**
 * The frame of an export: title, subtitle, footer (source, version, date), link, simulated
 * mark. Apart from the export menu, so that the header's briefing control does not carry the
 * menu's code into every view's first load.
 */
export function useExportFrame(): (s: ExportSpec, background: ExportFrame["background"]) => ExportFrame {
  const t = useT();
  const meta = useMeta();
  // Every exported map carries what the screen shows under it (buildExportOption adds it to maps only).
  // Not waited for: the header's briefing control renders before config.json answers, and no
  // export can be made before it has (every figure comes through it); unknown, the notice is
  // the stricter "not an approved map".
  const mapNotice = boundaryNotice(useConfigIfLoaded()?.boundaries.approval, t);
  return (s, background) => ({
    width: s.size?.width,
    height: s.size?.height,
    title: s.title,
    subtitle: s.subtitle,
    footer: footerText(s.source, meta.data?.dataVersion ?? "", new Date(), t),
    link: window.location.href,
    simulatedMark: meta.data?.simulated ? t("export.simulated") : null,
    mapNotice,
    background,
  });
}
