import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/api/contract";
import { comparePeriods } from "../../src/domain/periods";
import { annualEnds, endPatch, quarterlyPatch, resolveRange, withinRange } from "../../src/features/explore/range";

const range = (from: string | null, to: string | null, quarterlyIndicator = false) =>
  resolveRange({ firstYear: 2018, lastYear: 2025, from, to, quarterlyIndicator });

describe("explore period range", () => {
  it("defaults to every year of the data", () => {
    const r = range(null, null);
    expect(r).toMatchObject({ quarterly: false, from: "2018", to: "2025", invalid: [] });
    expect(r.periods).toEqual(["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
  });

  it("cuts the years to from…to, both ends included", () => {
    expect(range("2020", "2023").periods).toEqual(["2020", "2021", "2022", "2023"]);
    expect(range("2025", null).periods).toEqual(["2025"]);
    expect(range(null, "2018").periods).toEqual(["2018"]);
  });

  it("goes by quarter only for a quarterly indicator with a quarter at an end; a year end covers its quarters", () => {
    const q = range("2023", "2024Q2", true);
    expect(q.quarterly).toBe(true);
    expect(q.periods).toEqual(["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2"]);
    expect(range("2024Q3", "2025", true).periods).toEqual(["2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"]);
    expect(range("2023", "2024", true).quarterly).toBe(false);
    // An annual indicator reads quarter ends as their years.
    const annual = range("2023Q2", "2024Q2");
    expect(annual).toMatchObject({ quarterly: false, from: "2023", to: "2024", invalid: [] });
  });

  it("reports ends outside the data and an end before the start, and falls back to the default", () => {
    expect(range("2010", "2023")).toMatchObject({ from: "2018", to: "2023", invalid: ["from"] });
    expect(range("2020", "2030")).toMatchObject({ from: "2020", to: "2025", invalid: ["to"] });
    expect(range("2023", "2020")).toMatchObject({ from: "2023", to: "2025", invalid: ["to"] });
  });

  it("keeps the observations of the range's periods only: years, or quarters by quarter", () => {
    const obs = ["2019", "2020", "2020Q1", "2020Q4", "2021", "2022"].map(
      (period): Observation => ({ region: "440000", period, value: 1, status: "final" }),
    );
    expect(withinRange(obs, range("2020", "2021").periods).map((o) => o.period)).toEqual(["2020", "2021"]);
    expect(withinRange(obs, range("2020Q1", "2020Q4", true).periods).map((o) => o.period)).toEqual(["2020Q1", "2020Q4"]);
  });

  it("leaves the URL at the data's edges by year, keeps explicit ends by quarter, and drags the other end along", () => {
    const r = range("2020", "2022");
    expect(endPatch(r, "from", "2018")).toEqual({ from: null });
    expect(endPatch(r, "to", "2025")).toEqual({ to: null });
    expect(endPatch(r, "to", "2018")).toEqual({ from: null, to: "2018" });
    expect(endPatch(r, "from", "2024")).toEqual({ from: "2024", to: "2024" });
    const q = range("2020Q1", "2022Q4", true);
    expect(endPatch(q, "from", "2018Q1")).toEqual({ from: "2018Q1" });
  });

  it("switches to quarters over whole years and back", () => {
    const r = range("2020", null, true);
    const on = quarterlyPatch(r, true);
    expect(on).toEqual({ from: "2020Q1", to: "2025Q4" });
    const q = range(on.from, on.to, true);
    expect(q.quarterly).toBe(true);
    expect(q.periods).toHaveLength(24);
    expect(quarterlyPatch(q, false)).toEqual({ from: "2020", to: null });
    expect(annualEnds("2020Q3", null)).toEqual({ from: "2020", to: null });
  });

  it("never turns upside down: any two picks give a range from the earlier to the later", () => {
    const years = range(null, null).options;
    fc.assert(
      fc.property(
        fc.constantFrom(...years),
        fc.constantFrom(...years),
        fc.constantFrom("from" as const, "to" as const),
        fc.constantFrom(...years),
        (a, b, end, pick) => {
          const [lo, hi] = [a, b].sort(comparePeriods);
          const before = range(lo, hi);
          expect(before.periods[0]).toBe(lo);
          expect(before.periods.at(-1)).toBe(hi);
          const patched = { from: lo as string | null, to: hi as string | null, ...endPatch(before, end, pick) };
          const after = range(patched.from, patched.to);
          expect(after.invalid).toEqual([]);
          expect(after[end]).toBe(pick);
          expect(comparePeriods(after.from, after.to)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
