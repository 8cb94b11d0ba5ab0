import { describe, expect, it } from "vitest";
import type { Observation, Region } from "../../src/api/contract";
import { filterObservations, regionsAtLevel } from "../../src/api/filter";
import { aggregate, roundTo } from "../../src/domain/aggregate";
import { comparePeriods, periodWithin, previousYear } from "../../src/domain/periods";

describe("periods", () => {
  it("treats a year as covering its quarters", () => {
    expect(periodWithin("2023Q1", "2023")).toBe(true);
    expect(periodWithin("2023", "2023Q2")).toBe(false);
    expect(periodWithin("2023Q4", undefined, "2023")).toBe(true);
    expect(periodWithin("2024Q1", undefined, "2023")).toBe(false);
    expect(periodWithin("2022", "2023", "2025")).toBe(false);
  });
  it("sorts years before their quarters", () => {
    expect(["2024Q1", "2023Q4", "2024", "2023"].sort(comparePeriods)).toEqual(["2023", "2023Q4", "2024", "2024Q1"]);
  });
  it("steps back a year", () => {
    expect(previousYear("2023")).toBe("2022");
    expect(previousYear("2023Q2")).toBe("2022Q2");
  });
});

describe("aggregate", () => {
  it("sums, skipping nulls", () => {
    expect(aggregate([{ value: 1.5 }, { value: null }, { value: 2 }], { method: "sum" })).toBe(3.5);
    expect(aggregate([{ value: null }], { method: "sum" })).toBeNull();
  });
  it("weights a mean of rates by its weight, not a plain mean", () => {
    // 90% of 100 villages and 10% of 900 villages is 18%, not 50%.
    const v = aggregate(
      [
        { value: 90, weight: 100 },
        { value: 10, weight: 900 },
      ],
      { method: "weighted-mean", weight: "admin-villages" },
    );
    expect(v).toBeCloseTo(18, 10);
  });
  it("rounds half away from zero", () => {
    expect(roundTo(2.345, 2)).toBe(2.35);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3);
  });
});

describe("filterObservations", () => {
  const r = (code: string, level: Region["level"], parent: string | null): Region => ({
    code,
    level,
    parent,
    name: { zh: code, en: code },
    zone: level === "province" ? null : "prd",
    kind: level === "county" ? "district" : null,
  });
  const regions = [
    r("440000", "province", null),
    r("440100", "city", "440000"),
    r("440103", "county", "440100"),
    r("440104", "county", "440100"),
    r("441900", "city", "440000"),
  ];
  const obs = (region: string, period: string): Observation => ({ region, period, value: 1, status: "final" });
  const all = ["440000", "440100", "440103", "440104", "441900"].flatMap((c) => [
    obs(c, "2022"),
    obs(c, "2023"),
    obs(c, "2023Q1"),
  ]);

  it("puts cities without counties at county level, once", () => {
    expect(regionsAtLevel(regions, "county").map((x) => x.code)).toEqual(["440103", "440104", "441900"]);
    const county = filterObservations(all, regions, { level: "county", from: "2023", to: "2023" });
    expect(county.map((o) => `${o.region}@${o.period}`)).toEqual([
      "440103@2023",
      "440103@2023Q1",
      "440104@2023",
      "440104@2023Q1",
      "441900@2023",
      "441900@2023Q1",
    ]);
  });
  it("filters by parent and by region list", () => {
    expect(filterObservations(all, regions, { level: "county", parent: "440100", to: "2022" }).map((o) => o.region)).toEqual([
      "440103",
      "440104",
    ]);
    expect(filterObservations(all, regions, { level: "county", parent: "441900", to: "2022" }).map((o) => o.region)).toEqual([
      "441900",
    ]);
    expect(filterObservations(all, regions, { level: "city", regions: ["441900"], to: "2022" })).toHaveLength(1);
    // The province is every unit's ancestor.
    expect(filterObservations(all, regions, { level: "county", parent: "440000", to: "2022" })).toHaveLength(3);
    expect(filterObservations(all, regions, { level: "city", parent: "440100", to: "2022" })).toHaveLength(0);
  });
});
