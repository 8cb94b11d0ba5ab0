import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import { IndicatorsResponseSchema } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { decodeBoundaries } from "../../src/charts/map/geo";
import {
  AREA,
  isAmount,
  measuredIndicator,
  measuredObservations,
  measuresOf,
  ratio,
  ratioOfSums,
  resolveMeasure,
  TOTAL,
} from "../../src/domain/intensity";
import { landAreas } from "../../src/domain/land-area";
import { isRate } from "../../src/domain/measure";
import { dataset } from "../support/msw";

const catalogue = dataset.indicators;
const byId = (id: string) => catalogue.find((i) => i.id === id) as Indicator;
const obs = (region: string, period: string, value: number | null, status: Observation["status"] = "final"): Observation => ({
  region,
  period,
  value,
  status,
});

describe("ratio", () => {
  it("divides and scales", () => {
    expect(ratio(50, 200, 10_000)).toBe(2500);
    expect(ratio(0, 5, 1)).toBe(0);
  });
  it.each([
    [null, 10],
    [10, null],
    [10, 0],
    [10, -3],
    [Number.NaN, 1],
    [1, Number.POSITIVE_INFINITY],
    [undefined, 1],
  ])("gives no value for %s ÷ %s, never 0 or Infinity", (n, d) => {
    expect(ratio(n as number | null, d as number | null, 1)).toBeNull();
  });
});

describe("ratioOfSums: a parent's ratio", () => {
  it("is Σ numerator ÷ Σ denominator, not the mean of the children's ratios", () => {
    // A district of 100 (10,000 people) with 500 stations and a county of 10 with 10.
    const parts = [
      { numerator: 500, denominator: 100 },
      { numerator: 10, denominator: 10 },
    ];
    expect(ratioOfSums(parts, 1)).toBeCloseTo(510 / 110, 12);
    // The mean of ratios (5 and 1) would say 3.
    expect(ratioOfSums(parts, 1)).not.toBeCloseTo(3, 3);
  });
  it("leaves a child missing either figure out of both sums", () => {
    expect(
      ratioOfSums(
        [
          { numerator: 100, denominator: 50 },
          { numerator: null, denominator: 1000 },
          { numerator: 999, denominator: null },
        ],
        1,
      ),
    ).toBe(2);
  });
  it("gives no value when no child has both, or the denominators sum to zero", () => {
    expect(ratioOfSums([{ numerator: null, denominator: 5 }], 1)).toBeNull();
    expect(ratioOfSums([], 1)).toBeNull();
    expect(ratioOfSums([{ numerator: 5, denominator: 0 }], 1)).toBeNull();
  });
  it("equals the denominator-weighted mean of the children's ratios (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ n: fc.double({ min: 0, max: 1e6, noNaN: true }), d: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (parts) => {
          const r = ratioOfSums(
            parts.map((p) => ({ numerator: p.n, denominator: p.d })),
            100,
          ) as number;
          const weighted = parts.reduce((a, p) => a + (p.n / p.d) * 100 * p.d, 0) / parts.reduce((a, p) => a + p.d, 0);
          // Relative: the sums reach 10¹⁰, where an absolute tolerance is below the float spacing.
          expect(Math.abs(r - weighted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(weighted)));
        },
      ),
    );
  });
});

describe("measuresOf", () => {
  it("offers an amount's denominators first, then land area, then the total", () => {
    const pers = measuresOf(byId("5g-base-stations"), catalogue).map((m) => m.per);
    expect(pers).toEqual(["population", "gdp", AREA, TOTAL]);
  });
  it("offers a rate and a base figure only as published", () => {
    expect(measuresOf(byId("villages-5g-rate"), catalogue).map((m) => m.per)).toEqual([TOTAL]);
    expect(measuresOf(byId("population"), catalogue).map((m) => m.per)).toEqual([TOTAL]);
  });
  it("skips a denominator the catalogue lacks or that is not published at every level of the amount", () => {
    const ind = { ...byId("5g-base-stations"), denominators: [{ indicator: "nowhere", scale: 1, label: { zh: "x", en: "x" } }] };
    expect(measuresOf(ind, catalogue).map((m) => m.per)).toEqual([AREA, TOTAL]);
    const provinceOnly = catalogue.filter(
      (i) => i.levels.length === 1 && i.levels[0] === "province" && i.id !== "5g-base-stations",
    );
    expect(provinceOnly.length).toBeGreaterThan(0);
    const ind2 = {
      ...byId("5g-base-stations"),
      denominators: [{ indicator: provinceOnly[0].id, scale: 1, label: { zh: "x", en: "x" } }],
    };
    expect(measuresOf(ind2, catalogue).map((m) => m.per)).toEqual([AREA, TOTAL]);
  });
  it("every amount of the simulated catalogue but one has a natural intensive form from its own denominators", () => {
    const amounts = catalogue.filter(isAmount);
    const without = amounts.filter((i) => measuresOf(i, catalogue)[0].per === AREA).map((i) => i.id);
    expect(without).toEqual(["digital-skill-occupations"]);
  });
});

