import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import type { BriefSection } from "./brief";
import type { ExportSpec } from "./spec";

type Getter = () => ExportSpec | null;
/** A view's part of its briefing, built when the briefing is asked for (null: nothing to say yet). */
type BriefGetter = () => BriefSection["blocks"] | null;

/** The export specs of the panels on screen and the view's briefing sections. */
export interface Registry {
  register(id: string, get: Getter): () => void;
  list(): Getter[];
  registerBrief(id: string, order: number, get: BriefGetter): () => void;
  /** The registered sections that have blocks now, built on the spot (brief.ts orders them). */
  sections(): BriefSection[];
}

const RegistryContext = createContext<Registry | null>(null);

/** Collects the export specs of the panels on screen, and the views' briefing sections, for the briefing of a whole view. */
export function ExportRegistryProvider({ children }: { children: ReactNode }) {
  const [registry] = useState<Registry>(() => {
    const getters = new Map<string, Getter>();
    const briefs = new Map<string, { order: number; get: BriefGetter }>();
    return {
      register(id, get) {
        getters.set(id, get);
        return () => {
          getters.delete(id);
        };
      },
      list: () => [...getters.values()],
      registerBrief(id, order, get) {
        briefs.set(id, { order, get });
        return () => {
          briefs.delete(id);
        };
      },
      sections: () =>
        [...briefs].flatMap(([id, { order, get }]) => {
          const blocks = get();
          return blocks?.length ? [{ id, order, blocks }] : [];
        }),
    };
  });
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Registers a panel's spec while it is mounted; the latest getter is always the one used. */
export function useRegisterExport(id: string, get: Getter): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(get);
  latest.current = get;
  useEffect(() => registry?.register(id, () => latest.current()), [registry, id]);
}

/**
 * Registers a section of the view's briefing while the component is mounted: `get` runs when
 * the user exports a briefing (never on render) and returns the section's blocks, or null when
 * its data is not there. Sections print by `order` (lower first), before the chart panels.
 */
export function useRegisterBrief(id: string, order: number, get: BriefGetter): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(get);
  latest.current = get;
  useEffect(() => registry?.registerBrief(id, order, () => latest.current()), [registry, id, order]);
}

export function useExportRegistry(): Registry | null {
  return useContext(RegistryContext);
}
