import { useId, useMemo, useState } from "react";
import type { Region } from "../api/contract";
import { regionsAtLevel } from "../api/filter";
import { pick } from "../i18n/format";
import { addMessages } from "../i18n/messages";
import * as compareTexts from "../i18n/messages-compare";
import { useLang, useT } from "../i18n/use-t";
import { searchRegions } from "./RegionSearch";

// The picker's texts are kept with the Compare view's and load with whichever view uses it.
addMessages(compareTexts);

export const PICKER_SCOPES = ["all", "city", "county"] as const;
export const PICKER_SORTS = ["match", "desc", "asc"] as const;
export type PickerScope = (typeof PICKER_SCOPES)[number];
export type PickerSort = (typeof PICKER_SORTS)[number];

/** How many candidates the list shows at once; a query narrows the rest. */
const SHOWN = 30;

/**
 * The regions one may add: cities, county-level units (Dongguan and Zhongshan among them) or
 * both; matching the query by Chinese name, English name or code; not already selected;
 * ordered by match (or code when there is no query) or by value, regions without a value last.
 */
export function candidateRegions(
  regions: readonly Region[],
  {
    query,
    scope,
    sort,
    selected,
    valueFor,
  }: {
    query: string;
    scope: PickerScope;
    sort: PickerSort;
    selected: readonly string[];
    valueFor?: (code: string) => number | null;
  },
): Region[] {
  const inScope =
    scope === "all"
      ? regions.filter((r) => r.level !== "province")
      : regionsAtLevel(regions, scope === "city" ? "city" : "county");
  const pool = query.trim()
    ? searchRegions(inScope, query, Number.POSITIVE_INFINITY)
    : [...inScope].sort((a, b) => a.code.localeCompare(b.code));
  const taken = new Set(selected);
  const list = pool.filter((r) => !taken.has(r.code));
  if (sort === "match" || !valueFor) return list;
  const sign = sort === "desc" ? -1 : 1;
  // Array.prototype.sort is stable: equal values keep the match order.
  return list.sort((a, b) => {
    const [x, y] = [valueFor(a.code), valueFor(b.code)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

export interface RegionPickerProps {
  /** Every region (the province is never a candidate). */
  regions: readonly Region[];
  selected: readonly string[];
  max: number;
  onChange: (codes: string[]) => void;
  /** The current indicator's value of a region, to show and sort candidates by. */
  valueFor?: (code: string) => number | null;
  formatValue?: (value: number | null) => string;
  /** The colour each selected region has in the charts, in selection order. */
  colors?: readonly string[];
  /** A badge for the first region (e.g. "focus"); with it, the others get a "make first" button. */
  firstLabel?: string;
}

/** Pick regions by searching in both languages or by code, sorting candidates by value; chips to remove. */
export function RegionPicker({ regions, selected, max, onChange, valueFor, formatValue, colors, firstLabel }: RegionPickerProps) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [query, setQuery] = useState("");
  const [scope, setScope] = useState<PickerScope>("all");
  const [sort, setSort] = useState<PickerSort>("match");
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  // Sorting every unit (localeCompare, 3,000 at scale) on each render of the view is not free:
  // kept while its inputs are the same (a stable `valueFor` keeps it across data landings).
  const candidates = useMemo(
    () => candidateRegions(regions, { query, scope, sort, selected, valueFor }),
    [regions, query, scope, sort, selected, valueFor],
  );
  const full = selected.length >= max;
  const name = (code: string) => {
    const r = byCode.get(code);
    return r ? pick(r.name, lang) : code;
  };
  const parentName = (r: Region) => {
    const p = r.level === "county" && r.parent ? byCode.get(r.parent) : undefined;
    return p ? pick(p.name, lang) : null;
  };

  return (
    <div className="region-picker">
      <ul className="chips" aria-label={t("compare.picker.selected", { n: selected.length, max })}>
        {selected.map((code, i) => (
          <li key={code} className="chip">
            <span className="swatch" style={{ background: colors?.[i % colors.length] ?? "currentColor" }} aria-hidden="true" />
            <span>{name(code)}</span>
            {i === 0 && firstLabel && <span className="chip-badge">{firstLabel}</span>}
            {i > 0 && firstLabel && (
              <button
                type="button"
                className="chip-action"
                aria-label={t("compare.picker.makeFocus", { name: name(code) })}
                title={t("compare.picker.makeFocus", { name: name(code) })}
                onClick={() => onChange([code, ...selected.filter((c) => c !== code)])}
              >
                ☆
              </button>
            )}
            <button
              type="button"
              className="chip-action"
              aria-label={t("compare.picker.remove", { name: name(code) })}
              title={t("compare.picker.remove", { name: name(code) })}
              onClick={() => onChange(selected.filter((c) => c !== code))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="picker-controls">
        <label className="field" htmlFor={`${id}-q`}>
          <span>{t("compare.picker.label")}</span>
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t("compare.picker.placeholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="field">
          <span>{t("compare.picker.scope")}</span>
          <select value={scope} onChange={(e) => setScope(e.target.value as PickerScope)}>
            {PICKER_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`compare.picker.scope.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {valueFor && (
          <label className="field">
            <span>{t("compare.picker.sort")}</span>
            <select value={sort} onChange={(e) => setSort(e.target.value as PickerSort)}>
              {PICKER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`compare.picker.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {full && (
        <p className="picker-full" role="status">
          {t("compare.full")}
        </p>
      )}
      <ul className="candidates" aria-label={t("compare.picker.candidates")}>
        {candidates.slice(0, SHOWN).map((r) => {
          const parent = parentName(r);
          const value = valueFor?.(r.code) ?? null;
          return (
            <li key={r.code}>
              <button
                type="button"
                disabled={full}
                onClick={() => {
                  onChange([...selected, r.code]);
                  setQuery("");
                }}
              >
                {/* The action in words for screen readers; the visible name stays part of the button's name (WCAG 2.5.3). */}
                <span className="visually-hidden">{t("compare.picker.addVerb")}</span>{" "}
                <span className="candidate-name">
                  {pick(r.name, lang)}
                  {parent && <span className="muted"> · {parent}</span>}
                </span>
                <span className="code">{r.code}</span>
                {valueFor && <span className="num">{formatValue ? formatValue(value) : (value ?? "—")}</span>}
              </button>
            </li>
          );
        })}
        {!candidates.length && query.trim() && <li className="empty">{t("compare.picker.none", { q: query })}</li>}
        {candidates.length > SHOWN && <li className="muted">{t("compare.picker.more", { n: candidates.length - SHOWN })}</li>}
      </ul>
    </div>
  );
}
