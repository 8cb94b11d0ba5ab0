import { useSyncExternalStore } from "react";
import { useT } from "../i18n/use-t";

const subscribe = (onChange: () => void) => {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
};

/** Says the browser is offline; what is loaded stays on screen (TanStack Query keeps it). */
export function OfflineBanner() {
  const t = useT();
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  if (online) return null;
  return (
    <div className="notice offline" role="status">
      <p>{t("offline.banner")}</p>
    </div>
  );
}
