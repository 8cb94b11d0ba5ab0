import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { regionsAtLevel } from "../../src/api/filter";
import { decodeBoundaries } from "../../src/charts/map/geo";
import { dataset } from "../support/msw";

const boundaries = decodeBoundaries(
  JSON.parse(readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8")) as Topology,
);

describe("boundaries", () => {
  it.each([
    ["city", boundaries.cities],
    ["county", boundaries.counties],
  ] as const)("has exactly one polygon for every %s the API returns, and a region for every polygon", (level, fc) => {
    const codes = fc.features.map((f) => f.properties.code);
    expect(new Set(codes).size, "duplicate polygons").toBe(codes.length);
    const regions = regionsAtLevel(dataset.regions, level).map((r) => r.code);
    expect([...codes].sort()).toEqual([...regions].sort());
  });

  it("frames the mainland, leaving the Pratas islands (441502) out of the default view", () => {
    const [[west, north], [east, south]] = boundaries.mainland;
    expect(west).toBeGreaterThan(109);
    expect(east).toBeLessThan(117.5);
    expect(south).toBeGreaterThan(20);
    expect(north).toBeLessThan(25.6);
    // Pratas (about 116.7°E, 20.7°N) is still in the data.
    const chengqu = boundaries.counties.features.find((f) => f.properties.code === "441502");
    const lats =
      JSON.stringify(chengqu?.geometry.coordinates)
        .match(/-?\d+\.\d+/g)
        ?.map(Number) ?? [];
    expect(Math.min(...lats.filter((_, i) => i % 2 === 1))).toBeLessThan(21);
  });
});
