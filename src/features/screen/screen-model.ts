/**
 * The command screen's pure parts: which indicators it cycles through and at which level each
 * is mapped, the ranking's two ends, the self-healing panels' wait, Beijing time, and the
 * choropleth restyled for a dark wall read from across a room.
 */
import type { Indicator, Level } from "../../api/contract";
import type { EChartsOption } from "../../charts/echarts";
import type { MapRow } from "../../charts/map/map-data";
import { featured } from "../../domain/catalogue";

/** The indicators cycled: those the URL names that the catalogue has (in its order), else the headline ones. */
export function cycleList(indicators: readonly Indicator[], ids: readonly string[]): Indicator[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const named = ids.flatMap((id) => byId.get(id) ?? []).filter((i) => mappableLevel(i) !== null);
  return named.length ? named : featured(indicators).filter((i) => mappableLevel(i) !== null);
}

/** County level where the indicator is published there (the screen's default), else city; null when neither. */
export function mappableLevel(indicator: Indicator): Extract<Level, "city" | "county"> | null {
  if (indicator.levels.includes("county")) return "county";
  return indicator.levels.includes("city") ? "city" : null;
}

/** The best and the worst `n` regions with a value, by rank (1 = best given the indicator's direction). */
export function rankingEnds(rows: readonly MapRow[], n = 5): { top: MapRow[]; bottom: MapRow[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  const top = ranked.slice(0, n);
  // Never the same region in both lists when fewer than 2n have a value.
  const bottom = ranked.slice(Math.max(n, ranked.length - n)).reverse();
  return { top, bottom };
}

/** A failed panel tries again on its own after 60 s, doubling to at most 5 minutes. */
export const SELF_HEAL_FIRST_MS = 60_000;
export const SELF_HEAL_MAX_MS = 5 * 60_000;
export const selfHealDelay = (attempt: number): number =>
  Math.min(SELF_HEAL_FIRST_MS * 2 ** Math.max(0, attempt), SELF_HEAL_MAX_MS);

/**
 * A moment in Beijing time (UTC+8, no daylight saving since 1991), whatever the screen's own
 * time zone: `YYYY-MM-DD`, `HH:MM` and `HH:MM:SS`.
 */
export function beijingTime(at: number): { date: string; minutes: string; seconds: string } {
  const d = new Date(at + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const minutes = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return { date, minutes, seconds: `${minutes}:${two(d.getUTCSeconds())}` };
}

/** When a set of answers was last good: the oldest of their fetch times (0 = never). */
export function dataAsOf(updatedAt: readonly number[]): number {
  const known = updatedAt.filter((t) => t > 0);
  return known.length ? Math.min(...known) : 0;
}

/**
 * The Map view's choropleth for the wall: labels in type scaled to the screen (`rem` px, the
 * root font size), region names wherever they fit, no roaming (nobody is there to pan it
 * back), and the map the whole width: its legend is drawn in HTML above it (the classes are
 * still the visual map's), where a legend beside the map would take a quarter of its width.
 */
export function screenMapOption(option: EChartsOption, rem: number): EChartsOption {
  const visualMap = option.visualMap as Record<string, unknown>;
  const series = (option.series as Record<string, unknown>[])[0];
  const label = series.label as Record<string, unknown>;
  const edge = Math.round(0.4 * rem);
  const { media: _phoneLayout, ...rest } = option;
  return {
    ...rest,
    tooltip: { ...(option.tooltip as object), textStyle: { fontSize: Math.round(0.7 * rem) } },
    visualMap: { ...visualMap, show: false },
    series: [
      {
        ...series,
        roam: false,
        left: edge,
        top: edge,
        bottom: edge,
        right: edge,
        itemStyle: { borderColor: "#0d1117", borderWidth: 0.6 },
        label: { ...label, show: true, fontSize: Math.round(0.6 * rem) },
      },
    ],
  };
}
