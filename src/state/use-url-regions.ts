import { useEffect, useMemo } from "react";
import type { Region } from "../api/contract";
import { useApp } from "./context";

/**
 * The regions a URL's `regions=` names, in its order, split into those the data knows (and
 * `allowed` accepts) and the codes it does not. Pure: the hook below acts on it.
 */
export function resolveSelection(
  regions: readonly Region[],
  codes: readonly string[],
  allowed: (r: Region) => boolean = () => true,
): { selected: Region[]; unknown: string[] } {
  const byCode = new Map(regions.filter(allowed).map((r) => [r.code, r]));
  const selected: Region[] = [];
  const unknown: string[] = [];
  for (const c of codes) {
    const r = byCode.get(c);
    if (r) selected.push(r);
    else unknown.push(c);
  }
  return { selected, unknown };
}

/**
 * The selected regions of the URL. Codes the data does not know (or `allowed` refuses: keep it
 * a stable function) leave the URL with a notice, in one step that keeps the rest: a shared link
 * with one stale code loses only that code, and the browser's history gains no extra entry.
 */
export function useUrlRegions(regions: readonly Region[], allowed?: (r: Region) => boolean): Region[] {
  const codes = useApp((s) => s.regions);
  const reject = useApp((s) => s.reject);
  const { selected, unknown } = useMemo(() => resolveSelection(regions, codes, allowed), [regions, codes, allowed]);
  useEffect(() => {
    if (unknown.length)
      reject(
        "regions",
        unknown.join(","),
        selected.map((r) => r.code),
      );
  }, [unknown, selected, reject]);
  return selected;
}
