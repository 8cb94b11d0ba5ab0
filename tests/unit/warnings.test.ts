import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicator, Observation, Region } from "../../src/api/contract";
import { detectWarnings, robustCentre, type Warning } from "../../src/domain/warnings";

const ind = (id: string, opts: Partial<Indicator> = {}): Indicator => ({
  id,
  pillar: "industry",
  name: { zh: id, en: id },
  unit: { zh: "%", en: "%" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province", "city"],
  aggregation: { method: "weighted-mean", weight: "w" },
  decimals: 1,
  targets: [],
  ...opts,
});
const amount = (id: string, opts: Partial<Indicator> = {}) =>
  ind(id, { unit: { zh: "亿元", en: "100 million yuan" }, aggregation: { method: "sum" }, ...opts });

const P = "440000";
const CITIES = ["C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7"];
const REGIONS: Region[] = [
  { code: P, level: "province", parent: null, name: { zh: "省", en: "P" }, zone: null, kind: null },
  ...CITIES.map((code): Region => ({ code, level: "city", parent: P, name: { zh: code, en: code }, zone: "prd", kind: null })),
];
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Small fixed noise, so that peers are not identical: ±0.2 by city and year. */
const jitter = (c: number, y: number) => [0, 0.1, -0.1, 0.2, -0.2][(c * 3 + y) % 5];
const round = (x: number, d = 1) => Number(x.toFixed(d));

/** Every city's annual values from `value(city index, year)`, and the province's (their mean). */
function panel(value: (c: number, year: number) => number | null): Observation[] {
  const out: Observation[] = [];
  for (const y of YEARS) {
    const vs = CITIES.map((_, c) => value(c, y));
    CITIES.forEach((code, c) => {
      out.push({ region: code, period: String(y), value: vs[c], status: "final" });
    });
    const known = vs.filter((v): v is number => v !== null);
    out.push({ region: P, period: String(y), value: round(known.reduce((s, v) => s + v, 0) / known.length), status: "final" });
  }
  return out;
}
/** A rate gaining about 1 pp a year in every city (jittered), from 20 + c. */
const steady = (c: number, y: number) => round(20 + c + (y - 2018) + jitter(c, y));
const detect = (i: Indicator, data: Observation[], options?: { z?: number }) =>
  detectWarnings([i], new Map([[i.id, data]]), REGIONS, options);
const only = (ws: Warning[], kind: Warning["kind"]) => ws.filter((w) => w.kind === kind);

describe("robust centre", () => {
  it("is the median and 1.4826 × MAD, never below the floor", () => {
    // Median 2; deviations 1, 0, 0, 1, 98 → MAD 1.
    expect(robustCentre([1, 2, 2, 3, 100], 0)).toEqual({ centre: 2, spread: 1.4826 });
    expect(robustCentre([5, 5, 5, 5], 0.5)).toEqual({ centre: 5, spread: 0.5 });
  });
});

describe("outliers: a change unusual against its own history and its peers that year", () => {
  it("flags a statistical break: +12 pp in one year where the city and its peers gain about 1", () => {
    const data = panel((c, y) => steady(c, y) + (c === 3 && y >= 2022 ? 12 : 0));
    const ws = detect(ind("rate"), data);
    expect(ws).toHaveLength(1);
    const [w] = ws;
    expect(w).toMatchObject({ kind: "outlier", indicator: "rate", region: "C3", period: "2022" });
    expect(w.params.unit).toBe("pp");
    expect(w.params.previous).toBe(steady(3, 2021));
    expect(w.params.current).toBe(steady(3, 2022) + 12);
    expect(w.params.change).toBeCloseTo(steady(3, 2022) + 12 - steady(3, 2021), 10);
    expect(Math.abs(Number(w.params.z))).toBeGreaterThan(3.5);
    expect(w.severity).toBeCloseTo(Math.abs(Number(w.params.z)) / 3.5, 10);
    // A higher threshold lets it pass.
    expect(detect(ind("rate"), data, { z: 100 })).toEqual([]);
  });

  it("flags an entry slip in an amount (ten times the value for one year): the jump and the fall back", () => {
    const value = (c: number, y: number) => round((100 + 10 * c) * 1.08 ** (y - 2018) * (1 + jitter(c, y) / 10));
    const data = panel((c, y) => value(c, y) * (c === 2 && y === 2023 ? 10 : 1));
    const ws = only(detect(amount("amount"), data), "outlier");
    expect(ws.map((w) => [w.region, w.period, Math.sign(Number(w.params.change))])).toEqual(
      expect.arrayContaining([
        ["C2", "2023", 1],
        ["C2", "2024", -1],
      ]),
    );
    expect(ws).toHaveLength(2);
    const up = ws.find((w) => w.period === "2023");
    expect(up?.params.unit).toBe("pct");
    expect(up?.params.change).toBeCloseTo(((value(2, 2023) * 10) / value(2, 2022) - 1) * 100, 6);
  });

  it("does not warn on steady growth", () => {
    expect(detect(ind("rate"), panel(steady))).toEqual([]);
    expect(
      detect(
        ind("rate"),
        panel((c, y) => 20 + c + (y - 2018)),
      ),
    ).toEqual([]); // identical changes: MAD 0
    expect(
      detect(
        amount("amount"),
        panel((c, y) => round((100 + c) * 1.1 ** (y - 2018))),
      ),
    ).toEqual([]);
  });

  it("does not warn on a peer that is always noisy: unusual against its peers, not against its own history", () => {
    const swings = [0, 6, -4, 7, -3, 6, -5, 5];
    const data = panel((c, y) => (c === 5 ? round(40 + swings.slice(0, y - 2017).reduce((s, x) => s + x, 0)) : steady(c, y)));
    expect(only(detect(ind("rate"), data), "outlier")).toEqual([]);
  });

  it("does not warn on a jump every region makes (a change of definition, a policy): unusual for each, not among peers", () => {
    expect(
      detect(
        ind("rate"),
        panel((c, y) => steady(c, y) + (y >= 2022 ? 10 : 0)),
      ),
    ).toEqual([]);
  });

  it("does not warn on small figures whose change is within rounding (0.1 → 0.2 is not +100%)", () => {
    const tiny = [0.1, 0.1, 0.2, 0.1, 0.2, 0.2, 0.1, 0.2];
    const data = panel((c, y) => (c === 4 ? tiny[y - 2018] : round((100 + c) * 1.08 ** (y - 2018) * (1 + jitter(c, y) / 10))));
    expect(only(detect(amount("amount"), data), "outlier")).toEqual([]);
  });
});

describe("reversals: worse two years running", () => {
  const falling = (last: number[]) => (c: number, y: number) => (c === 1 && y >= 2023 ? last[y - 2023] : steady(c, y));

  it("flags a higher-is-better series that fell in each of its last two years", () => {
    // C1: 25 in 2022 (steady), then 25.5, 25.2, 24.9: small falls, so no outlier, but two in a row.
    const ws = detect(ind("rate"), panel(falling([25.5, 25.2, 24.9])));
    expect(ws).toEqual([
      {
        kind: "reversal",
        indicator: "rate",
        region: "C1",
        period: "2025",
        severity: 1,
        params: { since: 2023, from: 25.5, to: 24.9, change: expect.closeTo(-0.6, 10), unit: "pp", years: 2 },
      },
    ]);
  });

  it("mirrors for lower-is-better: rising two years running", () => {
    // Every city falls (improves) by about 1 a year; C1 rises from 34 (2023) to 34.3 and 34.6.
    const data = panel((c, y) => (c === 1 && y >= 2024 ? [34.3, 34.6][y - 2024] : round(40 - c - (y - 2018) + jitter(c, y))));
    expect(detect(ind("rate", { direction: "lower" }), data).map((w) => [w.kind, w.region, w.period, w.params.years])).toEqual([
      ["reversal", "C1", "2025", 2],
    ]);
    expect(detect(ind("rate"), data).filter((w) => w.kind === "reversal" && w.region === "C1")).toEqual([]);
  });

  it("does not warn on a fall of one year, a fall within rounding, or a decline since recovered", () => {
    expect(detect(ind("rate"), panel(falling([25.5, 25.7, 25.4])))).toEqual([]);
    // Falls of 0.03 with one decimal: smaller than half a unit of the last decimal.
    expect(detect(ind("rate"), panel(falling([25.5, 25.47, 25.44])))).toEqual([]);
    const recovered = panel((c, y) => (c === 1 ? [30, 29, 28, 29, 30, 31, 32, 33][y - 2018] : steady(c, y)));
    expect(only(detect(ind("rate"), recovered), "reversal")).toEqual([]);
  });
});

describe("vanished: reported, then no longer while others still report", () => {
  it("flags a city whose figures stop after 2022 while its peers report to 2025", () => {
    const ws = detect(
      ind("rate"),
      panel((c, y) => (c === 6 && y > 2022 ? null : steady(c, y))),
    );
    expect(only(ws, "vanished")).toEqual([
      {
        kind: "vanished",
        indicator: "rate",
        region: "C6",
        period: "2023",
        severity: 3,
        params: { last: 2022, lastValue: steady(6, 2022), years: 3 },
      },
    ]);
  });

  it("does not warn on a series that ends for every region (a discontinued indicator), nor on a region never reported", () => {
    expect(
      detect(
        ind("rate"),
        panel((c, y) => (y > 2023 ? null : steady(c, y))),
      ),
    ).toEqual([]);
    const never = panel((c, y) => (c === 7 ? null : steady(c, y)));
    expect(detect(ind("rate"), never)).toEqual([]);
  });
});

describe("scope and order", () => {
  it("never warns on a base figure (context), nor on regions outside the list, nor on quarters", () => {
    const broken = panel((c, y) => (c === 3 && y >= 2022 ? steady(c, y) + 12 : c === 6 && y > 2022 ? null : steady(c, y)));
    expect(detect(ind("gdp", { context: true }), broken)).toEqual([]);
    expect(detectWarnings([ind("rate")], new Map([["rate", broken]]), REGIONS.slice(0, 3))).toEqual([]);
    const quarters = broken.map((o) => ({ ...o, period: `${o.period}Q1` }));
    expect(detect(ind("rate"), quarters)).toEqual([]);
  });

  it("sorts the most severe first, across kinds and indicators", () => {
    const a = ind("a");
    const b = ind("b");
    const ws = detectWarnings(
      [a, b],
      new Map([
        ["a", panel((c, y) => (c === 1 && y >= 2023 ? [25.5, 25.2, 24.9][y - 2023] : steady(c, y)))], // reversal, severity 1
        ["b", panel((c, y) => (c === 3 && y >= 2022 ? steady(c, y) + 12 : c === 6 && y > 2022 ? null : steady(c, y)))],
      ]),
      REGIONS,
    );
    const severities = ws.map((w) => w.severity);
    expect(severities).toEqual([...severities].sort((x, y) => y - x));
    expect(ws.map((w) => w.kind)).toEqual(["outlier", "vanished", "reversal"]);
  });

  it("hands the sentence finite numbers, whatever the data (property)", () => {
    const value = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 8, maxLength: 8 }), { minLength: 9, maxLength: 9 }),
        fc.boolean(),
        (grid, rate) => {
          const data = REGIONS.flatMap((r, i) =>
            YEARS.map((y, k) => ({ region: r.code, period: String(y), value: grid[i][k], status: "final" as const })),
          );
          for (const w of detect(rate ? ind("x") : amount("x"), data, { z: 2 })) {
            expect(Number.isFinite(w.severity)).toBe(true);
            for (const v of Object.values(w.params)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
