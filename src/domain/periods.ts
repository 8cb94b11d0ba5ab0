import { PERIOD } from "../api/contract";

/** A period as a closed range of quarter indices: 2023 → [8092, 8095], 2023Q2 → [8093, 8093]. */
export function periodRange(period: string): [number, number] {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const year = Number(m[1]);
  if (m[2] === undefined) return [year * 4, year * 4 + 3];
  const q = year * 4 + Number(m[2]) - 1;
  return [q, q];
}

export const isQuarter = (period: string): boolean => period.includes("Q");
export const yearOf = (period: string): number => Number(period.slice(0, 4));

/**
 * Whether `period` lies within `from`…`to` (either open). A year covers its quarters, so
 * from=2023 includes 2023Q1, and from=2023Q2 excludes the year 2023 as a whole.
 */
export function periodWithin(period: string, from?: string, to?: string): boolean {
  const [start, end] = periodRange(period);
  if (from !== undefined && start < periodRange(from)[0]) return false;
  if (to !== undefined && end > periodRange(to)[1]) return false;
  return true;
}

/** Sort order: by start, years before their quarters. */
export function comparePeriods(a: string, b: string): number {
  const [as, ae] = periodRange(a);
  const [bs, be] = periodRange(b);
  return as - bs || be - ae;
}

/** The same period one year earlier: 2023 → 2022, 2023Q2 → 2022Q2. */
export function previousYear(period: string): string {
  return `${yearOf(period) - 1}${period.slice(4)}`;
}

/** The periods of the same frequency as `period`: its quarters for a quarter, its years for a year (one slider, one frequency). */
export function sameFrequency(periods: readonly string[], period: string): string[] {
  return periods.filter((p) => isQuarter(p) === isQuarter(period));
}
