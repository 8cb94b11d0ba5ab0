import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import { gapToPath, targetProgress, targetTrajectory, trajectoryAt } from "../../src/domain/targets";

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
    const p = targetProgress(ind("higher"), target("2023", 20), series({ 2020: 10, 2023: 19, 2025: 21 }));
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

describe("target bases (the plan's base year)", () => {
  const based = (period: string, value: number, base: { period: string; value?: number }) => ({ ...target(period, value), base });

  it("measures the path from the plan's base, not the first year of data", () => {
    // Data from 2018; the plan runs from 2024 (20) to 2027 (50): 30 expected in 2025.
    const data = series({ 2018: 5, 2024: 20, 2025: 29 });
    const p = targetProgress(ind("higher"), based("2027", 50, { period: "2024" }), data);
    expect(p?.baseline).toEqual({ period: "2024", value: 20, from: "plan" });
    expect(p?.expected).toBe(30);
    expect(p?.verdict).toBe("behind");
    // From the first year of data (5 in 2018) the path would ask 5 + 45 × 7/9 = 40 in 2025.
    const fromData = targetProgress(ind("higher"), target("2027", 50), data);
    expect(fromData?.baseline).toEqual({ period: "2018", value: 5, from: "data" });
    expect(fromData?.expected).toBeCloseTo(40, 10);
  });

  it("uses the base value the plan states over the observation", () => {
    const p = targetProgress(
      ind("higher"),
      based("2027", 4400, { period: "2025", value: 3000 }),
      series({ 2024: 2600, 2025: 3000 }),
    );
    expect(p?.baseline).toEqual({ period: "2025", value: 3000, from: "plan" });
    expect(p?.expected).toBe(3000);
    expect(p?.verdict).toBe("on-track");
  });

  it("chained targets of one plan agree: the 2025 target met is on track for 2027", () => {
    const data = series({ 2018: 900, 2024: 2600, 2025: 3000 });
    const t2025 = based("2025", 3000, { period: "2024" });
    const t2027 = based("2027", 4400, { period: "2025", value: 3000 });
    expect(targetProgress(ind("higher"), t2025, data)?.verdict).toBe("achieved");
    expect(targetProgress(ind("higher"), t2027, data)?.verdict).toBe("on-track");
    // Without bases, the same 3,000 was "achieved" for 2025 and "behind" for 2027.
    expect(targetProgress(ind("higher"), target("2027", 4400), data)?.verdict).toBe("behind");
  });

  it("falls back to the first year of data when the base period has no value, and says so", () => {
    const p = targetProgress(ind("higher"), based("2027", 50, { period: "2023" }), series({ 2020: 10, 2024: 20 }));
    expect(p?.baseline.from).toBe("data");
    expect(p?.baseline.period).toBe("2020");
  });

  it("has nothing to judge before the base year", () => {
    expect(
      targetProgress(ind("higher"), based("2027", 50, { period: "2024", value: 20 }), series({ 2022: 10, 2023: 12 })),
    ).toBeNull();
  });

  it("judges a passed target year on that year's value, not the latest", () => {
    // Met in 2023 (20), fell back in 2025: achieved. Missed in 2023, caught up in 2025: behind.
    expect(targetProgress(ind("higher"), target("2023", 20), series({ 2020: 10, 2023: 20, 2025: 15 }))?.verdict).toBe("achieved");
    const late = targetProgress(ind("higher"), target("2023", 20), series({ 2020: 10, 2023: 18, 2025: 25 }));
    expect(late?.latest).toEqual({ period: "2023", value: 18 });
    expect(late?.verdict).toBe("behind");
    // No value for the target year once it has passed: nothing to judge.
    expect(targetProgress(ind("higher"), target("2023", 20), series({ 2020: 10, 2023: null, 2025: 25 }))).toBeNull();
  });
});

describe("the target trajectory: constant growth for amounts, straight for rates", () => {
  const amount = (direction: "higher" | "lower" = "higher") => ({
    ...ind(direction),
    unit: { zh: "亿元", en: "100 million yuan" },
  });

  it("grows an amount by the same factor every year (年均增长), not by the same step", () => {
    // 100 (2020) → 200 (2030): ×2^(1/10) a year, so 100 · 2^0.4 = 131.95 in 2024, where a straight line asked 140.
    const p = targetProgress(amount(), target("2030", 200), series({ 2020: 100, 2024: 132 }));
    expect(p?.expected).toBeCloseTo(131.9508, 4);
    expect(p?.verdict).toBe("on-track");
    expect(targetProgress(amount(), target("2030", 200), series({ 2020: 100, 2024: 131.9 }))?.verdict).toBe("behind");
    // 135 was behind the straight line (140); it is ahead of the plan's constant growth.
    expect(targetProgress(amount(), target("2030", 200), series({ 2020: 100, 2024: 135 }))?.verdict).toBe("on-track");
  });

  it("lists every year from the baseline to the target: 100 → 121 in two years is 100, 110, 121", () => {
    const p = targetProgress(amount(), target("2025", 121), series({ 2023: 100, 2024: 105 }));
    if (!p) throw new Error("fixture");
    expect(p.expected).toBeCloseTo(110, 10);
    expect(p.verdict).toBe("behind");
    const path = targetTrajectory(amount(), p);
    expect(path.map((x) => x.year)).toEqual([2023, 2024, 2025]);
    expect(path.map((x) => x.value)).toEqual([100, expect.closeTo(110, 10), 121]);
  });

  it("keeps rates straight: 10 → 20 over ten years is 1 pp a year", () => {
    const from = { year: 2020, value: 10 };
    const to = { year: 2030, value: 20 };
    expect(trajectoryAt(ind("higher"), from, to, 2024)).toBeCloseTo(14, 10);
    expect(trajectoryAt(amount(), from, to, 2025)).toBeCloseTo(10 * Math.SQRT2, 10);
  });

  it("a lower-is-better amount shrinks by a constant factor: 50 → 32 in two years is 40 in between", () => {
    expect(trajectoryAt(amount("lower"), { year: 2023, value: 50 }, { year: 2025, value: 32 }, 2024)).toBeCloseTo(40, 10);
  });

  it("falls back to a straight line for an amount that starts or ends at zero or below (no constant growth reaches it)", () => {
    expect(trajectoryAt(amount("lower"), { year: 2020, value: 50 }, { year: 2025, value: 0 }, 2024)).toBeCloseTo(10, 10);
    expect(trajectoryAt(amount(), { year: 2020, value: -10 }, { year: 2030, value: 10 }, 2025)).toBeCloseTo(0, 10);
  });
});

