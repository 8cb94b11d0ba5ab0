import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Boundaries keyed by GB/T 2260 code, decoded from the replaceable TopoJSON file. */
export interface Boundaries {
  counties: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  cities: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  /** [[west, north], [east, south]] of the mainland: offshore islands (Pratas) stay in the data but out of the frame. */
  mainland: [[number, number], [number, number]];
}

type Shape = Feature<Polygon | MultiPolygon, { code: string }>;

function decode(topology: Topology, name: string): Boundaries["counties"] {
  const object = topology.objects?.[name] as GeometryCollection | undefined;
  if (object?.type !== "GeometryCollection") throw new Error(`boundaries: the TopoJSON has no "${name}" collection`);
  const fc = feature(topology, object) as FeatureCollection<Geometry, Record<string, unknown> | null>;
  return {
    type: "FeatureCollection",
    features: fc.features.map((f, i): Shape => {
      const code = String(f.id ?? f.properties?.code ?? "");
      if (!/^\d{6}$/.test(code)) throw new Error(`boundaries: ${name}[${i}] has no six-digit code`);
      if (f.geometry?.type !== "Polygon" && f.geometry?.type !== "MultiPolygon") {
        throw new Error(`boundaries: ${name} ${code} is not a polygon`);
      }
      return { type: "Feature", id: code, properties: { code }, geometry: f.geometry };
    }),
  };
}

const ringArea = (ring: Position[]) =>
  Math.abs(ring.reduce((s, [x, y], i) => s + x * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * y, 0)) / 2;

/** The outer ring of a unit's largest polygon (its mainland part, without far-off islands). */
function largestRing(f: Shape): Position[] {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  let [best, area] = [polys[0][0], -1];
  for (const p of polys) {
    const a = ringArea(p[0]);
    if (a > area) [best, area] = [p[0], a];
  }
  return best;
}

/** The bounding box of each unit's largest polygon: the mainland, without far-off islands. */
function mainlandBox(fc: Boundaries["counties"]): Boundaries["mainland"] {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const f of fc.features) {
    for (const [x, y] of largestRing(f)) {
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    }
  }
  return [
    [w, n],
    [e, s],
  ];
}

export function decodeBoundaries(topology: Topology): Boundaries {
  const counties = decode(topology, "counties");
  return { counties, cities: decode(topology, "cities"), mainland: mainlandBox(counties) };
}

/** The shapes of some units (e.g. one city's counties, as /regions lists them). */
export function subset(fc: Boundaries["counties"], codes: ReadonlySet<string>): Boundaries["counties"] {
  return { type: "FeatureCollection", features: fc.features.filter((f) => codes.has(f.properties.code)) };
}

/** The area-weighted centroid of a ring in longitude/latitude (planar: a county spans a degree or two). */
function ringCentroid(ring: Position[]): [number, number] {
  let [a, cx, cy] = [0, 0, 0];
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return [ring[0][0], ring[0][1]];
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Where a unit's proportional circle goes: the centroid of its largest polygon, so that far-off
 * islands do not pull it out to sea (a concave unit's centroid may fall just outside its
 * boundary; a circle over a neighbour's edge still reads as its own).
 */
export function centroids(fc: Boundaries["counties"]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of fc.features) {
    out.set(f.properties.code, ringCentroid(largestRing(f)));
  }
  return out;
}
