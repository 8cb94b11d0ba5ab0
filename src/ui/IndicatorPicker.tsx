import { useId, useState } from "react";
import type { Indicator } from "../api/contract";
import { byPillar } from "../domain/catalogue";
import { pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";

/** Matches an indicator by its name in either language or its id. */
export function matchesIndicator(ind: Indicator, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || [ind.name.zh, ind.name.en, ind.id].some((s) => s.toLowerCase().includes(q));
}

/** Indicator choice grouped by pillar, with a search box that filters in both languages. */
export function IndicatorPicker({
  indicators,
  value,
  onChange,
  label,
  extra = [],
}: {
  indicators: readonly Indicator[];
  value: string;
  onChange: (id: string) => void;
  label: string;
  /** Entries that are not indicators (the Map's index tiers), listed first in a group of their own. */
  extra?: readonly { id: string; label: string; group: string }[];
}) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [query, setQuery] = useState("");
  const shown = indicators.filter((i) => i.id === value || matchesIndicator(i, query));
  return (
    <div className="picker">
      <label className="field" htmlFor={`${id}-select`}>
        <span>{label}</span>
      </label>
      <input
        type="search"
        className="picker-search"
        aria-label={t("picker.search")}
        placeholder={t("picker.search")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select id={`${id}-select`} value={value} onChange={(e) => onChange(e.target.value)}>
        {extra.map((x) => (
          <optgroup key={x.id} label={x.group}>
            <option value={x.id}>{x.label}</option>
          </optgroup>
        ))}
        {byPillar(shown).map((g) => (
          <optgroup key={g.pillar} label={t(`pillar.${g.pillar}`)}>
            {g.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {pick(i.name, lang)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {shown.length === 1 && query && !matchesIndicator(shown[0], query) && <span className="empty">{t("picker.none")}</span>}
    </div>
  );
}
