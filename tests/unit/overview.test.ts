import { describe, expect, it } from "vitest";
import type { Indicator, Observation, Region } from "../../src/api/contract";
import { shortfalls } from "../../src/domain/assessment";
import { targetProgress } from "../../src/domain/targets";
import { pillarMoves } from "../../src/features/overview/PillarSummary";

const ind = (id: string, pillar: Indicator["pillar"], direction: "higher" | "lower", rate = false): Indicator => ({
  id,
  pillar,
  name: { zh: id, en: id },
  unit: rate ? { zh: "%", en: "%" } : { zh: "个", en: "units" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction,
  levels: ["province", "city"],
  aggregation: rate ? { method: "weighted-mean", weight: "w" } : { method: "sum" },
  decimals: 1,
  targets: [],
});
const obs = (region: string, values: Record<string, number | null>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ region, period, value, status: "final" }));

describe("pillar moves", () => {
  it("counts better, worse and flat by each indicator's direction", () => {
    const list = [
      ind("a", "industry", "higher"),
      ind("b", "industry", "lower"),
      ind("c", "industry", "higher"),
      ind("d", "talent", "higher"),
    ];
    const moves = pillarMoves(
      list,
      [
        obs("P", { 2024: 1, 2025: 2 }), // up, higher is better: better
        obs("P", { 2024: 1, 2025: 2 }), // up, lower is better: worse
        obs("P", { 2024: 1, 2025: null }), // no data: flat
        undefined,
      ],
      "P",
      "2025",
    );
    expect(moves).toEqual([
      { pillar: "industry", better: 1, worse: 1, flat: 1 },
      { pillar: "talent", better: 0, worse: 0, flat: 1 },
    ]);
  });
});

describe("where we are behind", () => {
  const region = (code: string): Region => ({
    code,
    level: "city",
    parent: "P",
    name: { zh: code, en: code },
    zone: "prd",
    kind: null,
  });
  const rate = ind("rate", "countryside", "higher", true);
  const count = ind("count", "industry", "higher");
  const target = (value: number) => ({ region: "P", period: "2030", value, source: { zh: "", en: "" } });
  // Province paths: rate 10 → 20 (14 expected in 2024, linear); count 100 → 200 (×2^0.4 expected by 2024, constant growth).
  const rateProgress = targetProgress(rate, target(20), obs("P", { 2020: 10, 2024: 14 }));
  const countProgress = targetProgress(count, target(200), obs("P", { 2020: 100, 2024: 140 }));
  if (!rateProgress || !countProgress) throw new Error("fixture");

  it("judges progress, not level: ranks by how many indicators a region is behind on, then by its worst gap", () => {
    const rows = shortfalls(
      [region("A"), region("B"), region("C"), region("D")],
      [
        {
          indicator: rate,
          progress: rateProgress,
          observations: [
            ...obs("A", { 2020: 5, 2024: 7 }),
            ...obs("B", { 2020: 5, 2024: 13 }),
            ...obs("C", { 2020: 5, 2024: 15 }),
            ...obs("D", { 2020: 30, 2024: 29 }),
          ],
        },
        {
          indicator: count,
          progress: countProgress,
          observations: [
            ...obs("A", { 2020: 10, 2024: 15 }),
            ...obs("B", { 2020: 10, 2024: 12 }),
            ...obs("C", { 2020: 10, 2024: 20 }),
            ...obs("D", { 2020: 10, 2024: 11 }),
          ],
        },
      ],
    );
    // The path gains 4 pp on the rate (linear) and asks ×2^0.4 = ×1.32 on the count (constant growth to ×2 in 10 years).
    // A: +2 pp (−2), ×1.5 (ahead). B: +8 pp from a low level (ahead, though below the path's 14),
    // ×1.2 (11.95% of its baseline short). C: ahead on both. D: the highest level, sliding −1 pp (−5), ×1.1 (−0.3).
    expect(rows.map((r) => [r.region.code, r.behindOn, r.of, r.worst.indicator.id, r.worst.gap])).toEqual([
      ["D", 2, 2, "rate", -5],
      ["A", 1, 2, "rate", -2],
      ["B", 1, 2, "count", expect.closeTo((1.2 - 2 ** 0.4) * 100, 10)],
    ]);
  });

  it("leaves out regions on or above the path", () => {
    expect(
      shortfalls([region("C")], [{ indicator: rate, progress: rateProgress, observations: obs("C", { 2020: 5, 2024: 15 }) }]),
    ).toEqual([]);
  });
});
