import { useId, useState } from "react";
import type { Region } from "../api/contract";
import { pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";

/** Regions whose Chinese name, English name or code match the query, best matches first. */
export function searchRegions(regions: readonly Region[], query: string, limit = 8): Region[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const score = (r: Region) => {
    const fields = [r.name.zh, r.name.en.toLowerCase(), r.code];
    if (fields.some((f) => f === q)) return 0;
    if (fields.some((f) => f.startsWith(q))) return 1;
    return fields.some((f) => f.includes(q)) ? 2 : 3;
  };
  return regions
    .filter((r) => r.level !== "province")
    .map((r) => [score(r), r] as const)
    .filter(([s]) => s < 3)
    .sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code))
    .slice(0, limit)
    .map(([, r]) => r);
}

/** Find a region by name (either language) or code, then highlight it on the map. */
export function RegionSearch({ regions, onPick }: { regions: readonly Region[]; onPick: (r: Region) => void }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [query, setQuery] = useState("");
  const results = searchRegions(regions, query);
  return (
    <div className="region-search">
      <label htmlFor={id} className="field">
        <span>{t("map.search")}</span>
      </label>
      <input
        id={id}
        type="search"
        placeholder={t("map.searchPlaceholder")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() && (
        <ul className="search-results" aria-label={t("map.search")}>
          {results.length ? (
            results.map((r) => (
              <li key={r.code}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(r);
                    setQuery("");
                  }}
                >
                  {pick(r.name, lang)} <span className="code">{r.code}</span>
                </button>
              </li>
            ))
          ) : (
            <li className="empty">{t("map.searchNone", { q: query })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
