import { useMemo } from "react";
import { useApp } from "../state/context";
import { type Translate, translator } from "./format";

export function useT(): Translate {
  const lang = useApp((s) => s.lang);
  return useMemo(() => translator(lang), [lang]);
}

export const useLang = () => useApp((s) => s.lang);