describe("gap to the province's path (progress, not level)", () => {
  const p = targetProgress(ind("higher"), target("2030", 20), series({ 2020: 10, 2024: 14 }));
  if (!p) throw new Error("fixture");

  it("measures rates by the percentage points gained against the points the path gains", () => {
    // The path gains 4 pp from 2020 to 2024. A low region gaining 5 pp is ahead; a high one losing 1 pp is behind.
    expect(gapToPath(ind("higher", "weighted-mean"), p, { baseline: 2, latest: 7 })).toBeCloseTo(1, 10);
    expect(gapToPath(ind("higher", "weighted-mean"), p, { baseline: 40, latest: 39 })).toBeCloseTo(-5, 10);
    expect(gapToPath(ind("lower", "weighted-mean"), p, { baseline: 2, latest: 7 })).toBeCloseTo(-1, 10);
  });

  it("measures amounts by growth against the growth the path asks for", () => {
    const amount = { ...ind("higher"), unit: { zh: "亿元", en: "100 million yuan" } };
    // `p` is the rate's straight path: it asks for ×1.4; a region that grew ×1.4 is on it, ×1.2 is 20% of its baseline short.
    expect(gapToPath(amount, p, { baseline: 100, latest: 140 })).toBeCloseTo(0, 10);
    expect(gapToPath(amount, p, { baseline: 100, latest: 120 })).toBeCloseTo(-0.2, 10);
    expect(gapToPath(amount, p, { baseline: null, latest: 120 })).toBeNull();
    expect(gapToPath(amount, p, { baseline: 0, latest: 120 })).toBeNull();
  });

  it("a lower-is-better amount heading for 0: reaching 0 is on the path, 5 of 50 is behind, never NaN or −Infinity", () => {
    const amount = { ...ind("lower"), unit: { zh: "个", en: "items" } };
    const toZero = targetProgress(amount, target("2024", 0), series({ 2020: 50, 2024: 10 }));
    if (!toZero) throw new Error("fixture");
    expect(toZero.expected).toBe(0);
    expect(gapToPath(amount, toZero, { baseline: 50, latest: 0 })).toBe(0);
    expect(gapToPath(amount, toZero, { baseline: 50, latest: 5 })).toBeCloseTo(-0.1, 10);
  });
});

describe("judgments are always finite (property)", () => {
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const maybe = fc.option(value, { nil: null });
  const years = fc.dictionary(fc.integer({ min: 2015, max: 2030 }).map(String), maybe, { minKeys: 0, maxKeys: 12 });
  it("a tiny positive base does not overflow the constant-growth path (a case fast-check found)", () => {
    const amount = { ...ind("higher"), unit: { zh: "个", en: "items" } };
    const p = targetProgress(
      amount,
      { ...target("2017", 8.881784197001252e-16), base: { period: "2015", value: 5e-324 } },
      series({ 2015: 0 }),
    );
    expect(p).not.toBeNull();
    if (!p) return;
    for (const x of [p.expected, p.covered]) expect(Number.isFinite(x)).toBe(true);
    // 8.9e-16 / 5e-324 overflows: the path is interpolated in logs instead.
    expect(targetTrajectory(amount, p).map((x) => Number.isFinite(x.value))).toEqual([true, true, true]);
  });

  it("targetProgress and gapToPath never produce NaN or ±Infinity", () => {
    fc.assert(
      fc.property(
        years,
        fc.integer({ min: 2016, max: 2032 }),
        value,
        fc.constantFrom("higher", "lower") as fc.Arbitrary<"higher" | "lower">,
        fc.constantFrom("sum", "weighted-mean") as fc.Arbitrary<"sum" | "weighted-mean">,
        fc.option(
          fc.record({ period: fc.integer({ min: 2015, max: 2030 }).map(String), value: fc.option(value, { nil: undefined }) }),
          {
            nil: undefined,
          },
        ),
        maybe,
        maybe,
        (data, year, goal, direction, method, base, regionBase, regionLatest) => {
          const i = { ...ind(direction, method), unit: method === "sum" ? { zh: "个", en: "items" } : { zh: "%", en: "%" } };
          const t = {
            ...target(String(year), goal),
            ...(base ? { base: base.value === undefined ? { period: base.period } : base } : {}),
          };
          const p = targetProgress(i, t, series(data));
          if (!p) return;
          for (const x of [p.expected, p.covered, p.baseline.value, p.latest.value]) expect(Number.isFinite(x)).toBe(true);
          for (const x of targetTrajectory(i, p)) expect(Number.isFinite(x.value)).toBe(true);
          const gap = gapToPath(i, p, { baseline: regionBase, latest: regionLatest });
          if (gap !== null) expect(Number.isFinite(gap)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
