/**
 * Matching a table's region cell to the project's region tree: by GB/T 2260 code, or by
 * Chinese or English name when that name belongs to one region only.
 */
import type { Region } from "../../src/api/contract";

export type RegionMatch = { ok: true; region: Region } | { ok: false; candidates: Region[] };

/** Names without the suffix people often leave out: 广州市 → 广州, Tianhe District → tianhe. */
const shortZh = (s: string) => s.replace(/(省|市|区|县|自治县)$/, "");
const shortEn = (s: string) => s.replace(/\s+(province|city|district|county|autonomous county)$/, "");
const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * A matcher over the tree. Full names are tried before short ones, so "城区" or "Guangzhou"
 * are matched whole; a name that fits several regions is refused with the candidates.
 */
export function regionMatcher(regions: readonly Region[]): (cell: string) => RegionMatch {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const full = new Map<string, Region[]>();
  const short = new Map<string, Region[]>();
  const add = (map: Map<string, Region[]>, key: string, r: Region) => {
    const list = map.get(key) ?? [];
    if (!list.includes(r)) list.push(r);
    map.set(key, list);
  };
  for (const r of regions) {
    add(full, norm(r.name.zh), r);
    add(full, norm(r.name.en), r);
    add(short, shortZh(norm(r.name.zh)), r);
    add(short, shortEn(norm(r.name.en)), r);
  }
  return (cell) => {
    const s = norm(cell);
    const code = byCode.get(s);
    if (code) return { ok: true, region: code };
    const hits = full.get(s) ?? short.get(s) ?? short.get(shortEn(shortZh(s))) ?? [];
    return hits.length === 1 ? { ok: true, region: hits[0] } : { ok: false, candidates: hits };
  };
}
