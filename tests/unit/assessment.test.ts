import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicator, Observation, Region, Target } from "../../src/api/contract";
import {
  assessTarget,
  assessTargets,
  outlookOf,
  type Projection,
  project,
  regionProgress,
  shortfalls,
  tQuantile90,
} from "../../src/domain/assessment";
import { keyFindings } from "../../src/domain/findings";
import { targetProgress } from "../../src/domain/targets";
import type { Warning } from "../../src/domain/warnings";

const RATE = { zh: "%", en: "%" };
const AMOUNT = { zh: "亿元", en: "100 million yuan" };
const ind = (unit = RATE, direction: "higher" | "lower" = "higher", targets: Target[] = []): Indicator => ({
  id: unit === RATE ? "rate" : "amount",
  pillar: "industry",
  name: { zh: "x", en: "x" },
  unit,
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction,
  levels: ["province", "city"],
  aggregation: unit === RATE ? { method: "weighted-mean", weight: "w" } : { method: "sum" },
  decimals: 1,
  targets,
});
const obs = (region: string, values: Record<string, number | null>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ region, period, value, status: "final" }));
const P = "440000";
const target = (period: string, value: number, region = P, base?: Target["base"]): Target => ({
  region,
  period,
  value,
  source: { zh: "", en: "" },
  ...(base ? { base } : {}),
});
const band = (value: number, low: number, high: number): Projection => ({
  method: "linear",
  fittedOn: [],
  path: [],
  atTarget: { year: 2027, value, low, high },
  uncertain: false,
  level: 0.8,
});

describe("the t multiplier of an 80% band", () => {
  it("matches the closed forms for 1 and 2 degrees of freedom, and the normal far out", () => {
    expect(tQuantile90(1)).toBeCloseTo(Math.tan(0.4 * Math.PI), 5); // Cauchy: tan(π(p − ½))
    expect(tQuantile90(2)).toBeCloseTo(0.8 * Math.sqrt(2 / (4 * 0.9 * 0.1)), 5); // (2p − 1)·√(2 / 4p(1 − p))
    expect(tQuantile90(30)).toBeCloseTo(1.310415, 5);
    expect(tQuantile90(31)).toBeLessThan(tQuantile90(30));
    expect(tQuantile90(31)).toBeGreaterThan(1.2816);
    expect(tQuantile90(1e6)).toBeCloseTo(1.281552, 5);
    expect(tQuantile90(0)).toBeNaN();
  });

  it("each tabulated value leaves 10% in the upper tail (numerical integral of the density)", () => {
    // Simpson's rule on Student's density from 0 to t: the area must be 0.4.
    const density = (df: number) => {
      const c = Math.exp(lgamma((df + 1) / 2) - lgamma(df / 2)) / Math.sqrt(df * Math.PI);
      return (x: number) => c * (1 + (x * x) / df) ** (-(df + 1) / 2);
    };
    for (const df of [3, 4, 5, 8, 12, 20, 30]) {
      const f = density(df);
      const t = tQuantile90(df);
      const n = 2000;
      const h = t / n;
      let area = f(0) + f(t);
      for (let i = 1; i < n; i++) area += (i % 2 ? 4 : 2) * f(i * h);
      expect((area * h) / 3, `df ${df}`).toBeCloseTo(0.4, 5);
    }
  });
});

