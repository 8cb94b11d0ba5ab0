import { periodWithin } from "../domain/periods";
import type { Level, Observation, ObservationQuery, Region } from "./contract";

/**
 * The regions that make up one level, as the contract defines it: at `county` level the
 * cities without county-level divisions (Dongguan, Zhongshan) stand in for themselves,
 * so that a county map or ranking covers the whole province exactly once.
 */
export function regionsAtLevel(regions: readonly Region[], level: Level): Region[] {
  if (level !== "county") return regions.filter((r) => r.level === level);
  const parents = new Set(regions.filter((r) => r.level === "county").map((r) => r.parent));
  return regions.filter((r) => r.level === "county" || (r.level === "city" && !parents.has(r.code)));
}

/**
 * Filters one indicator's observations by the query: shared by the static source, the
 * MSW handlers and the reference server, so that all three answer alike.
 */
export function filterObservations(
  all: readonly Observation[],
  regions: readonly Region[],
  q: Omit<ObservationQuery, "indicator">,
): Observation[] {
  let units = regionsAtLevel(regions, q.level);
  if (q.parent !== undefined) {
    const parent = q.parent;
    const parentOf = new Map(regions.map((r) => [r.code, r.parent]));
    // A unit belongs to `parent` when `parent` is one of its ancestors, or when it is that
    // city itself (a city without counties at county level).
    const within = (code: string) => {
      for (let p = parentOf.get(code); p; p = parentOf.get(p)) if (p === parent) return true;
      return false;
    };
    units = units.filter((r) => within(r.code) || (q.level === "county" && r.code === parent));
  }
  if (q.regions !== undefined) {
    const wanted = new Set(q.regions);
    units = units.filter((r) => wanted.has(r.code));
  }
  const codes = new Set(units.map((r) => r.code));
  return all.filter((o) => codes.has(o.region) && periodWithin(o.period, q.from, q.to));
}
