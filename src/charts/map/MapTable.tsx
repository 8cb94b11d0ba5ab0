import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Indicator } from "../../api/contract";
import { formatChange, formatNumber, formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { ProfileLink } from "../../ui/ProfileLink";
import type { MapMeasure, MapRow } from "./map-data";

type Column = "name" | "code" | "value" | "rank" | "change";

/**
 * From this many rows the table draws only the rows in view (plus a margin) between two spacer
 * rows: 3,000 rows took a 0.9 s main-thread task to draw and 1.1 s to re-sort (bench/, scale).
 * Guangdong's 124 county-level units stay below it, drawn in full.
 */
export const WINDOW_FROM = 200;
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 12;
/** The scroll box's height (CSS .map-table max-height) and a row's height until one is measured. */
const VIEWPORT = 560;
const ROW_HEIGHT = 36;

/**
 * The map's accessible twin: the same numbers as a sortable table; for a measure, also what
 * each ratio was computed from (numerator, denominator, the denominator's period).
 */
export function MapTable({
  rows,
  indicator,
  caption,
  measure = null,
}: {
  rows: readonly MapRow[];
  indicator: Indicator;
  caption: string;
  measure?: MapMeasure | null;
}) {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: "rank", ascending: true });
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en");
    const key: Record<Column, (r: MapRow) => number | string | null> = {
      name: (r) => pick(r.name, lang),
      code: (r) => r.code,
      value: (r) => r.value,
      rank: (r) => r.rank,
      change: (r) => r.change?.value ?? null,
    };
    return [...rows].sort((a, b) => {
      const [x, y] = [key[sort.column](a), key[sort.column](b)];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // nulls last either way
      const c = typeof x === "string" ? collator.compare(x, y as string) : x - (y as number);
      return sort.ascending ? c : -c;
    });
  }, [rows, sort, lang]);

  // Windowing (large tables only): which rows the scroll box shows.
  const windowed = sorted.length >= WINDOW_FROM;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const first = windowed ? Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN) : 0;
  const last = windowed ? Math.min(sorted.length, Math.ceil((scrollTop + VIEWPORT) / rowHeight) + OVERSCAN) : sorted.length;
  useLayoutEffect(() => {
    if (!windowed) return;
    const height = box.current?.querySelector("tbody tr[aria-rowindex]")?.getBoundingClientRect().height;
    if (height && Math.abs(height - rowHeight) > 0.5) setRowHeight(height);
  });
  // In the unit the header names ("10,000 people"), as the CSV has them: never rescaled.
  const figure = (v: number | null | undefined, as: Indicator) =>
    v === null || v === undefined || !Number.isFinite(v) ? "—" : formatNumber(v, as.decimals, lang);
  const columns = 6 + (measure ? (measure.period ? 3 : 2) : 0);
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
    <div
      className={windowed ? "table-wrap map-table windowed" : "table-wrap map-table"}
      ref={box}
      onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
    >
      <table className="catalogue" aria-rowcount={windowed ? sorted.length + 1 : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {header("name", t("table.name"))}
            {header("code", t("table.code"))}
            {header("value", t("table.value"))}
            {header("rank", t("table.rank"))}
            {header("change", t("table.change"))}
            <th scope="col">{t("table.status")}</th>
            {measure && <th scope="col">{measure.numerator}</th>}
            {measure && <th scope="col">{measure.denominator}</th>}
            {measure?.period && <th scope="col">{measure.period}</th>}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * rowHeight} columns={columns} />}
          {sorted.slice(first, last).map((r, i) => (
            <tr key={r.code} aria-rowindex={windowed ? first + i + 2 : undefined}>
              <th scope="row">
                <ProfileLink code={r.code}>{pick(r.name, lang)}</ProfileLink>
              </th>
              <td className="code">{r.code}</td>
              <td className="num">{formatValue(r.value, indicator, lang, t("map.noData"))}</td>
              <td className="num">{r.rank === null ? "—" : `${r.rank} / ${r.of}`}</td>
              <td className="num">{r.change ? formatChange(r.change, lang, t) : "—"}</td>
              <td>{r.status ? t(`status.${r.status}`) : "—"}</td>
              {measure && <td className="num">{figure(r.numerator, measure.numeratorAs)}</td>}
              {measure && <td className="num">{figure(r.denominator, measure.denominatorAs)}</td>}
              {measure?.period && <td>{r.denominatorPeriod ?? "—"}</td>}
            </tr>
          ))}
          {last < sorted.length && <Spacer height={(sorted.length - last) * rowHeight} columns={columns} />}
        </tbody>
      </table>
    </div>
  );
}

/** The height of the rows a windowed table does not draw, so that the scroll bar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="spacer">
      <td colSpan={columns} aria-hidden="true" style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
