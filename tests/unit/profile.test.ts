import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/api/contract";
import { computeIndex } from "../../src/domain/index-score";
import {
  benchmarkPillarScores,
  directedRanks,
  indexYear,
  nearestNeighbours,
  scoreOnScale,
  standingOf,
  strengthsAndWeaknesses,
  tierRange,
  tiersOf,
} from "../../src/domain/profile";

const map = (entries: Record<string, number | null>) => new Map(Object.entries(entries));

describe("tiers by natural breaks", () => {
  it("puts clear groups in their own tiers, the highest tier 1, with the breaks", () => {
    const scores = map({ a: 95, b: 93, c: 70, d: 68, e: 50, f: 48, g: 30, h: 29, i: 5, j: 4, k: null });
    const { breaks, count, tiers } = tiersOf(scores);
    expect(count).toBe(5);
    expect(breaks).toEqual([4, 29, 48, 68, 93, 95]);
    expect([...tiers]).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 2],
      ["d", 2],
      ["e", 3],
      ["f", 3],
      ["g", 4],
      ["h", 4],
      ["i", 5],
      ["j", 5],
      ["k", null],
    ]);
    expect(tierRange({ breaks, count }, 1)).toEqual([93, 95]);
    expect(tierRange({ breaks, count }, 5)).toEqual([4, 29]);
    expect(tierRange({ breaks, count }, 6)).toBeNull();
  });

  it("gives fewer tiers when there are fewer distinct scores, and none without scores", () => {
    const two = tiersOf(map({ a: 10, b: 9, c: 2 }));
    expect(two.count).toBe(2);
    expect(two.tiers.get("b")).toBe(1);
    expect(two.tiers.get("a")).toBe(1);
    expect(two.tiers.get("c")).toBe(2);
    const flat = tiersOf(map({ a: 3, b: 3 }));
    expect(flat.count).toBe(1);
    expect(flat.tiers.get("a")).toBe(1);
    expect(tiersOf(map({ a: null })).count).toBe(0);
    expect(tiersOf(map({ a: null })).tiers.get("a")).toBeNull();
  });
});

describe("ranks and percentile ranks", () => {
  const values = map({ a: 10, b: 20, c: 20, d: 40, e: 50, f: null });

  it("ranks by the indicator's direction, ties sharing a rank", () => {
    expect([...directedRanks(values, "higher")]).toEqual([
      ["a", 5],
      ["b", 3],
      ["c", 3],
      ["d", 2],
      ["e", 1],
      ["f", null],
    ]);
    expect(directedRanks(values, "lower").get("a")).toBe(1);
    expect(directedRanks(values, "lower").get("e")).toBe(5);
  });

  it("gives the percentile among the others, ties counted half, and the peer median", () => {
    const ind = { id: "x", direction: "higher" as const, values };
    expect(standingOf("e", ind)).toEqual({ indicator: "x", value: 50, rank: 1, of: 5, percentile: 100, median: 20 });
    expect(standingOf("a", ind)?.percentile).toBe(0);
    // b beats a, ties c: (1 + 0.5) / 4.
    expect(standingOf("b", ind)).toMatchObject({ rank: 3, percentile: 37.5 });
    // Lower is better: a is now the best.
    expect(standingOf("a", { ...ind, direction: "lower" })).toMatchObject({ rank: 1, percentile: 100 });
    expect(standingOf("f", ind)).toBeNull();
    // Too few units to stand among.
    expect(standingOf("a", { ...ind, values: map({ a: 1, b: 2 }) })).toBeNull();
  });

  it("agrees with the index's own ranks on the index", () => {
    const units = ["a", "b", "c", "d", "e"];
    const result = computeIndex(
      units,
      [
        { id: "i1", pillar: "industry", direction: "higher", values: map({ a: 1, b: 2, c: 3, d: 4, e: 5 }) },
        { id: "i2", pillar: "talent", direction: "lower", values: map({ a: 5, b: 1, c: 3, d: 2, e: 4 }) },
      ],
      null,
      "minmax",
    );
    const scores = new Map(result.rows.map((r) => [r.code, r.index]));
    const ranks = directedRanks(scores, "higher");
    for (const r of result.rows) expect(ranks.get(r.code)).toBe(r.rank);
  });
});

describe("strengths and weaknesses", () => {
  const s = (indicator: string, percentile: number) => ({ indicator, percentile, value: 1, rank: 1, of: 5, median: 1 });

  it("takes the three highest and the three lowest percentiles, worst weakness first", () => {
    const list = [s("a", 90), s("b", 10), s("c", 50), s("d", 95), s("e", 5), s("f", 60), s("g", 40), s("h", 90)];
    const { strengths, weaknesses } = strengthsAndWeaknesses(list);
    expect(strengths.map((x) => x.indicator)).toEqual(["d", "a", "h"]);
    expect(weaknesses.map((x) => x.indicator)).toEqual(["e", "b", "g"]);
  });

  it("never lists an indicator as both", () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses([s("a", 90), s("b", 10), s("c", 50)]);
    expect(strengths.map((x) => x.indicator)).toEqual(["a", "c"]);
    expect(weaknesses.map((x) => x.indicator)).toEqual(["b"]);
    expect(strengthsAndWeaknesses([])).toEqual({ strengths: [], weaknesses: [] });
  });
});

