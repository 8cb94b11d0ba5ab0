import { useState } from "react";
import type { Indicator } from "../../api/contract";
import { formatChange, formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { MapRow } from "./map-data";

type Column = "name" | "code" | "value" | "rank" | "change";

/** The map's accessible twin: the same numbers as a sortable table. */
export function MapTable({ rows, indicator, caption }: { rows: readonly MapRow[]; indicator: Indicator; caption: string }) {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: "rank", ascending: true });
  const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en");
  const key: Record<Column, (r: MapRow) => number | string | null> = {
    name: (r) => pick(r.name, lang),
    code: (r) => r.code,
    value: (r) => r.value,
    rank: (r) => r.rank,
    change: (r) => r.change?.value ?? null,
  };
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key[sort.column](a), key[sort.column](b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // nulls last either way
    const c = typeof x === "string" ? collator.compare(x, y as string) : x - (y as number);
    return sort.ascending ? c : -c;
  });
  const header = (column: Column, label: string) => {
    const active = sort.column === column;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          className="sort"
          aria-label={t("table.sortBy", { column: label })}
          onClick={() => setSort({ column, ascending: active ? !sort.ascending : column !== "value" && column !== "change" })}
        >
          {label} {active ? (sort.ascending ? "▲" : "▼") : ""}
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap map-table">
      <table className="catalogue">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {header("name", t("table.name"))}
            {header("code", t("table.code"))}
            {header("value", t("table.value"))}
            {header("rank", t("table.rank"))}
            {header("change", t("table.change"))}
            <th scope="col">{t("table.status")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code}>
              <th scope="row">{pick(r.name, lang)}</th>
              <td className="code">{r.code}</td>
              <td className="num">{formatValue(r.value, indicator, lang, t("map.noData"))}</td>
              <td className="num">{r.rank === null ? "—" : `${r.rank} / ${r.of}`}</td>
              <td className="num">{r.change ? formatChange(r.change, lang, t) : "—"}</td>
              <td>{r.status ? t(`status.${r.status}`) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
