import type { Observation } from "../../api/contract";
import { comparePeriods, isQuarter, yearOf } from "../../domain/periods";

/**
 * The period range of the Explore view, read from the URL's `from` and `to`.
 *
 * The URL has no field of its own for "by quarter": a quarter at either end of the range
 * (`to=2025Q4`) is what switches a quarterly indicator to quarters, so the whole view
 * stays in the link. An annual indicator reads quarter ends as their years.
 */
export interface PeriodRange {
  /** Quarters rather than years. */
  quarterly: boolean;
  /** Every period the selects offer, oldest first. */
  options: string[];
  /** The range's ends as the selects show them. */
  from: string;
  to: string;
  /** Every period of the range, oldest first: the table's columns and the chart's axis. */
  periods: string[];
  /** The URL values that could not be used (outside the data's years, or `to` before `from`). */
  invalid: ("from" | "to")[];
}

export const yearsBetween = (first: number, last: number): string[] =>
  Array.from({ length: Math.max(last - first + 1, 0) }, (_, i) => String(first + i));

export const quartersBetween = (first: number, last: number): string[] =>
  yearsBetween(first, last).flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));

export function resolveRange(input: {
  firstYear: number;
  lastYear: number;
  from: string | null;
  to: string | null;
  /** Whether the indicator has quarters at all. */
  quarterlyIndicator: boolean;
}): PeriodRange {
  const { firstYear, lastYear, from, to, quarterlyIndicator } = input;
  const quarterly = quarterlyIndicator && [from, to].some((p) => p !== null && isQuarter(p));
  const options = quarterly ? quartersBetween(firstYear, lastYear) : yearsBetween(firstYear, lastYear);
  // A year as an end of a quarterly range covers its quarters: from=2020 → 2020Q1, to=2023 → 2023Q4.
  const normalise = (p: string, end: "from" | "to") =>
    !quarterly ? String(yearOf(p)) : isQuarter(p) ? p : `${p}Q${end === "from" ? 1 : 4}`;
  const invalid: ("from" | "to")[] = [];
  let start = options[0];
  let end = options[options.length - 1];
  if (from !== null) {
    const p = normalise(from, "from");
    if (options.includes(p)) start = p;
    else invalid.push("from");
  }
  if (to !== null) {
    const p = normalise(to, "to");
    if (!options.includes(p)) invalid.push("to");
    else if (comparePeriods(p, start) < 0) invalid.push("to");
    else end = p;
  }
  const periods = options.slice(options.indexOf(start), options.indexOf(end) + 1);
  return { quarterly, options, from: start, to: end, periods, invalid };
}

/** The observations whose period is one of the range's (years, or quarters when by quarter). */
export function withinRange<T extends Pick<Observation, "period">>(observations: readonly T[], periods: readonly string[]): T[] {
  const wanted = new Set(periods);
  return observations.filter((o) => wanted.has(o.period));
}

/**
 * The URL patch for a new end of the range. By year, the data's first or last year is the
 * default and leaves the URL (null); by quarter the ends stay explicit, since a quarter in
 * the URL is what keeps the view by quarter.
 */
export function endPatch(range: PeriodRange, end: "from" | "to", value: string): { from?: string | null; to?: string | null } {
  const [first, last] = [range.options[0], range.options[range.options.length - 1]];
  const fromUrl = (p: string) => (!range.quarterly && p === first ? null : p);
  const toUrl = (p: string) => (!range.quarterly && p === last ? null : p);
  // Moving one end past the other drags the other along: the range is never upside down.
  if (end === "from") {
    return comparePeriods(value, range.to) > 0 ? { from: fromUrl(value), to: toUrl(value) } : { from: fromUrl(value) };
  }
  return comparePeriods(value, range.from) < 0 ? { from: fromUrl(value), to: toUrl(value) } : { to: toUrl(value) };
}

/** The URL patch that switches the range to quarters (whole years) or back to years. */
export function quarterlyPatch(range: PeriodRange, on: boolean): { from: string | null; to: string | null } {
  const [first, last] = [range.options[0], range.options[range.options.length - 1]].map(yearOf);
  const [from, to] = [yearOf(range.from), yearOf(range.to)];
  if (on) return { from: `${from}Q1`, to: `${to}Q4` };
  return { from: from === first ? null : String(from), to: to === last ? null : String(to) };
}

/** When the indicator changes to an annual one, quarter ends become their years. */
export function annualEnds(from: string | null, to: string | null): { from: string | null; to: string | null } {
  return { from: from === null ? null : String(yearOf(from)), to: to === null ? null : String(yearOf(to)) };
}