describe("nearest neighbours", () => {
  // Two indicators on very different scales: z-scores make them count alike.
  const units = ["a", "b", "c", "d", "e"];
  const x = { values: map({ a: 1, b: 2, c: 3, d: 4, e: 5 }) };
  const y = { values: map({ a: 100, b: 400, c: 200, d: 500, e: 300 }) };

  it("uses the RMS difference of z-scores over the indicators both have", () => {
    const got = nearestNeighbours("a", units, [x, y], 2, 1);
    // z of x: (v − 3)/√2; z of y: (v − 300)/√20000. a = (−1.414, −1.414).
    const zx = (v: number) => (v - 3) / Math.sqrt(2);
    const zy = (v: number) => (v - 300) / Math.sqrt(20000);
    const d = (u: [number, number]) => Math.sqrt(((zx(1) - zx(u[0])) ** 2 + (zy(100) - zy(u[1])) ** 2) / 2);
    expect(got.map((n) => n.code)).toEqual(["c", "b"]);
    expect(got[0].distance).toBeCloseTo(d([3, 200]), 10);
    expect(got[1].distance).toBeCloseTo(d([2, 400]), 10);
    expect(got[0].shared).toBe(2);
  });

  it("leaves a missing value out instead of imputing it, and skips pairs sharing too few", () => {
    const yMissing = { values: map({ a: 100, b: null, c: 200, d: 500, e: 300 }) };
    const got = nearestNeighbours("a", units, [x, yMissing], 5, 1);
    expect(got.find((n) => n.code === "b")?.shared).toBe(1);
    expect(nearestNeighbours("a", units, [x, yMissing], 5, 2).map((n) => n.code)).not.toContain("b");
    // A focus with no values has no neighbours.
    expect(nearestNeighbours("z", [...units, "z"], [x, y], 5, 1)).toEqual([]);
  });
});

describe("benchmarks on the units' scale", () => {
  it("scores a value as the units' normalisation would, without entering it", () => {
    expect(scoreOnScale([0, 10, 20], "higher", "minmax", 5)).toBe(25);
    expect(scoreOnScale([0, 10, 20], "lower", "minmax", 5)).toBe(75);
    expect(scoreOnScale([0, 10, 20], "higher", "zscore", 10)).toBe(0);
    expect(scoreOnScale([3, 3], "higher", "minmax", 3)).toBe(50);
    expect(scoreOnScale([1, 2], "higher", "minmax", null)).toBeNull();
  });

  it("aggregates each indicator by its rule before scoring, then averages the pillar", () => {
    const units = ["a", "b", "c"];
    const scores = benchmarkPillarScores(
      ["a", "b"],
      units,
      [
        // A sum: the average unit of the members, (0 + 10) / 2 = 5 → 25 on 0–20.
        { id: "s", pillar: "industry", direction: "higher", aggregation: { method: "sum" }, values: map({ a: 0, b: 10, c: 20 }) },
        // A rate weighted 3:1: (0·3 + 20·1) / 4 = 5 → 25 on 0–20 (a plain mean would give 50).
        {
          id: "r",
          pillar: "talent",
          direction: "higher",
          aggregation: { method: "weighted-mean", weight: "w" },
          values: map({ a: 0, b: 20, c: 10 }),
          weights: map({ a: 3, b: 1, c: 1 }),
        },
      ],
      "minmax",
    );
    expect(scores.get("industry")).toBe(25);
    expect(scores.get("talent")).toBe(25);
  });
});

describe("the index's year", () => {
  const ind = (id: string, context = false) => ({ id, context }) as unknown as Indicator;
  const obs = (region: string, period: string, value: number | null) => ({ region, period, value, status: "final" as const });
  const indicators = [ind("a"), ind("b"), ind("c"), ind("gdp", true)];
  const data = new Map([
    ["a", [obs("x", "2023", 1), obs("x", "2024", 1), obs("x", "2025", 1), obs("x", "2025Q1", 1)]],
    ["b", [obs("x", "2023", 1), obs("x", "2024", 1), obs("x", "2025", null)]],
    ["c", [obs("x", "2023", 1)]],
    ["gdp", [obs("x", "2026", 1)]],
  ]);

  it("is the latest year in which at least half of the indicators (base figures aside) have a value", () => {
    // 2025: only a (1 of 3); 2024: a and b (2 of 3).
    expect(indexYear(indicators, data, null)).toBe("2024");
  });

  it("is the URL's year when the data has it, never a quarter", () => {
    expect(indexYear(indicators, data, "2023")).toBe("2023");
    expect(indexYear(indicators, data, "2025Q1")).toBe("2024");
    expect(indexYear(indicators, data, "2030")).toBe("2024");
    expect(indexYear(indicators, new Map(), null)).toBeNull();
  });
});