/** ln Γ by Lanczos (g = 7), for the test's density only. */
function lgamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = g[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

describe("the projection", () => {
  it("computes the standard 80% prediction interval, widening with the distance (worked by hand)", () => {
    // An amount with a zero in it: linear. Years 2023–2025 at 0, 2, 1: x = −2, −1, 0 (from 2025),
    // x̄ = −1, Sxx = 2, slope 0.5, intercept 1.5; fitted 0.5, 1, 1.5; residuals −0.5, 1, −0.5; SSR 1.5, s = √1.5.
    // 2027 (x = 2): 2.5 ± t(1) · s · √(1 + 1/3 + 3²/2) = 2.5 ± 3.077684 · 1.224745 · 2.415229 = 2.5 ± 9.103912.
    const p = project(
      ind(AMOUNT),
      [
        { year: 2023, value: 0 },
        { year: 2024, value: 2 },
        { year: 2025, value: 1 },
      ],
      2027,
    );
    expect(p?.method).toBe("linear");
    expect(p?.uncertain).toBe(false);
    expect(p?.atTarget.value).toBeCloseTo(2.5, 10);
    expect(p?.atTarget.low).toBeCloseTo(2.5 - 9.103912, 5);
    expect(p?.atTarget.high).toBeCloseTo(2.5 + 9.103912, 5);
    // 2026 (x = 1): 2 ± 3.077684 · 1.224745 · √(1 + 1/3 + 2) = 2 ± 3.077684 · √5 = 2 ± 6.881915: narrower, one year nearer.
    const y2026 = p?.path.find((b) => b.year === 2026);
    expect(y2026?.high).toBeCloseTo(2 + 6.881915, 5);
    expect(p?.path.map((b) => b.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
  });

  it("fits amounts with constant growth (log-linear) and carries the band back through exp", () => {
    // Exactly +10% a year: the fit is exact, 161.051 × 1.1² = 194.87171 in 2027, and a zero-width band.
    const p = project(
      ind(AMOUNT),
      [100, 110, 121, 133.1, 146.41, 161.051].map((value, i) => ({ year: 2020 + i, value })),
      2027,
    );
    expect(p?.method).toBe("log-linear");
    expect(p?.atTarget.value).toBeCloseTo(194.87171, 6);
    expect(p?.atTarget.low).toBeCloseTo(194.87171, 6);
    // The same in logs with one value off the line: the band is asymmetric in value (wider above), as growth is.
    const noisy = project(
      ind(AMOUNT),
      [100, 110, 125, 133.1, 146.41, 161.051].map((value, i) => ({ year: 2020 + i, value })),
      2027,
    );
    if (!noisy) throw new Error("projection");
    const { value, low, high } = noisy.atTarget;
    expect(low).toBeLessThan(value);
    expect(high - value).toBeGreaterThan(value - low);
    expect(Math.log(high) - Math.log(value)).toBeCloseTo(Math.log(value) - Math.log(low), 10);
  });

  it("fits rates with a logistic S-curve that bends towards 100, where a straight line would cross it", () => {
    // 100 / (1 + e^−(0.5 x)), x = −5…0 for 2020–2025: 7.59 … 50. In 2030 (x = 5): 100 / (1 + e^−2.5) = 92.414.
    const values = [-5, -4, -3, -2, -1, 0].map((x, i) => ({ year: 2020 + i, value: 100 / (1 + Math.exp(-0.5 * x)) }));
    const p = project(ind(RATE), values, 2030);
    expect(p?.method).toBe("logistic");
    expect(p?.atTarget.value).toBeCloseTo(92.414, 3);
    // A target of 95 in 2030 is off course on the S-curve; the straight line through the last two (≈ +12.25 pp a year) would pass 100.
    const progress = targetProgress(ind(RATE), target("2030", 95), obs(P, { 2020: values[0].value, 2025: 50 }));
    if (!progress || !p) throw new Error("fixture");
    expect(outlookOf(ind(RATE), progress, p)).toBe("off-course");
  });

  it("uses a straight line for rates pinned at a bound (the logit would say nothing) and keeps it within 0–100", () => {
    const p = project(
      ind(RATE),
      [99.6, 99.8, 99.9, 100].map((value, i) => ({ year: 2022 + i, value })),
      2030,
    );
    expect(p?.method).toBe("linear");
    expect(p?.atTarget.value).toBe(100);
    expect(p?.atTarget.high).toBe(100);
  });

  it("with two points fits a straight line and says it cannot measure the spread", () => {
    const p = project(
      ind(AMOUNT),
      [
        { year: 2024, value: 100 },
        { year: 2025, value: 110 },
      ],
      2027,
    );
    expect(p?.method).toBe("linear");
    expect(p?.uncertain).toBe(true);
    expect(p?.atTarget).toEqual({ year: 2027, value: 130, low: 130, high: 130 });
    expect(project(ind(AMOUNT), [{ year: 2025, value: 110 }], 2027)).toBeNull();
  });

  it("fits the latest six values, skipping nulls and quarters", () => {
    const a = assessTarget(ind(AMOUNT), target("2027", 300), [
      ...obs(P, { 2017: 50, 2018: 60, 2019: 70, 2020: 80, 2021: null, 2022: 100, 2023: 110, 2024: 120, 2025: 130 }),
      ...obs(P, { "2025Q1": 1, "2025Q2": 2 }),
    ]);
    expect(a?.projection?.fittedOn.map((x) => x.year)).toEqual([2019, 2020, 2022, 2023, 2024, 2025]);
  });
});

describe("the outlook by the target year", () => {
  const progress = (direction: "higher" | "lower", goal: number) => {
    const p = targetProgress(ind(RATE, direction), target("2027", goal), obs(P, { 2020: 100, 2025: 100 }));
    if (!p) throw new Error("fixture");
    return p;
  };
  const projection = band(100, 90, 110);

  it("higher is better: on course if the worse end meets the target, at risk if only the centre or the better end does, else off course", () => {
    expect(outlookOf(ind(RATE), progress("higher", 101), band(110, 105, 115))).toBe("on-course");
    expect(outlookOf(ind(RATE), progress("higher", 101), band(102, 95, 109))).toBe("at-risk");
    expect(outlookOf(ind(RATE), progress("higher", 105), projection)).toBe("at-risk"); // the better end (110) meets it, the centre does not
    expect(outlookOf(ind(RATE), progress("higher", 115), projection)).toBe("off-course");
  });

  it("lower is better: every comparison mirrored", () => {
    expect(outlookOf(ind(RATE, "lower"), progress("lower", 99), band(90, 85, 95))).toBe("on-course");
    expect(outlookOf(ind(RATE, "lower"), progress("lower", 99), band(97, 92, 104))).toBe("at-risk");
    expect(outlookOf(ind(RATE, "lower"), progress("lower", 95), projection)).toBe("at-risk"); // the better end (90) meets it
    expect(outlookOf(ind(RATE, "lower"), progress("lower", 85), projection)).toBe("off-course");
  });

  it("an amount growing about 10% a year is on course for a target that needs 2.8% a year", () => {
    // 100 … 161 (2020–2025, ±2% noise), 2027 target 170: needs (170 / 161)^(1/2) − 1 = 2.8% a year from 2025.
    const a = assessTarget(
      ind(AMOUNT),
      target("2027", 170),
      obs(P, { 2020: 100, 2021: 112, 2022: 119, 2023: 134, 2024: 145, 2025: 161 }),
    );
    expect(a?.projection?.method).toBe("log-linear");
    expect(a?.progress.verdict).toBe("on-track");
    expect(a?.outlook).toBe("on-course");
    expect(a?.effort.needed).toBeCloseTo(((170 / 161) ** 0.5 - 1) * 100, 10);
  });

  it("a lower-is-better amount falling 10% a year is on course to 50 by 2027, off course to 40", () => {
    const data = obs(P, { 2020: 100, 2021: 90, 2022: 81, 2023: 72.9, 2024: 65.61, 2025: 59.049 });
    // 2027: 59.049 × 0.81 = 47.83.
    const on = assessTarget(ind(AMOUNT, "lower"), target("2027", 50), data);
    expect(on?.projection?.atTarget.value).toBeCloseTo(47.82969, 4);
    expect(on?.outlook).toBe("on-course");
    expect(assessTarget(ind(AMOUNT, "lower"), target("2027", 40), data)?.outlook).toBe("off-course");
  });

  it("a target already reached is achieved, whatever the trend", () => {
    const a = assessTarget(ind(RATE), target("2027", 60), obs(P, { 2020: 70, 2021: 68, 2022: 66, 2023: 64, 2024: 62, 2025: 61 }));
    expect(a?.progress.verdict).toBe("achieved");
    expect(a?.outlook).toBe("achieved");
  });

  it("a target year already passed: the target year's value decides (achieved, else off course)", () => {
    const missed = assessTarget(
      ind(RATE),
      target("2023", 95, P, { period: "2020", value: 85 }),
      obs(P, { 2018: 80, 2023: 93, 2025: 97 }),
    );
    expect(missed?.progress.latest).toEqual({ period: "2023", value: 93 });
    expect(missed?.outlook).toBe("off-course");
    expect(missed?.effort.needed).toBeNull();
    expect(missed?.effort.yearsLeft).toBe(0);
    const met = assessTarget(ind(RATE), target("2023", 90), obs(P, { 2018: 80, 2023: 93, 2025: 85 }));
    expect(met?.outlook).toBe("achieved");
  });

  it("with one value and a plan base: progress, no projection, no outlook", () => {
    const a = assessTarget(ind(RATE), target("2027", 90, P, { period: "2024", value: 70 }), obs(P, { 2025: 75 }));
    expect(a?.progress.verdict).toBe("behind");
    expect(a?.projection).toBeNull();
    expect(a?.outlook).toBeNull();
  });
});

describe("the effort gap and the target trajectory", () => {
  it("a rate: 5 pp a year needed from 60 (2025) to 70 (2027), 4 pp a year achieved from 40 (2020)", () => {
    const a = assessTarget(ind(RATE), target("2027", 70), obs(P, { 2020: 40, 2023: 50, 2025: 60 }));
    expect(a?.effort).toEqual({ unit: "pp", needed: 5, achieved: 4, yearsLeft: 2 });
    // The trajectory: straight from 40 (2020) to 70 (2027), 30/7 pp a year.
    expect(a?.trajectory).toHaveLength(8);
    expect(a?.trajectory[7]).toEqual({ year: 2027, value: 70 });
    expect(a?.trajectory[1].value).toBeCloseTo(40 + 30 / 7, 10);
  });

  it("an amount: 10% a year needed from 100 (2025) to 121 (2027), 11.1% achieved from 81 (2023)", () => {
    const a = assessTarget(ind(AMOUNT), target("2027", 121), obs(P, { 2023: 81, 2024: 90, 2025: 100 }));
    expect(a?.effort.unit).toBe("pct");
    expect(a?.effort.needed).toBeCloseTo(10, 10);
    expect(a?.effort.achieved).toBeCloseTo((Math.sqrt(100 / 81) - 1) * 100, 10);
    // Constant growth from 81 to 121 over four years: ×(121/81)^(1/4) = 1.10554 a year.
    expect(a?.trajectory.map((x) => x.value)).toEqual([
      81,
      expect.closeTo(81 * (121 / 81) ** 0.25, 8),
      expect.closeTo(81 * (121 / 81) ** 0.5, 8),
      expect.closeTo(81 * (121 / 81) ** 0.75, 8),
      121,
    ]);
  });

  it("needs no growth rate for an amount at zero", () => {
    const a = assessTarget(ind(AMOUNT), target("2027", 10), obs(P, { 2023: 0, 2025: 0 }));
    expect(a?.effort.needed).toBeNull();
    expect(a?.effort.achieved).toBeNull();
  });
});

describe("assessing the catalogue", () => {
  it("assesses every target of the region, catalogue order, each indicator's targets by year; none of a base figure", () => {
    const rate = ind(RATE, "higher", [target("2027", 80), target("2025", 70), target("2027", 50, "440100")]);
    const base = { ...ind(AMOUNT, "higher", [target("2027", 1)]), id: "gdp", context: true };
    const list = assessTargets(
      [rate, base],
      new Map([
        ["rate", obs(P, { 2020: 50, 2025: 66 })],
        ["gdp", obs(P, { 2020: 1, 2025: 2 })],
      ]),
      P,
    );
    expect(list.map((a) => [a.indicator.id, a.target.period])).toEqual([
      ["rate", "2025"],
      ["rate", "2027"],
    ]);
  });
});

describe("where we are behind: progress, not level", () => {
  const region = (code: string): Region => ({
    code,
    level: "city",
    parent: P,
    name: { zh: code, en: code },
    zone: "prd",
    kind: null,
  });
  const rate = ind(RATE);
  const count = { ...ind(AMOUNT), id: "count", unit: { zh: "个", en: "units" } };
  // Province paths to 2030: the rate 10 → 20, straight (14 in 2024, +4 pp); the count 100 → 200,
  // constant growth (100 · 2^0.4 = 131.95 in 2024, ×1.3195).
  const rateProgress = targetProgress(rate, target("2030", 20), obs(P, { 2020: 10, 2024: 14 }));
  const countProgress = targetProgress(count, target("2030", 200), obs(P, { 2020: 100, 2024: 140 }));
  if (!rateProgress || !countProgress) throw new Error("fixture");

  it("a low-level region gaining fast is not behind; a high-level one sliding is", () => {
    const data = [...obs("LOW", { 2020: 2, 2024: 7 }), ...obs("HIGH", { 2020: 40, 2024: 39 })];
    const low = regionProgress(rate, rateProgress, data, "LOW");
    expect(low).toMatchObject({ level: 7, levelPeriod: "2024", gap: 1, unit: "pp", against: "province-path", behind: false });
    const high = regionProgress(rate, rateProgress, data, "HIGH");
    // −1 pp against the path's +4: 5 pp short, 125% of the asked progress missing.
    expect(high).toMatchObject({ level: 39, gap: -5, behind: true, relative: -1.25 });
  });

  it("amounts by growth against the path's constant growth, in % of the region's baseline", () => {
    const data = obs("B", { 2020: 10, 2024: 12 });
    const b = regionProgress(count, countProgress, data, "B");
    // ×1.2 against ×1.319508: 11.95% of its baseline short; 0.1195 / 0.3195 = 37.4% of the asked growth missing.
    expect(b?.unit).toBe("pct");
    expect(b?.gap).toBeCloseTo(-11.9508, 3);
    expect(b?.relative).toBeCloseTo(-0.119508 / 0.319508, 4);
    expect(b?.behind).toBe(true);
  });

  it("judges a region against its own target where the catalogue gives one, not the province's path", () => {
    // Own target: 20 (2020) → 25 (2030), so 22 in 2024; at 23 it is on track, though +3 pp is short of the province's +4.
    const withOwn = { ...rate, targets: [target("2030", 25, "E"), target("2020", 21, "E")] };
    const data = obs("E", { 2020: 20, 2024: 23 });
    const e = regionProgress(withOwn, rateProgress, data, "E");
    expect(e).toMatchObject({ against: "own-target", behind: false, gap: 1, level: 23 });
    expect(e?.target.period).toBe("2030"); // the nearest target not yet passed, not 2020's
    expect(regionProgress(rate, rateProgress, data, "E")).toMatchObject({ against: "province-path", behind: true, gap: -1 });
    // Short of its own path: behind.
    expect(regionProgress(withOwn, rateProgress, obs("E", { 2020: 20, 2024: 21.5 }), "E")).toMatchObject({
      against: "own-target",
      behind: true,
      gap: -0.5,
    });
  });

  it("has no judgment without values, and a level without a baseline", () => {
    expect(regionProgress(rate, rateProgress, obs("X", { 2020: null, 2024: null }), "X")).toBeNull();
    expect(regionProgress(rate, rateProgress, obs("X", { 2024: 30 }), "X")).toMatchObject({
      level: 30,
      gap: null,
      behind: false,
    });
  });

  it("ranks by how many indicators a region is behind on, then by the share of the asked progress it misses", () => {
    const rows = shortfalls(
      [region("A"), region("B"), region("C"), region("D"), region("N")],
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
    // A: +2 pp (half the asked +4 missing: −0.5), ×1.5 ahead. B: +8 pp ahead (though below the path's level), ×1.2 (−0.374).
    // C: ahead on both. D: −1 pp (−1.25), ×1.1 (−0.687). N: no data.
    expect(rows.map((r) => [r.region.code, r.behindOn, r.of, r.worst.indicator.id])).toEqual([
      ["D", 2, 2, "rate"],
      ["A", 1, 2, "rate"],
      ["B", 1, 2, "count"],
    ]);
    expect(rows[0].worst.gap).toBe(-5);
    expect(rows[2].worst.gap).toBeCloseTo(-11.9508, 3);
    expect(
      shortfalls([region("C")], [{ indicator: rate, progress: rateProgress, observations: obs("C", { 2020: 5, 2024: 15 }) }]),
    ).toEqual([]);
  });
});

describe("key findings", () => {
  it("counts targets by outlook, names the regions behind on the most, counts warnings by kind", () => {
    const make = (id: string, period: string, outlook: TargetAssessment["outlook"]) =>
      ({ indicator: { ...ind(), id }, target: target(period, 1), outlook }) as TargetAssessment;
    const region = (code: string) => ({ code }) as Region;
    const findings = keyFindings(
      [make("a", "2025", "achieved"), make("b", "2027", "off-course"), make("c", "2027", null), make("d", "2027", "off-course")],
      [
        { region: region("X"), behindOn: 3, of: 4, worst: {} as never },
        { region: region("Y"), behindOn: 3, of: 3, worst: {} as never },
        { region: region("Z"), behindOn: 1, of: 4, worst: {} as never },
      ],
      [{ kind: "outlier" }, { kind: "vanished" }, { kind: "outlier" }] as Warning[],
    );
    expect(findings.outlooks).toEqual({
      achieved: [{ indicator: "a", period: "2025" }],
      "on-course": [],
      "at-risk": [],
      "off-course": [
        { indicator: "b", period: "2027" },
        { indicator: "d", period: "2027" },
      ],
    });
    expect(findings.unjudged).toBe(1);
    expect(findings.mostBehind).toEqual([
      { region: "X", behindOn: 3, of: 4 },
      { region: "Y", behindOn: 3, of: 3 },
    ]);
    expect(findings.warnings).toEqual({ total: 3, byKind: { outlier: 2, reversal: 0, vanished: 1 } });
    expect(keyFindings([], [], []).mostBehind).toEqual([]);
  });
});

describe("never NaN or Infinity (property)", () => {
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const years = fc.dictionary(fc.integer({ min: 2015, max: 2030 }).map(String), fc.option(value, { nil: null }), {
    maxKeys: 12,
  });
  it("assessTarget and regionProgress hand every view finite numbers", () => {
    fc.assert(
      fc.property(
        years,
        years,
        fc.integer({ min: 2016, max: 2035 }),
        value,
        fc.boolean(),
        fc.constantFrom("higher", "lower") as fc.Arbitrary<"higher" | "lower">,
        (data, other, year, goal, rate, direction) => {
          const i = ind(rate ? RATE : AMOUNT, direction);
          const t = target(String(year), goal);
          const a = assessTarget(i, t, obs(P, data));
          if (!a) return;
          const numbers = [
            a.progress.expected,
            ...a.trajectory.map((x) => x.value),
            ...(a.projection ? a.projection.path.flatMap((b) => [b.value, b.low, b.high]) : []),
            ...(a.projection ? [a.projection.atTarget.value, a.projection.atTarget.low, a.projection.atTarget.high] : []),
            a.effort.needed ?? 0,
            a.effort.achieved ?? 0,
          ];
          for (const x of numbers) expect(Number.isFinite(x)).toBe(true);
          if (a.projection) {
            for (const b of a.projection.path) expect(b.low <= b.value && b.value <= b.high).toBe(true);
          }
          const r = regionProgress(i, a.progress, obs("R", other), "R");
          for (const x of [r?.gap, r?.relative, r?.level]) if (typeof x === "number") expect(Number.isFinite(x)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

type TargetAssessment = import("../../src/domain/assessment").TargetAssessment;
