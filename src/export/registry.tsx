import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import type { ExportSpec } from "./spec";

type Getter = () => ExportSpec | null;

interface Registry {
  register(id: string, get: Getter): () => void;
  list(): Getter[];
}

const RegistryContext = createContext<Registry | null>(null);

/** Collects the export specs of the panels on screen, for the briefing of a whole view. */
export function ExportRegistryProvider({ children }: { children: ReactNode }) {
  const [registry] = useState<Registry>(() => {
    const getters = new Map<string, Getter>();
    return {
      register(id, get) {
        getters.set(id, get);
        return () => {
          getters.delete(id);
        };
      },
      list: () => [...getters.values()],
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

export function useExportRegistry(): Registry | null {
  return useContext(RegistryContext);
}
