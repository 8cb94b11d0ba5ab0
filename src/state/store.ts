import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { DEFAULT_VIEW, type Dropped, type ViewState, viewFromParams, viewToParams } from "./url";

/** UI state: the view (mirrored in the URL) and the notices about URL parameters that were dropped. */
export interface AppState extends ViewState {
  notices: Dropped[];
  /** Whether the last change replaced the history entry instead of adding one. */
  replaceHistory: boolean;
  /**
   * Changes the view: a new entry in the browser history, or with `replace` (steps of an
   * animation, which Back must not replay) the current entry.
   */
  update(patch: Partial<ViewState>, options?: { replace?: boolean }): void;
  /**
   * Reports a value the data could not use (e.g. an indicator the catalogue lacks) and resets
   * it to its default, or to `keep` (what of it could be used), in one step.
   */
  reject<K extends keyof ViewState>(key: K, value: string, keep?: ViewState[K]): void;
  dismissNotices(): void;
}

const viewOf = (s: AppState): ViewState => ({
  view: s.view,
  lang: s.lang,
  indicator: s.indicator,
  year: s.year,
  level: s.level,
  city: s.city,
  regions: s.regions,
  tab: s.tab,
  bins: s.bins,
  weights: s.weights,
  norm: s.norm,
  screen: s.screen,
  cycle: s.cycle,
  indicators: s.indicators,
  refresh: s.refresh,
  from: s.from,
  to: s.to,
  region: s.region,
  per: s.per,
  scale: s.scale,
  relative: s.relative,
});

export function createAppStore(initial: Partial<ViewState> = {}, notices: Dropped[] = []) {
  return createStore<AppState>()((set) => ({
    ...DEFAULT_VIEW,
    ...initial,
    notices,
    replaceHistory: false,
    update: (patch, options) =>
      set((s) => ({
        // A measure belongs to its indicator (per resident, per GDP…): another indicator starts
        // from its own natural form unless the change names one.
        ...(patch.indicator !== undefined && patch.indicator !== s.indicator && !("per" in patch) ? { per: null } : {}),
        ...patch,
        replaceHistory: options?.replace ?? false,
      })),
    reject: (key, value, keep) =>
      set((s) => ({
        [key]: keep ?? DEFAULT_VIEW[key],
        notices: [...s.notices, { key, value: value.slice(0, 40) }],
        replaceHistory: true,
      })),
    dismissNotices: () => set({ notices: [] }),
  }));
}
export type AppStore = ReturnType<typeof createAppStore>;

/** Reads the view from the URL at start and on back/forward; writes it on every change. Returns a stop function. */
export function syncWithUrl(store: AppStore, win: Window = window): () => void {
  const read = () => {
    const { view, dropped } = viewFromParams(new URLSearchParams(win.location.search));
    store.setState({ ...view, notices: dropped });
  };
  const search = (s: AppState) => {
    const p = viewToParams(viewOf(s)).toString();
    return p ? `?${p}` : "";
  };
  read();
  // Junk parameters leave the address bar at once, so a copied link carries only the view.
  win.history.replaceState(null, "", `${win.location.pathname}${search(store.getState())}`);
  const unsubscribe = store.subscribe((state, prev) => {
    const next = search(state);
    if (next !== search(prev) && next !== win.location.search) {
      const url = `${win.location.pathname}${next}`;
      // A value the data could not use is corrected in place: Back must not return to the bad
      // link (only to be corrected again); so is an animation's step. Every other change is a
      // new history entry.
      if (state.replaceHistory) win.history.replaceState(null, "", url);
      else win.history.pushState(null, "", url);
    }
  });
  win.addEventListener("popstate", read);
  return () => {
    unsubscribe();
    win.removeEventListener("popstate", read);
  };
}

export { useStore, viewOf };
