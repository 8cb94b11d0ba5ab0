import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import { regionsAtLevel } from "../../src/api/filter";
import { byCodeUnits } from "../../src/domain/order";
import {
  buildProfile,
  type ProfileInput,
  profileIndicators,
  profileLevel,
  profileSteps,
} from "../../src/features/profile/profile-model";

const dataset = generateDataset();

function inputOf(code: string, year: string | null = null): ProfileInput {
  const region = dataset.regions.find((r) => r.code === code);
  if (!region) throw new Error(`fixture lacks ${code}`);
  const level = profileLevel(region, dataset.regions);
  const units = new Set(regionsAtLevel(dataset.regions, level).map((r) => r.code));
  const data = new Map(
    profileIndicators(dataset.indicators, level).map((i) => [
      i.id,
      (dataset.observations.get(i.id) ?? []).filter((o) => units.has(o.region)),
    ]),
  );
  const provinceData = new Map(
    dataset.indicators.map((i) => [i.id, (dataset.observations.get(i.id) ?? []).filter((o) => o.region === "440000")]),
  );
  return {
    region,
    regions: dataset.regions,
    indicators: dataset.indicators,
    data,
    provinceData,
    year,
    weights: null,
    norm: "minmax",
    lastYear: dataset.meta.lastYear,
  };
}

describe("the profile judged in steps (a generator that run to the end is buildProfile)", () => {
  it("pauses between its parts and ends with buildProfile's profile", () => {
    const input = inputOf("441481");
    const steps = profileSteps(input);
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    // Rows, index, neighbours, progress, series, warnings: five pauses between six parts.
    expect(pauses).toBe(5);
    expect(next.value).toEqual(buildProfile(input));
    expect(next.value.warnings.length + next.value.neighbours.length).toBeGreaterThan(0);
  });

  it("judges the standing alone for the first screen: the full profile's standing, nothing else", () => {
    for (const [code, year] of [
      ["441481", null],
      ["440100", "2021"],
      ["441900", null],
    ] as const) {
      const input = inputOf(code, year);
      const full = buildProfile(input);
      const standing = buildProfile(input, "standing");
      expect(standing.standing.length).toBeGreaterThan(0);
      for (const key of ["year", "base", "index", "standing", "scoredPillars", "units", "level"] as const) {
        expect(standing[key]).toEqual(full[key]);
      }
      expect(standing.rows).toEqual([]);
      expect(standing.strengths).toEqual([]);
      expect(standing.neighbours).toEqual([]);
      expect(standing.warnings).toEqual([]);
      expect(standing.progress).toEqual([]);
      expect(full.rows.length).toBeGreaterThan(0);
    }
  });
});

describe("byCodeUnits", () => {
  it("orders the catalogue's ids, the region codes and periods as localeCompare does, without ICU", () => {
    const periods = ["2019", "2020", "2020Q1", "2020Q4", "2021", "2021Q2"];
    for (const list of [dataset.indicators.map((i) => i.id), dataset.regions.map((r) => r.code), periods]) {
      const shuffled = [...list].reverse();
      expect([...shuffled].sort(byCodeUnits)).toEqual([...shuffled].sort((a, b) => a.localeCompare(b)));
    }
  });
});
