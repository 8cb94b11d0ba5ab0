/**
 * The Overview's one set of judgments, shared by its four judged parts (findings, targets,
 * behind, warnings): computed once by `JudgmentsSource` (judged.tsx), instead of once per part,
 * each of which read the same 50-odd series through its own observers on every render. The
 * store is on the page; the source comes with the judged chunk (in its own Suspense boundary),
 * so that the judging code is not in the Overview's first JavaScript.
 */
import { createContext } from "react";
import type { Judgments } from "../../judgments/use-judgments";
import type { JudgedProps } from "./judged";

/** The judgments and what they were computed for. */
export interface JudgedSnapshot {
  props: JudgedProps;
  judgments: Judgments;
}

/** Holds the latest snapshot and tells the parts when it changes. */
export interface JudgedStore {
  get: () => JudgedSnapshot | null;
  set: (snapshot: JudgedSnapshot) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createJudgedStore(): JudgedStore {
  let current: JudgedSnapshot | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (snapshot) => {
      current = snapshot;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const JudgedContext = createContext<JudgedStore | null>(null);
