import { describe, expect, it } from "vitest";
import { computeIndex, type IndexIndicator, MINMAX_FLAT, normalise, rankDescending } from "../../src/domain/index-score";

const ind = (
  id: string,
  pillar: IndexIndicator["pillar"],
  values: Record<string, number | null>,
  direction: "higher" | "lower" = "higher",
): IndexIndicator => ({
  id,
  pillar,
  direction,
  values: new Map(Object.entries(values)),
});

describe("normalisation", () => {
  it("maps min-max onto 0–100, keeping nulls", () => {
    expect(normalise([10, null, 20, 15], "higher", "minmax")).toEqual([0, null, 100, 50]);
  });

  it("inverts a lower-is-better indicator", () => {
    expect(normalise([10, 20, 15], "lower", "minmax")).toEqual([100, 0, 50]);
    const z = normalise([1, 2, 3], "lower", "zscore") as number[];
    expect(z[0]).toBeGreaterThan(0);
    expect(z[2]).toBeLessThan(0);
  });

  it("takes z-scores with the population standard deviation", () => {
    const z = normalise([2, 4, 4, 4, 5, 5, 7, 9], "higher", "zscore") as number[];
    // mean 5, sd 2
    expect(z[0]).toBeCloseTo(-1.5, 12);
    expect(z[7]).toBeCloseTo(2, 12);
  });

  it("gives every unit the neutral score when all values are equal (zero variance, or a single unit)", () => {
    expect(normalise([0.1 * 3, 0.3, null], "higher", "zscore")).toEqual([0, 0, null]);
    expect(normalise([7, 7], "higher", "minmax")).toEqual([MINMAX_FLAT, MINMAX_FLAT]);
    expect(normalise([7], "higher", "zscore")).toEqual([0]);
    expect(normalise([null, null], "higher", "minmax")).toEqual([null, null]);
  });

  it("gives tied values the same score and the same rank", () => {
    const n = normalise([3, 1, 3, 2], "higher", "minmax");
    expect(n[0]).toBe(n[2]);
    expect(rankDescending([3, 1, 3, null, 2])).toEqual([1, 4, 1, null, 3]);
  });
});

describe("index", () => {
  const units = ["a", "b", "c", "d"];

  it("averages a pillar's normalised indicators and weights the pillars", () => {
    const r = computeIndex(
      units,
      [
        ind("i1", "industry", { a: 0, b: 10, c: 5, d: 10 }),
        ind("i2", "industry", { a: 0, b: 0, c: 5, d: 10 }),
        ind("t1", "talent", { a: 10, b: 0, c: 0, d: 0 }),
      ],
      null,
      "minmax",
    );
    expect(r.pillars).toEqual(["industry", "talent"]);
    const byCode = Object.fromEntries(r.rows.map((x) => [x.code, x]));
    expect(byCode.b.pillars.industry).toBe(50);
    expect(byCode.c.pillars.industry).toBe(50);
    expect(byCode.a.pillars.talent).toBe(100);
    expect(byCode.a.pillars.enterprise).toBeNull(); // no indicator in that pillar
    // Equal weights over the two pillars that have indicators.
    expect(byCode.a.index).toBe(50);
    expect(byCode.d.index).toBe(50);
    expect(byCode.b.index).toBe(25);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 3, 3, 1]);
    expect(r.rows[0].of).toBe(4);
  });

  it("follows the weights: all weight on one pillar ranks by that pillar alone", () => {
    const indicators = [ind("i1", "industry", { a: 1, b: 2, c: 3, d: 4 }), ind("t1", "talent", { a: 4, b: 3, c: 2, d: 1 })];
    const weights = (industry: number, talent: number) => [industry, 0, 0, 0, 0, 0, talent];
    const byIndustry = computeIndex(units, indicators, weights(10, 0), "minmax");
    const byTalent = computeIndex(units, indicators, weights(0, 10), "zscore");
    expect(byIndustry.rows.map((x) => x.rank)).toEqual([4, 3, 2, 1]);
    expect(byTalent.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    // 3:1 in favour of industry.
    const mixed = computeIndex(units, indicators, weights(3, 1), "minmax");
    expect(mixed.rows[3].index).toBeCloseTo(75, 10);
  });

  it("keeps a pillar score when exactly half of its indicators are missing, from those present", () => {
    const r = computeIndex(
      units,
      [
        ind("i1", "industry", { a: 1, b: 2, c: 3, d: 4 }),
        ind("i2", "industry", { a: null, b: 2, c: 3, d: 4 }),
        ind("i3", "industry", { a: null, b: null, c: 3, d: 4 }),
        ind("i4", "industry", { a: 4, b: null, c: 3, d: 4 }),
      ],
      null,
      "minmax",
    );
    // a: i1 scores 0, i4 scores 100 (range 3–4).
    expect(r.rows[0].pillars.industry).toBe(50);
    expect(r.rows[0].index).toBe(50);
  });

  it("counts missing indicators against half of the pillar", () => {
    const three = [
      ind("i1", "industry", { a: 1, b: 2, c: 3, d: 4 }),
      ind("i2", "industry", { a: null, b: null, c: 3, d: 4 }),
      ind("i3", "industry", { a: null, b: 2, c: 3, d: 4 }),
    ];
    const r = computeIndex(units, three, null, "minmax");
    expect(r.rows[0].pillars.industry).toBeNull(); // a misses 2 of 3
    expect(r.rows[1].pillars.industry).not.toBeNull(); // b misses 1 of 3
    expect(r.rows[0].index).toBeNull();
    expect(r.rows[0].rank).toBeNull();
    expect(r.rows[1].of).toBe(3);
  });

  it("leaves out an indicator no unit has a value for", () => {
    const r = computeIndex(
      units,
      [ind("i1", "industry", { a: 1, b: 2, c: 3, d: 4 }), ind("empty", "industry", { a: null, b: null, c: null, d: null })],
      null,
      "minmax",
    );
    expect(r.indicators.industry).toEqual(["i1"]);
    expect(r.rows[3].pillars.industry).toBe(100);
  });

  it("gives no index when the missing pillars carry more than half of the weight", () => {
    const indicators = [ind("i1", "industry", { a: 1, b: 2, c: 3, d: 4 }), ind("t1", "talent", { a: null, b: 3, c: 2, d: 1 })];
    expect(computeIndex(units, indicators, [1, 0, 0, 0, 0, 0, 1], "minmax").rows[0].index).not.toBeNull(); // half missing
    expect(computeIndex(units, indicators, [1, 0, 0, 0, 0, 0, 2], "minmax").rows[0].index).toBeNull();
    // With weight only on industry the missing talent pillar does not matter.
    expect(computeIndex(units, indicators, [1, 0, 0, 0, 0, 0, 0], "minmax").rows[0].index).toBe(0);
  });

  it("scores a single unit neutrally and ranks it first", () => {
    const r = computeIndex(["a"], [ind("i1", "industry", { a: 5 })], null, "zscore");
    expect(r.rows).toEqual([expect.objectContaining({ code: "a", index: 0, rank: 1, of: 1 })]);
  });

  it("respects direction inside the index", () => {
    const r = computeIndex(units, [ind("cost", "investment", { a: 1, b: 2, c: 3, d: 4 }, "lower")], null, "minmax");
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
  });
});
