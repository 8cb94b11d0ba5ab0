import { lazy, Suspense, useEffect } from "react";
import { useMeta } from "../api/hooks";
import { DataMethods } from "../features/data/DataMethods";
import { Overview } from "../features/overview/Overview";
import { pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { PanelBoundary, Skeleton } from "../ui/Panel";
import { Header } from "./Header";
import { Notices } from "./Notices";

// Each view but the Overview is its own chunk: the map's code and geometry, for one, load
// only when a view that draws a map is opened.
const MapView = lazy(() => import("../features/map/MapView"));
const CompareView = lazy(() => import("../features/compare/CompareView"));
const ExploreView = lazy(() => import("../features/explore/ExploreView"));
const LAZY = { map: MapView, compare: CompareView, explore: ExploreView } as const;

function LazyView({ view }: { view: keyof typeof LAZY }) {
  const View = LAZY[view];
  return (
    <PanelBoundary>
      <Suspense fallback={<Skeleton height={480} />}>
        <View />
      </Suspense>
    </PanelBoundary>
  );
}

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
        {(view === "map" || view === "compare" || view === "explore") && <LazyView view={view} />}
      </main>
    </>
  );
}
