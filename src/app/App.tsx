import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useMeta } from "../api/hooks";
import { Overview } from "../features/overview/Overview";
import { pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { useTakeOver } from "../ui/first-screen";
import { PanelBoundary, Skeleton } from "../ui/Panel";
import { usePainted } from "../ui/use-painted";
import { Notices } from "./Notices";
import { OfflineBanner } from "./OfflineBanner";
import { Shell } from "./Shell";
import { VIEW_SKELETON_HEIGHT } from "./ViewShell";

// Each view but the Overview is its own chunk: the map's code and geometry, for one, load
// only when a view that draws a map is opened.
const LOADERS: Record<"map" | "compare" | "explore" | "profile" | "data", () => Promise<{ default: ComponentType }>> = {
  map: () => import("../features/map/MapView"),
  compare: () => import("../features/compare/CompareView"),
  explore: () => import("../features/explore/ExploreView"),
  profile: () => import("../features/profile/ProfileView"),
  data: () => import("../features/data/DataMethods").then((m) => ({ default: m.DataMethods })),
};
type LazyViewName = keyof typeof LOADERS;
const views = new Map<LazyViewName, LazyExoticComponent<ComponentType>>();

/** A view's lazy component; `fresh` asks for its chunk again (React.lazy keeps a failed import for good). */
function viewComponent(view: LazyViewName, fresh: boolean): LazyExoticComponent<ComponentType> {
  let View = views.get(view);
  if (!View || fresh) {
    View = lazy(LOADERS[view]);
    views.set(view, View);
  }
  return View;
}

/**
 * `screen=big`: the command screen (features/screen), its own chunk with its texts and styles,
 * so that the Overview carries none of it; Retry after a failed load asks for the chunk again.
 */
function WallDisplay() {
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt makes a new lazy component (React.lazy keeps a failed import)
  const Screen = useMemo(() => lazy(() => import("../features/screen/CommandScreen")), [attempt]);
  return (
    <PanelBoundary onRetry={() => setAttempt((n) => n + 1)}>
      <Suspense fallback={<Skeleton height={480} />}>
        <Screen />
      </Suspense>
    </PanelBoundary>
  );
}

function LazyView({ view }: { view: LazyViewName }) {
  // Retry after a chunk failed to load (offline, a deploy replaced it) loads it again.
  const [attempt, setAttempt] = useState(0);
  // The view's chunk is asked for once the header and this skeleton are on screen.
  const painted = usePainted();
  const View = useMemo(() => (painted ? viewComponent(view, attempt > 0) : null), [painted, view, attempt]);
  const skeleton = <Skeleton height={VIEW_SKELETON_HEIGHT} />;
  return (
    <PanelBoundary onRetry={() => setAttempt((n) => n + 1)}>
      <Suspense fallback={skeleton}>{View ? <View /> : skeleton}</Suspense>
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
  // The wall display has no header: it shows at once; so does any other view over the Overview's first screen.
  useTakeOver(big);
  useTakeOver(view !== "overview", "overview");
  if (big) return <WallDisplay />;
  return (
    <Shell>
      <OfflineBanner />
      <Notices />
      {view === "overview" && (
        // Nothing in it waits for config.json today; a part that does would wait here, under the header.
        <Suspense fallback={<Skeleton height={480} />}>
          <Overview />
        </Suspense>
      )}
      {view !== "overview" && <LazyView view={view} />}
    </Shell>
  );
}
