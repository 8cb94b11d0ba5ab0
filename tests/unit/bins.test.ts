import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import { classify, computeBreaks } from "../../src/domain/bins";

describe("computeBreaks", () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it("quantile: equal counts per class", () => {
    const breaks = computeBreaks(values, "quantile", 5);
    expect(breaks).toHaveLength(6);
    const classes = values.map((v) => classify(v, breaks));
    expect(classes).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("equal interval: equal widths", () => {
    expect(computeBreaks([0, 10, 100], "equal", 4)).toEqual([0, 25, 50, 75, 100]);
  });

  it("natural breaks: finds the gaps between clusters", () => {
    const clustered = [1, 1.2, 1.1, 10, 10.5, 11, 50, 52, 51];
    expect(computeBreaks(clustered, "jenks", 3)).toEqual([1, 10, 50, 52]);
    expect(clustered.map((v) => classify(v, [1, 10, 50, 52]))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it("ignores nulls and gives nothing for no values", () => {
    expect(computeBreaks([null, 3, null, 1, 2], "equal", 2)).toEqual([1, 2, 3]);
    expect(computeBreaks([null, null], "quantile")).toEqual([]);
    expect(classify(null, [1, 2, 3])).toBe(-1);
  });

  it("collapses to one class for a single distinct value", () => {
    for (const method of ["quantile", "jenks", "equal"] as const) {
      expect(computeBreaks([7, 7, 7], method)).toEqual([7, 7]);
      expect(classify(7, [7, 7])).toBe(0);
    }
  });

  const classCounts = (values: number[], breaks: number[]) => {
    const counts = new Array<number>(Math.max(breaks.length - 1, 1)).fill(0);
    for (const v of values) counts[classify(v, breaks)] += 1;
    return counts;
  };

  it("drops breaks that fall on ties, never making empty classes", () => {
    const ties = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4];
    const breaks = computeBreaks(ties, "quantile", 5);
    expect(new Set(breaks).size).toBe(breaks.length);
    expect(breaks[0]).toBe(1);
    expect(breaks.at(-1)).toBe(4);
    expect(classCounts(ties, breaks)).not.toContain(0);
    expect(computeBreaks([1, 2], "jenks", 5)).toEqual([1, 2]);
    // A quantile break between two ties used to leave the middle class empty.
    const skewed = [0, 1, 4, 4, 4, 5];
    expect(classCounts(skewed, computeBreaks(skewed, "quantile", 5))).not.toContain(0);
  });

  it("no empty class from quantiles or natural breaks (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 7 }),
        (values, k) => {
          for (const method of ["quantile", "jenks"] as const) {
            expect(classCounts(values, computeBreaks(values, method, k))).not.toContain(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("no empty class on any map of the simulated dataset (every indicator, level and year)", () => {
    const data = generateDataset();
    const levelOf = new Map(data.regions.map((r) => [r.code, r.level]));
    let maps = 0;
    for (const [, observations] of data.observations) {
      const byMap = new Map<string, number[]>();
      for (const o of observations) {
        const level = levelOf.get(o.region);
        if (o.value === null || level === "province" || o.period.includes("Q")) continue;
        const key = `${level}@${o.period}`;
        byMap.set(key, [...(byMap.get(key) ?? []), o.value]);
      }
      for (const values of byMap.values()) {
        maps += 1;
        for (const method of ["quantile", "jenks"] as const) {
          expect(classCounts(values, computeBreaks(values, method))).not.toContain(0);
        }
      }
    }
    expect(maps).toBeGreaterThan(500);
  });

  it("puts the maximum in the last class and the minimum in the first", () => {
    const b = [0, 10, 20, 30];
    expect(classify(30, b)).toBe(2);
    expect(classify(0, b)).toBe(0);
    expect(classify(10, b)).toBe(1);
  });
});
