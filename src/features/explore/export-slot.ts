import { type RefObject, useLayoutEffect, useRef } from "react";
import type { ExportSpec } from "../../export/spec";

type Getter = () => ExportSpec | null;

/** Where the open tab leaves its export for the menu in the panel's head (read when the user asks). */
export type ExportSlot = RefObject<Getter>;

export function useExportSlot(): ExportSlot {
  return useRef<Getter>(() => null);
}

/** Puts this tab's export in the slot after every render, so the menu always reads the latest. */
export function useFillExportSlot(slot: ExportSlot, get: Getter): void {
  useLayoutEffect(() => {
    slot.current = get;
  });
}
