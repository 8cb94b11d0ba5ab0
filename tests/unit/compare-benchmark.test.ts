import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import type { Observation, Region } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { benchmarkSeries, benchmarksFor, benchmarkValue } from "../../src/domain/benchmark";

const region = (code: string, level: Region["level"], parent: string | null, zone: Region["zone"]): Region => ({
  code,
  level,
  parent,
  name: { zh: code, en: code },
  zone,
  kind: level === "county" ? "county" : null,
});
const REGIONS: Region[] = [
  region("440000", "province", null, null),
  region("440100", "city", "440000", "prd"),
  region("440200", "city", "440000", "north"),
  region("441900", "city", "440000", "prd"), // no counties: a county-level unit itself
  region("440101", "county", "440100", "prd"),
  region("440102", "county", "440100", "prd"),
  region("440201", "county", "440200", "north"),
];
const obs = (region: string, period: string, value: number | null, status: Observation["status"] = "final"): Observation => ({
  region,
  period,
  value,
  status,
});

describe("benchmark groups", () => {
  const counties = regionsAtLevel(REGIONS, "county");

  it("gives a county its city, its zone and the province, all over county-level units", () => {
    const b = benchmarksFor(REGIONS[4], counties, "county", REGIONS);
    expect(b.map((x) => x.kind)).toEqual(["city", "zone", "province"]);
    expect(b[0].region?.code).toBe("440100");
    expect(b[0].members).toEqual(["440101", "440102"]);
    // Dongguan stands in for itself among the PRD's county-level units.
    expect(b[1].members.sort()).toEqual(["440101", "440102", "441900"]);
    expect(b[2].members.sort()).toEqual(["440101", "440102", "440201", "441900"]);
    expect(b.every((x) => x.level === "county")).toBe(true);
  });

  it("gives a city its zone and the province (no city benchmark), over cities", () => {
    const cities = regionsAtLevel(REGIONS, "city");
    const b = benchmarksFor(REGIONS[2], cities, "city", REGIONS);
    expect(b.map((x) => x.kind)).toEqual(["zone", "province"]);
    expect(b[0].zone).toBe("north");
    expect(b[0].members).toEqual(["440200"]);
    expect(b[1].region?.code).toBe("440000");
  });
});

describe("benchmark value", () => {
  const values = new Map<string, number | null>([
    ["a", 90],
    ["b", 10],
    ["c", null],
  ]);
  const weights = new Map<string, number | null>([
    ["a", 100],
    ["b", 900],
    ["c", 500],
  ]);

  it("weights a mean of rates by the weight indicator, not a plain mean", () => {
    // 90% of 100 villages and 10% of 900: 18%, not 50%; c has no value and is left out.
    const r = benchmarkValue(["a", "b", "c"], values, { method: "weighted-mean", weight: "w" }, weights);
    expect(r.value).toBeCloseTo(18, 10);
    expect(r.units).toBe(2);
  });

  it("leaves out a unit whose weight is missing", () => {
    const w = new Map(weights).set("a", null);
    expect(benchmarkValue(["a", "b"], values, { method: "weighted-mean", weight: "w" }, w).value).toBe(10);
  });

  it("averages a sum per unit with a value: a missing value is neither a zero nor a unit", () => {
    const r = benchmarkValue(["a", "b", "c"], values, { method: "sum" });
    expect(r.value).toBe(50);
    expect(r.units).toBe(2);
  });

  it("is null when no member has a value (or a weight)", () => {
    expect(benchmarkValue(["c"], values, { method: "sum" }).value).toBeNull();
    expect(benchmarkValue(["a", "b"], values, { method: "weighted-mean", weight: "w" }).value).toBeNull();
    expect(benchmarkValue([], values, { method: "sum" })).toEqual({ value: null, units: 0 });
  });
});

describe("benchmark series", () => {
  const o = [
    obs("a", "2022", 90),
    obs("b", "2022", 10),
    obs("a", "2023", 80, "estimated"),
    obs("b", "2023", null),
    obs("x", "2023", 1000), // not a member
    obs("a", "2023Q1", 50),
    obs("b", "2023Q1", 30, "preliminary"),
  ];
  const w = [obs("a", "2022", 100), obs("b", "2022", 900), obs("a", "2023", 1), obs("b", "2023", 3)];

  it("aggregates each period by the rule, with the weight of the quarter's year, and the least final status", () => {
    const s = benchmarkSeries(["a", "b"], { method: "weighted-mean", weight: "w" }, o, w);
    expect(s.map((x) => x.period)).toEqual(["2022", "2023", "2023Q1"]);
    expect(s[0].value).toBeCloseTo(18, 10);
    expect(s[0].status).toBe("final");
    expect(s[1].value).toBe(80);
    expect(s[1].status).toBe("estimated");
    // 2023Q1 has no weights of its own: those of 2023 (1 and 3) apply.
    expect(s[2].value).toBeCloseTo((50 * 1 + 30 * 3) / 4, 10);
    expect(s[2].status).toBe("preliminary");
  });

  it("averages sums per unit with a value, period by period", () => {
    const s = benchmarkSeries(["a", "b"], { method: "sum" }, o);
    expect(s.map((x) => x.value)).toEqual([50, 80, 40]);
  });
});

describe("benchmarks on the simulated data", () => {
  const d = generateDataset();
  const share = d.indicators.find((i) => i.id === "core-digital-va-share");
  if (!share) throw new Error("fixture lacks core-digital-va-share");
  const at = (id: string, period: string) =>
    new Map((d.observations.get(id) ?? []).filter((x) => x.period === period).map((x) => [x.region, x.value]));

  it("reproduces a city's published rate from its counties, which a plain mean does not", () => {
    const counties = d.regions.filter((r) => r.parent === "440100").map((r) => r.code);
    const v = at("core-digital-va-share", "2023");
    const r = benchmarkValue(counties, v, share.aggregation, at("gdp", "2023"));
    const published = v.get("440100") as number;
    expect(Math.abs((r.value as number) - published)).toBeLessThan(0.1);
    const plain = counties.reduce((a, c) => a + (v.get(c) as number), 0) / counties.length;
    expect(Math.abs(plain - published)).toBeGreaterThan(0.1);
  });

  it("gives the average county of a city for a sum: its total over its counties with a value", () => {
    const counties = d.regions.filter((r) => r.parent === "440100").map((r) => r.code);
    const v = at("core-digital-va", "2023");
    const r = benchmarkValue(counties, v, { method: "sum" });
    expect(r.value).toBeCloseTo((v.get("440100") as number) / counties.length, 0);
  });
});