describe("resolveMeasure", () => {
  const ind = byId("5g-base-stations");
  it("defaults to the natural intensive form and says it was implicit", () => {
    const r = resolveMeasure(ind, catalogue, null);
    expect(r.choice.per).toBe("population");
    expect(r).toMatchObject({ unknown: false, implicit: true });
  });
  it("reports a `per` the indicator does not offer and shows the default", () => {
    const r = resolveMeasure(ind, catalogue, "admin-villages");
    expect(r.choice.per).toBe("population");
    expect(r.unknown).toBe(true);
  });
  it("names the measure in the indicator's name and drops targets set on the amount", () => {
    const m = measuredIndicator(ind, resolveMeasure(ind, catalogue, "population").choice);
    expect(m.name).toEqual({ zh: "5G基站数（每万人）", en: "5G base stations per 10,000 residents" });
    expect(m.unit.en).toBe("per 10,000 residents");
    expect(m.targets).toEqual([]);
    expect(m.aggregation).toEqual({ method: "weighted-mean", weight: "population" });
    expect(measuredIndicator(ind, resolveMeasure(ind, catalogue, TOTAL).choice)).toBe(ind);
  });
  it("a share of GDP is a rate, named after a comma in English", () => {
    const ind2 = byId("digital-infra-investment");
    const m = measuredIndicator(ind2, resolveMeasure(ind2, catalogue, "gdp").choice);
    expect(isRate(m)).toBe(true);
    expect(m.name.en).toBe("Digital infrastructure investment, share of GDP");
  });
});

describe("measuredObservations", () => {
  const ind = byId("5g-base-stations");
  const perPop = resolveMeasure(ind, catalogue, "population").choice;
  it("divides region by region and period by period, and keeps what it divided", () => {
    const out = measuredObservations([obs("440103", "2023", 500), obs("440104", "2023", 300, "preliminary")], perPop, {
      kind: "indicator",
      stock: true,
      observations: [obs("440103", "2023", 50, "estimated"), obs("440104", "2023", 60)],
    });
    expect(out).toEqual([
      {
        region: "440103",
        period: "2023",
        value: 10,
        status: "estimated",
        numerator: 500,
        denominator: 50,
        denominatorPeriod: "2023",
      },
      {
        region: "440104",
        period: "2023",
        value: 5,
        status: "preliminary",
        numerator: 300,
        denominator: 60,
        denominatorPeriod: "2023",
      },
    ]);
  });
  it("gives a quarter its year's value of a stock denominator, and nothing of a flow one", () => {
    const q = [obs("440103", "2023Q2", 500)];
    const den = [obs("440103", "2023", 50)];
    expect(measuredObservations(q, perPop, { kind: "indicator", stock: true, observations: den })[0]).toMatchObject({
      value: 10,
      denominatorPeriod: "2023",
    });
    expect(measuredObservations(q, perPop, { kind: "indicator", stock: false, observations: den })[0]).toMatchObject({
      value: null,
      denominatorPeriod: null,
    });
  });
  it("leaves the ratio empty where the denominator is missing or zero", () => {
    const out = measuredObservations(
      [obs("440103", "2023", 500), obs("440104", "2023", 5), obs("440105", "2023", null)],
      perPop,
      {
        kind: "indicator",
        stock: true,
        observations: [obs("440104", "2023", 0), obs("440105", "2023", 9)],
      },
    );
    expect(out.map((o) => o.value)).toEqual([null, null, null]);
  });
  it("divides by land area per 1,000 km²", () => {
    const perArea = resolveMeasure(ind, catalogue, AREA).choice;
    const out = measuredObservations([obs("440103", "2023", 500)], perArea, { kind: "area", km2: new Map([["440103", 250]]) });
    expect(out[0]).toMatchObject({ value: 2000, numerator: 500, denominator: 250, denominatorPeriod: null });
  });
});

describe("land area", () => {
  const b = decodeBoundaries(
    JSON.parse(readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8")) as Topology,
  );
  const areas = landAreas(b.counties.features, dataset.regions);
  it("is about Guangdong's published 179,800 km² for the province", () => {
    // Generalised boundaries: within 3% of the published land area.
    expect(Math.abs((areas.get("440000") as number) / 179_800 - 1)).toBeLessThan(0.03);
  });
  it("has every county-level unit, and each city is the sum of its units", () => {
    const units = regionsAtLevel(dataset.regions, "county");
    for (const u of units) expect(areas.get(u.code), u.code).toBeGreaterThan(0);
    for (const city of dataset.regions.filter((r) => r.level === "city")) {
      const mine = units.filter((u) => u.parent === city.code || u.code === city.code);
      const sum = mine.reduce((a, u) => a + (areas.get(u.code) as number), 0);
      expect(areas.get(city.code), city.code).toBeCloseTo(sum, 6);
    }
    // Shenzhen: about 1,997 km² published.
    expect(Math.abs((areas.get("440300") as number) / 1_997 - 1)).toBeLessThan(0.1);
  });
});

describe("contract: denominators", () => {
  it("refuses a denominator that is not in the catalogue or is the indicator itself", () => {
    const ind = { ...byId("5g-base-stations") };
    const bad = [
      { ...ind, denominators: [{ indicator: "nowhere", scale: 1, label: { zh: "x", en: "x" } }] },
      { ...byId("ict-graduates"), denominators: [{ indicator: "ict-graduates", scale: 1, label: { zh: "x", en: "x" } }] },
    ];
    for (const b of bad) {
      const others = catalogue.filter((i) => i.id !== b.id);
      const result = IndicatorsResponseSchema.safeParse({ indicators: [...others, b] });
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toMatch(/denominator/);
    }
  });
  it("refuses a scale that is not positive", () => {
    const b = { ...byId("5g-base-stations"), denominators: [{ indicator: "population", scale: 0, label: { zh: "x", en: "x" } }] };
    expect(IndicatorsResponseSchema.safeParse({ indicators: catalogue.map((i) => (i.id === b.id ? b : i)) }).success).toBe(false);
  });
});
