import { lazy, Suspense, useEffect } from "react";
import { useMeta } from "../api/hooks";
import { DataMethods } from "../features/data/DataMethods";
import { Overview } from "../features/overview/Overview";
import { Placeholder } from "../features/placeholder/Placeholder";
import { pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { PanelBoundary, Skeleton } from "../ui/Panel";
import { Header } from "./Header";
import { Notices } from "./Notices";

// The map's code and geometry load only when the Map view is opened.
const MapView = lazy(() => import("../features/map/MapView"));

export function App() {
  const t = useT();
  const lang = useLang();
  const view = useApp((s) => s.view);
  const meta = useMeta();
  const title = meta.data ? pick(meta.data.title, lang) : t("app.title");
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    // Assigned as text: the title from the API never becomes markup.
    document.title = `${t(`nav.${view}`)} · ${title}`;
  }, [lang, view, title, t]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Notices />
        {view === "overview" && <Overview />}
        {view === "data" && <DataMethods />}
        {view === "map" && (
          <PanelBoundary>
            <Suspense fallback={<Skeleton height={480} />}>
              <MapView />
            </Suspense>
          </PanelBoundary>
        )}
        {(view === "compare" || view === "explore") && <Placeholder title={t(`nav.${view}`)} />}
      </main>
    </>
  );
}
