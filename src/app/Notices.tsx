import { useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { useTakeOver } from "../ui/first-screen";

/** A quiet notice about link parameters that were not valid (they fell back to defaults). */
export function Notices() {
  const t = useT();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotices);
  // The prerendered first screen has no notice: one to show takes over from it.
  useTakeOver(notices.length > 0);
  if (!notices.length) return null;
  return (
    <div className="notice" role="status">
      <p>{t("notice.dropped", { params: notices.map((n) => `${n.key}=${n.value}`).join(", ") })}</p>
      <button type="button" onClick={dismiss}>
        {t("notice.dismiss")}
      </button>
    </div>
  );
}
