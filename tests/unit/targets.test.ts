import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import { gapToPath, targetProgress } from "../../src/domain/targets";

const ind = (direction: "higher" | "lower", method: "sum" | "weighted-mean" = "sum"): Indicator => ({
  id: "x",
  pillar: "industry",
  name: { zh: "x", en: "x" },
  unit: { zh: "%", en: "%" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction,
  levels: ["province"],
  aggregation: method === "sum" ? { method } : { method, weight: "gdp" },
  decimals: 1,
  targets: [],
});
const series = (values: Record<string, number | null>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ region: "440000", period, value, status: "final" }));
const target = (period: string, value: number) => ({ region: "440000", period, value, source: { zh: "", en: "" } });

describe("target verdicts", () => {
  // Path from 10 (2020) to 20 (2030): 1 a year, so 14 is expected in 2024.
  const t2030 = target("2030", 20);

  it("is on track at or above the straight-line path", () => {
    const p = targetProgress(ind("higher"), t2030, series({ 2020: 10, 2024: 14 }));
    expect(p?.expected).toBe(14);
    expect(p?.verdict).toBe("on-track");
    expect(p?.covered).toBeCloseTo(0.4, 10);
    expect(targetProgress(ind("higher"), t2030, series({ 2020: 10, 2024: 15 }))?.verdict).toBe("on-track");
  });

  it("is behind below the path", () => {
    expect(targetProgress(ind("higher"), t2030, series({ 2020: 10, 2024: 13.9 }))?.verdict).toBe("behind");
  });

  it("is achieved once the target is reached, even early", () => {
    expect(targetProgress(ind("higher"), t2030, series({ 2020: 10, 2024: 20 }))?.verdict).toBe("achieved");
  });

  it("mirrors for lower-is-better", () => {
    // Path from 50 down to 30: 42 expected in 2024.
    const t = target("2030", 30);
    expect(targetProgress(ind("lower"), t, series({ 2020: 50, 2024: 42 }))?.verdict).toBe("on-track");
    expect(targetProgress(ind("lower"), t, series({ 2020: 50, 2024: 43 }))?.verdict).toBe("behind");
    expect(targetProgress(ind("lower"), t, series({ 2020: 50, 2024: 29 }))?.verdict).toBe("achieved");
  });

  it("is behind when the target year has passed unmet", () => {
    const p = targetProgress(ind("higher"), target("2023", 20), series({ 2020: 10, 2025: 19 }));
    expect(p?.expected).toBe(20);
    expect(p?.verdict).toBe("behind");
  });

  it("skips missing values and needs two years before the target", () => {
    expect(targetProgress(ind("higher"), t2030, series({ 2019: null, 2020: 10, 2024: 14, 2025: null }))?.latest.period).toBe(
      "2024",
    );
    expect(targetProgress(ind("higher"), t2030, series({ 2020: 10 }))).toBeNull();
    expect(targetProgress(ind("higher"), target("2019", 5), series({ 2020: 10, 2021: 11 }))).toBeNull();
  });
});

describe("gap to the province's path", () => {
  const p = targetProgress(ind("higher"), target("2030", 20), series({ 2020: 10, 2024: 14 }));
  if (!p) throw new Error("fixture");

  it("measures rates against the path's value", () => {
    expect(gapToPath(ind("higher", "weighted-mean"), p, { baseline: 8, latest: 7 })).toBeCloseTo(-0.5, 10);
    expect(gapToPath(ind("lower", "weighted-mean"), p, { baseline: 8, latest: 7 })).toBeCloseTo(0.5, 10);
  });

  it("measures amounts by growth against the growth the path asks for", () => {
    // The path asks for ×1.4; a region that grew ×1.4 is on it, ×1.2 behind.
    expect(gapToPath(ind("higher"), p, { baseline: 100, latest: 140 })).toBeCloseTo(0, 10);
    expect(gapToPath(ind("higher"), p, { baseline: 100, latest: 120 })).toBeCloseTo(1.2 / 1.4 - 1, 10);
    expect(gapToPath(ind("higher"), p, { baseline: null, latest: 120 })).toBeNull();
  });
});
