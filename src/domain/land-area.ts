/**
 * Land area, the denominator every region has: computed once from the boundary file on the
 * sphere (d3-geo's spherical area × the Earth's mean radius², IUGG R₁ = 6,371.0088 km). It is
 * approximate: the boundaries are generalised for display, so coastlines and islands lose
 * detail; a published area may differ by a few per cent. A parent's area is the sum of its
 * county-level units' (the same units its other sums cover).
 */
import { geoArea } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { Region } from "../api/contract";
import { regionsAtLevel } from "../api/filter";

export const EARTH_RADIUS_KM = 6371.0088;

/**
 * A polygon's area in km². d3-geo expects clockwise exterior rings; a ring wound the other way
 * (RFC 7946 order) reads as the rest of the sphere, so an area over a hemisphere is its complement.
 */
export function featureAreaKm2(feature: Feature<Polygon | MultiPolygon>): number {
  const sr = geoArea(feature);
  const area = sr > 2 * Math.PI ? 4 * Math.PI - sr : sr;
  return area * EARTH_RADIUS_KM ** 2;
}

/**
 * Every region's land area in km² from the county-level shapes: each unit's own, its city's
 * and the province's as sums over the units the region list places under them. A unit
 * without a shape has no area, and its parents' sums leave it out.
 */
export function landAreas(
  counties: readonly Feature<Polygon | MultiPolygon, { code: string }>[],
  regions: readonly Region[],
): Map<string, number> {
  const own = new Map(counties.map((f) => [f.properties.code, featureAreaKm2(f)]));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const areas = new Map<string, number>();
  const add = (code: string | null, km2: number) => {
    if (code !== null) areas.set(code, (areas.get(code) ?? 0) + km2);
  };
  // The county-level units as the whole app has them: a city without counties (Dongguan,
  // Zhongshan) is its own unit, and its own city.
  for (const unit of regionsAtLevel(regions, "county")) {
    const km2 = own.get(unit.code);
    if (km2 === undefined) continue;
    if (unit.level === "county") {
      areas.set(unit.code, km2);
      add(unit.parent, km2);
      add(byCode.get(unit.parent ?? "")?.parent ?? null, km2);
    } else {
      add(unit.code, km2);
      add(unit.parent, km2);
    }
  }
  return areas;
}
