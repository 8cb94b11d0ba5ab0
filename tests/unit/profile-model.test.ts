import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import type { Level, Observation } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { buildProfile, profileIndicators, profileLevel } from "../../src/features/profile/profile-model";

const dataset = generateDataset();
const region = (code: string) => {
  const r = dataset.regions.find((x) => x.code === code);
  if (!r) throw new Error(`fixture lacks ${code}`);
  return r;
};

function profileOf(code: string, drop: (o: Observation) => boolean = () => false) {
  const level: Level = profileLevel(region(code), dataset.regions);
  const units = new Set(level === "province" ? [code] : regionsAtLevel(dataset.regions, level).map((r) => r.code));
  const data = new Map(
    profileIndicators(dataset.indicators, level).map((i) => [
      i.id,
      (dataset.observations.get(i.id) ?? []).filter((o) => units.has(o.region) && !drop(o)),
    ]),
  );
  const provinceData = new Map(
    dataset.indicators.map((i) => [i.id, (dataset.observations.get(i.id) ?? []).filter((o) => o.region === "440000")]),
  );
  return buildProfile({
    region: region(code),
    regions: dataset.regions,
    indicators: dataset.indicators,
    data: level === "province" ? provinceData : data,
    provinceData,
    year: null,
    weights: null,
    norm: "minmax",
    lastYear: dataset.meta.lastYear,
  });
}

describe("a region's profile", () => {
  it("profiles Dongguan among the 124 county-level units, a city with counties among the 21 cities", () => {
    expect(profileLevel(region("441900"), dataset.regions)).toBe("county");
    expect(profileLevel(region("440100"), dataset.regions)).toBe("city");
    expect(profileOf("441900").standing[0]).toMatchObject({ pillar: "index", of: 124 });
    const guangzhou = profileOf("440100");
    expect(guangzhou.standing[0].of).toBe(21);
    // A city has a zone and a province benchmark, no city of its own.
    expect(guangzhou.standing[0].benchmarks.map((b) => b.kind)).toEqual(["zone", "province"]);
    expect(profileOf("441481").standing[0].benchmarks.map((b) => b.kind)).toEqual(["city", "zone", "province"]);
  });

  it("gives a county with too few values no score, rank or tier, and says how many pillars it has", () => {
    const ids = new Set(dataset.indicators.filter((i) => i.pillar !== "industry" && i.pillar !== "enterprise").map((i) => i.id));
    // Xingning loses every indicator but those of two pillars.
    const profile = profileOf(
      "441481",
      (o) => o.region === "441481" && [...ids].some((id) => dataset.observations.get(id)?.includes(o)),
    );
    const index = profile.standing[0];
    expect(index.score).toBeNull();
    expect(index.rank).toBeNull();
    expect(index.tier).toBeNull();
    expect(index.of).toBe(123);
    expect(profile.scoredPillars).toBeLessThanOrEqual(2);
  });

  it("shows the province its targets, with no rank or neighbours", () => {
    const province = profileOf("440000");
    expect(province.level).toBe("province");
    expect(province.standing).toEqual([]);
    expect(province.neighbours).toEqual([]);
    expect(province.assessments.length).toBeGreaterThan(0);
    expect(province.rows.some((r) => r.value !== null)).toBe(true);
  });

  it("finds five neighbours of its own level, never itself", () => {
    const { neighbours } = profileOf("441481");
    expect(neighbours).toHaveLength(5);
    const counties = new Set(regionsAtLevel(dataset.regions, "county").map((r) => r.code));
    for (const n of neighbours) {
      expect(n.code).not.toBe("441481");
      expect(counties.has(n.code)).toBe(true);
    }
  });
});
