import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import { benchmarkSeries, ratioBenchmarkSeries } from "../../src/domain/benchmark";
import { type MeasuredObservation, measuredIndicator, measuredObservations, resolveMeasure } from "../../src/domain/intensity";
import { selectPeers } from "../../src/domain/peers";
import { benchmarkPath, benchmarkRows } from "../../src/features/compare/compare-data";
import { measurePlans, withDenominators } from "../../src/features/compare/use-observations";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as compareTexts from "../../src/i18n/messages-compare";
import { dataset } from "../support/msw";

addMessages(compareTexts);
const en = translator("en");

const catalogue = dataset.indicators;
const stations = catalogue.find((i) => i.id === "5g-base-stations") as Indicator;
const obs = (region: string, period: string, value: number | null, status: Observation["status"] = "final"): Observation => ({
  region,
  period,
  value,
  status,
});

// A big county (1,000,000 residents = 100 × 10,000) with few stations per head, a small one with many.
const numerators = [obs("A", "2023", 1000), obs("B", "2023", 90, "preliminary"), obs("C", "2023", 50)];
const population = [obs("A", "2023", 100), obs("B", "2023", 3), obs("C", "2023", null)];
const { choice } = resolveMeasure(stations, catalogue, "population");
const measured = measuredObservations(numerators, choice, { kind: "indicator", observations: population, stock: true });

describe("a measured indicator's benchmarks", () => {
  it("are ratios of sums, Σ stations ÷ Σ residents × scale, not the mean of the members' ratios", () => {
    expect(choice.per).toBe("population");
    // Members' ratios: A 10, B 30 per 10,000 residents; C has no denominator and counts in neither sum.
    const [point] = ratioBenchmarkSeries(["A", "B", "C"], measured, choice.scale);
    expect(point.value).toBeCloseTo(((1000 + 90) / (100 + 3)) * choice.scale, 10); // 10.58…
    expect(point.value).not.toBeCloseTo((10 + 30) / 2, 1); // the plain mean, 20
    // The least final contributing status; C, which contributes nothing, does not count.
    expect(point.status).toBe("preliminary");
  });

  it("give the same in the values table's rows, named as a ratio of sums", () => {
    const shown = measuredIndicator(stations, choice);
    const [row] = benchmarkRows(
      [{ kind: "province", region: null, zone: "prd", level: "county", members: ["A", "B", "C"] }],
      shown,
      measured,
      undefined,
      "2023",
      "en",
      en,
      choice.scale,
    );
    expect(row.value).toBeCloseTo((1090 / 103) * choice.scale, 10);
    expect(row.name).toMatch(/ratio of sums/);
  });

  it("fall back to the indicator's own rule for a total (average unit)", () => {
    const path = benchmarkPath(["A", "B", "C"], stations, numerators, undefined, null);
    expect(path[0].value).toBeCloseTo((1000 + 90 + 50) / 3, 10);
    // …and the total's rule is not the ratio's: the two paths differ here.
    expect(benchmarkSeries(["A", "B", "C"], stations.aggregation, numerators)[0].value).toBe(path[0].value);
  });

  it("leave a period empty when no member has both figures", () => {
    const none = measuredObservations([obs("A", "2024", 5)], choice, { kind: "indicator", observations: [], stock: true });
    expect(ratioBenchmarkSeries(["A"], none as MeasuredObservation[], choice.scale)[0].value).toBeNull();
  });
});

describe("peers on the measured value", () => {
  it("are the units nearest per resident, not in total", () => {
    const units = ["F", "X", "Y"].map((code) => ({
      code,
      level: "county" as const,
      parent: "P",
      name: { zh: code, en: code },
      zone: "prd" as const,
      kind: "county" as const,
    }));
    // Totals: X (1,100) is nearest the focus F (1,000); per resident Y (10.5) is nearest F's 10.
    const num = [obs("F", "2023", 1000), obs("X", "2023", 1100), obs("Y", "2023", 105)];
    const den = [obs("F", "2023", 100), obs("X", "2023", 20), obs("Y", "2023", 10)];
    const m = measuredObservations(num, choice, { kind: "indicator", observations: den, stock: true });
    const values = new Map(m.map((o) => [o.region, o.value]));
    const totals = new Map(num.map((o) => [o.region, o.value]));
    expect(selectPeers({ focus: units[0], units, values, selected: ["F"], max: 2 })).toEqual(["Y"]);
    expect(selectPeers({ focus: units[0], units, values: totals, selected: ["F"], max: 2 })).toEqual(["X"]);
  });
});

describe("what Compare asks for", () => {
  it("draws the current indicator in the URL's measure and the others in their natural form", () => {
    const other = catalogue.find((i) => i.pillar === stations.pillar && i.id !== stations.id && i.denominators?.length);
    const plans = measurePlans([stations, ...(other ? [other] : [])], catalogue, stations.id, "total");
    expect(plans.get(stations.id)?.choice.per).toBe("total");
    expect(plans.get(stations.id)?.shown).toBe(stations);
    if (other) expect(plans.get(other.id)?.choice.per).toBe(other.denominators?.[0].indicator);
  });

  it("adds each measured indicator's denominator at the levels it is asked for", () => {
    const plans = measurePlans([stations], catalogue, stations.id, null);
    const specs = withDenominators(
      [
        { indicator: stations.id, level: "city" },
        { indicator: stations.id, level: "county" },
        { indicator: "gdp", level: "city" },
      ],
      plans,
    );
    expect(specs.slice(3)).toEqual([
      { indicator: "population", level: "city" },
      { indicator: "population", level: "county" },
    ]);
    expect(plans.get(stations.id)?.shown.name.en).toBe("5G base stations per 10,000 residents");
  });
});
