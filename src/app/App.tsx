import { lazy, Suspense, useEffect } from "react";
import { useMeta } from "../api/hooks";
import { ThemeContext, WALL_THEME } from "../charts/Chart";
import { Overview } from "../features/overview/Overview";
import { pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { PanelBoundary, Skeleton } from "../ui/Panel";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { OfflineBanner } from "./OfflineBanner";

// Each view but the Overview is its own chunk: the map's code and geometry, for one, load
// only when a view that draws a map is opened.
const MapView = lazy(() => import("../features/map/MapView"));
const CompareView = lazy(() => import("../features/compare/CompareView"));
const ExploreView = lazy(() => import("../features/explore/ExploreView"));
const DataMethods = lazy(() => import("../features/data/DataMethods").then((m) => ({ default: m.DataMethods })));
const LAZY = { map: MapView, compare: CompareView, explore: ExploreView, data: DataMethods } as const;

/** `screen=big`: the Overview alone, dark, in large type, cycling its panels; Escape leaves. */
function WallDisplay() {
  const t = useT();
  const update = useApp((s) => s.update);
  useEffect(() => {
    document.documentElement.classList.add("wall");
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") update({ screen: "normal" });
    };
    window.addEventListener("keydown", onKey);
    return () => {
      document.documentElement.classList.remove("wall");
      window.removeEventListener("keydown", onKey);
    };
  }, [update]);
  return (
    <ThemeContext.Provider value={WALL_THEME}>
      <main id="main" className="wall-main">
        <button type="button" className="wall-exit" onClick={() => update({ screen: "normal" })}>
          {t("big.exit")}
        </button>
        <Overview />
      </main>
    </ThemeContext.Provider>
  );
}

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
  const big = useApp((s) => s.screen) === "big";
  const meta = useMeta();
  const title = meta.data ? pick(meta.data.title, lang) : t("app.title");
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    // Assigned as text: the title from the API never becomes markup.
    document.title = `${t(`nav.${view}`)} · ${title}`;
  }, [lang, view, title, t]);
  if (big) return <WallDisplay />;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <OfflineBanner />
        <Notices />
        {view === "overview" && <Overview />}
        {view !== "overview" && <LazyView view={view} />}
      </main>
    </>
  );
}
