import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../mock/catalogue";
import { isRatio } from "../../mock/catalogue-types";
import { apportion, FIRST_YEAR, generateDataset, IRREGULARITIES, LAST_YEAR } from "../../mock/generate";
import { snapshotFiles } from "../../mock/snapshot";
import { PILLARS, type Target } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { aggregate, roundTo } from "../../src/domain/aggregate";
import { isRate } from "../../src/domain/measure";
import { dataset } from "../support/msw";

const ulp = (decimals: number) => 10 ** -decimals;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));
const value = (id: string, region: string, period: string) =>
  dataset.observations.get(id)?.find((o) => o.region === region && o.period === period)?.value;
/** The straight-line verdict from the plan's base: the judged value against the path in its year. */
const verdict = (id: string, t: Target, year: string) => {
  const v = value(id, t.region, year) as number;
  const base = t.base?.value ?? (value(id, t.region, t.base?.period as string) as number);
  const [y0, yT, y] = [Number(t.base?.period), Number(t.period), Number(year)];
  const path = base + ((t.value - base) * (y - y0)) / (yT - y0);
  return v >= t.value ? "achieved" : v >= path ? "on-track" : "behind";
};

describe("simulated dataset", () => {
  it("is the same bytes on every run", () => {
    const again = generateDataset();
    const a = JSON.stringify([...snapshotFiles(dataset)]);
    expect(JSON.stringify([...snapshotFiles(again)])).toBe(a);
    // …and a different seed really changes it (the determinism test could not pass by accident).
    expect(JSON.stringify([...snapshotFiles(generateDataset({ seed: "other" }))])).not.toBe(a);
  });

  it("has the real region tree: 1 province, 21 cities, 122 county-level divisions", () => {
    const count = (level: string) => dataset.regions.filter((r) => r.level === level).length;
    expect([count("province"), count("city"), count("county")]).toEqual([1, 21, 122]);
    // Dongguan and Zhongshan stand in for themselves at county level: 124 units, like the map.
    expect(regionsAtLevel(dataset.regions, "county")).toHaveLength(124);
    expect(dataset.regions.find((r) => r.code === "440106")?.name).toEqual({ zh: "天河区", en: "Tianhe District" });
  });

  it("has at least 32 indicators, 4 per pillar, and 4 quarterly ones", () => {
    const measures = dataset.indicators.filter((i) => !i.context);
    expect(measures.length).toBeGreaterThanOrEqual(32);
    for (const p of PILLARS) expect(measures.filter((i) => i.pillar === p).length, p).toBeGreaterThanOrEqual(4);
    expect(measures.filter((i) => i.frequency === "quarterly").length).toBeGreaterThanOrEqual(4);
  });

  it("covers every region at every level an indicator exists at, for every period", () => {
    for (const ind of dataset.indicators) {
      const obs = dataset.observations.get(ind.id) ?? [];
      const have = new Set(obs.map((o) => `${o.region}@${o.period}`));
      const periods = ind.frequency === "quarterly" ? YEARS.flatMap((y) => [y, `${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`]) : YEARS;
      for (const level of ind.levels) {
        for (const r of regionsAtLevel(dataset.regions, level)) {
          for (const p of periods) expect(have.has(`${r.code}@${p}`), `${ind.id} ${r.code} ${p}`).toBe(true);
        }
      }
      expect(obs.length).toBe(have.size); // no duplicates
    }
  });

  it("aggregates counties to cities and cities to the province exactly, by each indicator's rule", () => {
    const ratios = new Set(CATALOGUE.filter((s) => isRatio(s.sim)).map((s) => s.id));
    let checked = 0;
    const cityCodes = dataset.regions.filter((r) => r.level === "city").map((r) => r.code);
    for (const ind of dataset.indicators) {
      if (ind.levels.length < 2) continue;
      const obs = new Map((dataset.observations.get(ind.id) ?? []).map((o) => [`${o.region}@${o.period}`, o.value]));
      const weights =
        ind.aggregation.method === "weighted-mean"
          ? new Map((dataset.observations.get(ind.aggregation.weight) ?? []).map((o) => [`${o.region}@${o.period}`, o.value]))
          : undefined;
      const families: [string, string[]][] = [["440000", cityCodes]];
      if (ind.levels.includes("county")) {
        for (const c of cityCodes) {
          const kids = dataset.regions.filter((r) => r.parent === c).map((r) => r.code);
          if (kids.length) families.push([c, kids]);
        }
      }
      const periods = new Set((dataset.observations.get(ind.id) ?? []).map((o) => o.period));
      for (const [parent, kids] of families) {
        for (const p of periods) {
          const parts = kids.map((k) => ({ value: obs.get(`${k}@${p}`) ?? null, weight: weights?.get(`${k}@${p}`) ?? null }));
          const expected = obs.get(`${parent}@${p}`) ?? null;
          if (parts.some((x) => x.value === null)) {
            // A withheld child still counts in its parent (contract): only sums can be bounded.
            continue;
          }
          const got = aggregate(parts, ind.aggregation);
          if (ratios.has(ind.id) && got !== null && expected !== null) {
            // A ratio's parent is Σ numerator ÷ Σ denominator, rounded; its children's rounded
            // ratios, weighted, can differ from it by up to half a unit each way: one unit in all.
            expect(Math.abs(got - expected), `${ind.id} ${parent} ${p}`).toBeLessThanOrEqual(10 ** -ind.decimals + 1e-9);
          } else {
            expect(got === null ? null : roundTo(got, ind.decimals), `${ind.id} ${parent} ${p}`).toBe(expected);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(8_000);
  });

  it("keeps rates within 0–100 and amounts non-negative", () => {
    for (const ind of dataset.indicators) {
      for (const o of dataset.observations.get(ind.id) ?? []) {
        if (o.value === null) continue;
        expect(o.value, `${ind.id} ${o.region} ${o.period}`).toBeGreaterThanOrEqual(0);
        if (ind.unit.en === "%") expect(o.value, `${ind.id} ${o.region} ${o.period}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it("marks the last year preliminary and has a few missing values and estimates", () => {
    const all = [...dataset.observations.values()].flat();
    expect(all.filter((o) => o.period.startsWith(String(LAST_YEAR))).every((o) => o.status === "preliminary")).toBe(true);
    const nulls = all.filter((o) => o.value === null && o.period >= "2020").length;
    const early = all.filter((o) => o.value === null).length;
    expect(early).toBeGreaterThan(nulls); // missing values are mostly early county returns and not-yet-existing series
    const estimated = all.filter((o) => o.status === "estimated").length / all.length;
    expect(estimated).toBeGreaterThan(0.01);
    expect(estimated).toBeLessThan(0.08);
  });

  it("runs Pearl River Delta > wings > north, with spread between counties", () => {
    const mean = (zone: string) => {
      const vals = dataset.regions
        .filter((r) => r.level === "county" && r.zone === zone)
        .map((r) => value("core-digital-va-share", r.code, "2024") as number);
      return vals.reduce((a, b) => a + b, 0) / vals.length;
    };
    expect(mean("prd")).toBeGreaterThan(mean("east"));
    expect(mean("prd")).toBeGreaterThan(mean("west"));
    expect(Math.min(mean("east"), mean("west"))).toBeGreaterThan(mean("north"));
    const county = dataset.regions
      .filter((r) => r.level === "county")
      .map((r) => value("5g-base-stations", r.code, "2024") as number);
    expect(Math.max(...county) / Math.min(...county)).toBeGreaterThan(10);
  });

  it("serves every indicator's measure, as simulated; the % units, and only they, are rates", () => {
    expect(dataset.indicators.map((i) => i.id)).toEqual(CATALOGUE.map((s) => s.id));
    for (const ind of dataset.indicators) {
      const spec = CATALOGUE.find((s) => s.id === ind.id);
      expect(ind.measure, ind.id).toBe(spec?.sim.measure);
      expect(ind.measure === "rate", ind.id).toBe(isRate(ind));
      if (ind.frequency === "quarterly") expect(ind.measure, ind.id).not.toBe("rate");
    }
    expect(new Set(dataset.indicators.map((i) => i.measure))).toEqual(new Set(["stock", "flow", "rate"]));
  });

  it("grows over time", () => {
    for (const id of ["core-digital-va", "5g-base-stations", "online-retail-sales", "digitally-transformed-firms"]) {
      expect(value(id, "440000", "2025") as number, id).toBeGreaterThan(value(id, "440000", "2020") as number);
    }
  });
});

describe("calibration against guangdong-facts.md", () => {
  // Published figures, copied from ../shared/reference/guangdong-facts.md (not from the catalogue).
  const FACTS: [string, string, string, number][] = [
    ["5g-base-stations", "440000", "2019", 36_988],
    ["5g-base-stations", "440000", "2021", 170_000],
    ["5g-base-stations", "440300", "2020", 47_600],
    ["5g-base-stations", "440100", "2023", 91_700],
    ["digital-economy-broad", "440000", "2020", 55_000],
    ["digital-economy-broad", "440000", "2021", 59_000],
    ["digital-economy-broad", "440000", "2022", 64_100],
    ["digital-economy-broad-share", "440000", "2020", 46.8],
    ["digital-economy-broad-share", "440000", "2022", 49.7],
    ["electronic-info-mfg-revenue", "440000", "2022", 44_000],
    ["sme-transformation-funds", "440000", "2022", 24.765],
    ["yueshengshi-users", "440000", "2023", 18_400],
    ["gdp", "440000", "2023", 135_700],
    ["population", "440000", "2023", 12_706],
    ["firms-on-cloud-share", "440100", "2022", 44],
  ];
  it.each(FACTS)("%s in %s, %s ≈ %d", (id, region, period, fact) => {
    const v = value(id, region, period);
    expect(v).not.toBeNull();
    expect(Math.abs((v as number) / fact - 1)).toBeLessThan(0.03);
  });

  it("matches every province anchor of the catalogue within 1%", () => {
    for (const spec of CATALOGUE) {
      if (isRatio(spec.sim)) continue; // a ratio has no path: its parts do
      for (const [year, anchor] of Object.entries(spec.sim.anchors)) {
        const v = value(spec.id, "440000", year) as number;
        expect(Math.abs(v / anchor - 1), `${spec.id} ${year}`).toBeLessThan(0.01);
      }
    }
  });
});

describe("consistency of the simulated data", () => {
  const byId = (id: string) => CATALOGUE.find((s) => s.id === id) as (typeof CATALOGUE)[number];
  const table = (id: string) => new Map((dataset.observations.get(id) ?? []).map((o) => [`${o.region}@${o.period}`, o]));

  it("declares as a ratio every share whose numerator and denominator are in the catalogue", () => {
    const ratios = Object.fromEntries(CATALOGUE.flatMap((s) => (isRatio(s.sim) ? [[s.id, s.sim.ratio]] : [])));
    expect(ratios).toEqual({
      "core-digital-va-share": { numerator: "core-digital-va", denominator: "gdp" },
      "digital-economy-broad-share": { numerator: "digital-economy-broad", denominator: "gdp" },
      "online-retail-share": { numerator: "online-retail-sales", denominator: "retail-sales" },
    });
  });

  it("gives every share as its published numerator ÷ denominator ×100, rounded, at every level and period", () => {
    let checked = 0;
    for (const spec of CATALOGUE) {
      if (!isRatio(spec.sim)) continue;
      const [num, den] = [table(spec.sim.ratio.numerator), table(spec.sim.ratio.denominator)];
      const obs = dataset.observations.get(spec.id) ?? [];
      // Every region and year the share is published at, at every level it has.
      expect(obs.length, spec.id).toBe(
        spec.levels.reduce((n, level) => n + regionsAtLevel(dataset.regions, level).length, 0) * YEARS.length -
          (spec.levels.includes("city") && spec.levels.includes("county") ? 2 * YEARS.length : 0),
      );
      for (const o of obs) {
        const [a, b] = [num.get(`${o.region}@${o.period}`)?.value ?? null, den.get(`${o.region}@${o.period}`)?.value ?? null];
        const want = a === null || b === null ? null : roundTo((100 * a) / b, spec.decimals);
        expect(o.value, `${spec.id} ${o.region} ${o.period}: ${a} / ${b}`).toBe(want);
        if (want !== null) checked++;
      }
    }
    expect(checked).toBeGreaterThan(2_000);
  });

  it("meets every published city figure exactly, at the indicator's decimals", () => {
    let checked = 0;
    for (const spec of CATALOGUE) {
      for (const [city, byYear] of Object.entries(spec.sim.cityAnchors ?? {})) {
        for (const [year, published] of Object.entries(byYear)) {
          expect(value(spec.id, city, year), `${spec.id} ${city} ${year}`).toBe(roundTo(published, spec.decimals));
          checked++;
        }
      }
    }
    // Shenzhen's 2020 core digital share is 30.5% because its value added and GDP say so.
    expect(value("core-digital-va-share", "440300", "2020")).toBe(30.5);
    expect(
      roundTo((100 * (value("core-digital-va", "440300", "2020") as number)) / (value("gdp", "440300", "2020") as number), 1),
    ).toBe(30.5);
    expect(checked).toBeGreaterThanOrEqual(11);
  });

  it("makes the province the sum of its cities' published figures in a year every city has one", () => {
    let years = 0;
    for (const spec of CATALOGUE) {
      const anchors = Object.values(spec.sim.cityAnchors ?? {});
      const cities = regionsAtLevel(dataset.regions, "city").map((r) => r.code);
      for (const y of YEARS) {
        if (anchors.length < cities.length || anchors.some((byYear) => byYear[Number(y)] === undefined)) continue;
        const sum = anchors.reduce((s, byYear) => s + roundTo(byYear[Number(y)], spec.decimals), 0);
        expect(value(spec.id, "440000", y), `${spec.id} ${y}`).toBe(roundTo(sum, spec.decimals));
        years++;
      }
    }
    expect(years).toBeGreaterThanOrEqual(5); // GDP, 2019–2023
  });

  it("apportions parts to their rounded total, or to a total given, without going below zero", () => {
    // 1.24 + 2.27 + 3.21 = 6.72: one unit to the largest remainder.
    expect(apportion([1.24, 2.27, 3.21], 1)).toEqual([1.2, 2.3, 3.2]);
    expect(apportion([1.24, 2.27, 3.21], 1, 6.8)).toEqual([1.3, 2.3, 3.2]);
    expect(apportion([1.24, 2.27, 3.21], 1, 6.5)).toEqual([1.2, 2.2, 3.1]); // below the floors: smallest remainder gives
    const sum = (parts: number[]) =>
      roundTo(
        parts.reduce((a, b) => a + b, 0),
        1,
      );
    for (const total of [6, 6.4, 7.2, 8]) expect(sum(apportion([1.24, 2.27, 3.21], 1, total)), String(total)).toBe(total);
    expect(apportion([0.04, 0.04], 1, -0.1)).toEqual([0, 0]); // never below zero
  });

  it("keeps every part within its whole: core value added ≤ 60% of GDP, online retail ≤ 90% of retail sales", () => {
    for (const spec of CATALOGUE) {
      if (isRatio(spec.sim) || spec.sim.partOf === undefined) continue;
      const whole = table(spec.sim.partOf);
      for (const o of dataset.observations.get(spec.id) ?? []) {
        const w = whole.get(`${o.region}@${o.period}`)?.value;
        if (o.value === null || w === null || w === undefined || o.period.includes("Q")) continue;
        expect(o.value / w, `${spec.id} ${o.region} ${o.period}`).toBeLessThanOrEqual((spec.sim.max ?? 100) / 100 + 0.001);
      }
    }
  });

  // Stocks are levels (people, villages, firms, stations): a county's stock moves slowly, with
  // its province. Rounding a small count (a county's 27 villages) can move it by up to two units
  // of the last decimal more, which is all the rules below allow beyond their bounds.
  const stocks = CATALOGUE.filter((s) => s.sim.measure === "stock" && s.levels.includes("county"));
  const yoy = (id: string, level: "county" | "city") =>
    regionsAtLevel(dataset.regions, level).flatMap((r) =>
      YEARS.slice(1).flatMap((y) => {
        const [a, b] = [value(id, r.code, String(Number(y) - 1)), value(id, r.code, y)];
        const [pa, pb] = [value(id, "440000", String(Number(y) - 1)), value(id, "440000", y)];
        if (a == null || b == null || !pa || !pb || a <= 0) return [];
        return [{ at: `${id} ${r.code} ${y}: ${a} → ${b}`, a, b, province: pb / pa - 1 }];
      }),
    );

  it.each(stocks.map((s) => [s.id, s.decimals] as const))(
    "%s: no county falls more than 2% a year beyond the province",
    (id, d) => {
      const changes = yoy(id, "county");
      expect(changes.length).toBeGreaterThan(300);
      for (const c of changes) {
        // The province's own fall is allowed (villages merge, −0.1% a year); 2% more is not.
        expect(c.b, c.at).toBeGreaterThanOrEqual(c.a * (1 + Math.min(c.province, 0) - 0.02) - 2 * ulp(d));
      }
    },
  );

  it("no city stock falls more than 2% a year beyond the province either (rounding: two units a county)", () => {
    for (const spec of stocks) {
      for (const c of yoy(spec.id, "city")) {
        const counties = Math.max(1, dataset.regions.filter((r) => r.parent === c.at.split(" ")[1]).length);
        expect(c.b, c.at).toBeGreaterThanOrEqual(c.a * (1 + Math.min(c.province, 0) - 0.02) - 2 * counties * ulp(spec.decimals));
      }
    }
  });

  it("keeps context stocks plausible: population and villages −2%…+8% a year, enterprise counts within 3 points of the province", () => {
    for (const id of ["population", "admin-villages"]) {
      const d = byId(id).decimals;
      for (const c of yoy(id, "county")) {
        expect(c.b, c.at).toBeGreaterThanOrEqual(c.a * 0.98 - 2 * ulp(d));
        expect(c.b, c.at).toBeLessThanOrEqual(c.a * 1.08 + 2 * ulp(d));
      }
    }
    // Registered enterprises grow 13% a year at the province early on: a fixed band would not fit.
    for (const id of ["industrial-enterprises", "registered-enterprises"]) {
      const d = byId(id).decimals;
      for (const c of yoy(id, "county")) {
        expect(c.b, c.at).toBeGreaterThanOrEqual(c.a * (1 + c.province - 0.03) - 2 * ulp(d));
        expect(c.b, c.at).toBeLessThanOrEqual(c.a * (1 + c.province + 0.03) + 2 * ulp(d));
      }
    }
  });
});

describe("targets and the plans' bases", () => {
  // Base years from ../shared/reference/guangdong-facts.md, restated here (not read from the catalogue).
  const BASE_YEAR: Record<string, (target: string) => string> = {
    "Guangdong national digital-economy innovation pilot zone plan (2025–2027)": () => "2024",
    "National 14th Five-Year Plan for the digital economy (national target)": () => "2020",
    "Digital village development work points": (t) => String(Number(t) - 1),
    "Digital village development work points (national target)": (t) => String(Number(t) - 1),
    "Guangdong Dept. of Human Resources and Social Security, 粤人社规〔2024〕18号 (24 Sep 2024)": () => "2024",
  };
  // Base values the plans state: the national 14th Five-Year Plan's 2020 figures.
  const BASE_VALUE: Record<string, number> = { "equipment-on-cloud-rate": 13.1, "key-processes-digitalised-rate": 48.3 };
  const targets = dataset.indicators.flatMap((ind) => ind.targets.map((t) => ({ ind, t })));
  // The plans' own targets are the province's; the cities' are simulated decompositions of them (below).
  const provincial = targets.filter(({ t }) => t.region === "440000");

  it("measures every target from its plan's base year, with a value only where the plan states one", () => {
    expect(provincial.length).toBe(12);
    for (const { ind, t } of provincial) {
      const where = `${ind.id} ${t.period}`;
      expect(t.base?.period, where).toBe(BASE_YEAR[t.source.en]?.(t.period));
      expect(t.base?.value, where).toBe(BASE_VALUE[ind.id]);
      expect(Number(t.base?.period), where).toBeLessThan(Number(t.period));
    }
  });

  it("has the base year's value in the data, equal to the plan's where it states one", () => {
    for (const { ind, t } of targets) {
      const v = value(ind.id, t.region, t.base?.period as string);
      expect(v, `${ind.id} ${t.period}`).toEqual(expect.any(Number));
      if (t.base?.value !== undefined) expect(v, `${ind.id} ${t.period}`).toBe(roundTo(t.base.value, ind.decimals));
    }
  });

  it("keeps a plan's targets consistent: meeting an earlier one on time is on the path to the later one", () => {
    let pairs = 0;
    for (const ind of dataset.indicators) {
      for (const early of ind.targets) {
        const later = ind.targets.filter(
          (t) => t.period > early.period && t.source.en === early.source.en && t.region === early.region,
        );
        for (const late of later) {
          const base = late.base?.value ?? (value(ind.id, late.region, late.base?.period as string) as number);
          const [y0, y1, yT] = [Number(late.base?.period), Number(early.period), Number(late.period)];
          expect(early.value, `${ind.id} ${early.period} on the way to ${late.period}`).toBeGreaterThanOrEqual(
            base + ((late.value - base) * (y1 - y0)) / (yT - y0) - 1e-9,
          );
          pairs++;
        }
      }
    }
    // AI core industry and digitally transformed firms, 2025 and 2027: the province and each of its 21 cities.
    expect(pairs).toBe(2 * 22);
    // AI core industry, 2025: the 2025 target of 3,000 is met, and the same value is on track for 4,400 in 2027.
    const ai = (dataset.indicators.find((i) => i.id === "ai-core-industry")?.targets ?? []).filter((t) => t.region === "440000");
    expect(ai.map((t) => verdict("ai-core-industry", t, String(LAST_YEAR)))).toEqual(["achieved", "on-track"]);
  });
});

describe("decomposed city targets (分解目标, simulated)", () => {
  const PROVINCE = "440000";
  const cities = dataset.regions.filter((r) => r.level === "city").map((r) => r.code);
  const decomposed = dataset.indicators.filter((ind) => ind.targets.some((t) => t.region !== PROVINCE));
  const provincialOf = (ind: (typeof decomposed)[number]) => ind.targets.filter((t) => t.region === PROVINCE);
  const citiesOf = (ind: (typeof decomposed)[number], period: string) =>
    ind.targets.filter((t) => t.region !== PROVINCE && t.period === period);
  const perHead = (code: string, period: string) =>
    (value("gdp", code, period) as number) / (value("population", code, period) as number);

  it("exist for at least 3 indicators, for every city and each provincial target, from the same base, labelled as simulated", () => {
    expect(decomposed.map((i) => i.id)).toEqual([
      "core-digital-va-share",
      "ai-core-industry",
      "digitally-transformed-firms",
      "computing-power",
    ]);
    let checked = 0;
    for (const ind of decomposed) {
      for (const p of provincialOf(ind)) {
        const list = citiesOf(ind, p.period);
        expect(list.map((t) => t.region).sort(), `${ind.id} ${p.period}`).toEqual([...cities].sort());
        for (const t of list) {
          const where = `${ind.id} ${t.region} ${t.period}`;
          expect(t.base, where).toEqual({ period: p.base?.period }); // the province's base period, no stated value
          expect(t.source.zh, where).toMatch(/^模拟的分解目标（.+），非官方$/);
          expect(t.source.en, where).toMatch(/^Simulated decomposition of the provincial target \(.+\), not official$/);
          expect(value(ind.id, t.region, p.base?.period as string), where).toEqual(expect.any(Number));
          checked++;
        }
      }
      // No city target without the province's of the same period.
      for (const t of ind.targets)
        expect(
          provincialOf(ind).some((p) => p.period === t.period),
          ind.id,
        ).toBe(true);
    }
    expect(checked).toBe(6 * 21);
  });

  it("add up to the province's target (amounts), or average to it weighted by the base year's weights (rates)", () => {
    for (const ind of decomposed) {
      for (const p of provincialOf(ind)) {
        const list = citiesOf(ind, p.period);
        const where = `${ind.id} ${p.period}`;
        if (ind.aggregation.method === "sum") {
          expect(
            roundTo(
              list.reduce((s, t) => s + t.value, 0),
              ind.decimals,
            ),
            where,
          ).toBe(p.value);
        } else {
          const weight = ind.aggregation.weight;
          const w = list.map((t) => value(weight, t.region, p.base?.period as string) as number);
          const mean = list.reduce((s, t, i) => s + t.value * w[i], 0) / w.reduce((a, b) => a + b, 0);
          // Each city's target is rounded: the weighted mean is within half a unit of the last decimal.
          expect(Math.abs(mean - p.value), where).toBeLessThanOrEqual(ulp(ind.decimals) / 2 + 1e-9);
        }
      }
    }
  });

  it("ask every city for an increase, and a richer city (GDP per head in the base year) for a larger one", () => {
    let pairs = 0;
    for (const ind of decomposed) {
      for (const p of provincialOf(ind)) {
        const base = p.base?.period as string;
        const asked = citiesOf(ind, p.period).map((t) => {
          const from = value(ind.id, t.region, base) as number;
          // Rates in percentage points, amounts as growth.
          // …and how much rounding the target (half a unit of the last decimal) can move that.
          const slack = isRate(ind) ? ulp(ind.decimals) / 2 : ulp(ind.decimals) / 2 / from;
          return { code: t.region, rich: perHead(t.region, base), up: isRate(ind) ? t.value - from : t.value / from - 1, slack };
        });
        for (const a of asked) {
          expect(a.up, `${ind.id} ${a.code} ${p.period}`).toBeGreaterThan(0);
          for (const b of asked.filter((x) => a.rich > 1.5 * x.rich)) {
            const where = `${ind.id} ${p.period}: ${a.code} richer than ${b.code}`;
            expect(a.up, where).toBeGreaterThan(b.up - a.slack - b.slack);
            // Twice as rich: asked clearly more, whatever the rounding.
            if (a.rich > 2 * b.rich) expect(a.up, where).toBeGreaterThan(b.up);
            pairs++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(300);
  });

  it(`leave a few cities behind their own path in ${LAST_YEAR} and the others on track or there: not all the same`, () => {
    const behind = new Set<string>();
    let mixed = 0;
    for (const ind of decomposed) {
      for (const p of provincialOf(ind)) {
        const verdicts = citiesOf(ind, p.period).map((t) => ({ code: t.region, v: verdict(ind.id, t, String(LAST_YEAR)) }));
        const late = verdicts.filter((x) => x.v === "behind");
        // Never most of the cities: the province itself is on track or has achieved every one of these.
        expect(late.length, `${ind.id} ${p.period}`).toBeLessThan(cities.length / 2);
        expect(verdict(ind.id, p, String(LAST_YEAR)), `${ind.id} ${p.period}`).not.toBe("behind");
        for (const x of late) behind.add(x.code);
        if (late.length > 0) mixed++;
      }
    }
    expect(behind.size).toBeGreaterThanOrEqual(3);
    expect(behind.size).toBeLessThanOrEqual(10);
    expect(mixed).toBeGreaterThanOrEqual(3);
  });
});

describe("deliberate irregularities (for the early warnings)", () => {
  const clean = generateDataset({ irregularities: [] });
  const regionOf = new Map(dataset.regions.map((r) => [r.code, r]));
  const counties = regionsAtLevel(dataset.regions, "county").map((r) => r.code);
  const get = (data: typeof dataset, id: string, region: string, period: string) =>
    data.observations.get(id)?.find((o) => o.region === region && o.period === period)?.value ?? null;
  const spec = (id: string) => CATALOGUE.find((s) => s.id === id);
  const prev = (period: string) => String(Number(period) - 1);

  /** 0.6745 (x − median) / MAD: the robust z-score the early warnings use. */
  const robustZ = (x: number, all: readonly number[]) => {
    const median = (v: readonly number[]) => {
      const s = [...v].sort((a, b) => a - b);
      const m = Math.floor(s.length / 2);
      return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    };
    const med = median(all);
    const mad = median(all.map((v) => Math.abs(v - med)));
    return mad === 0 ? Number.POSITIVE_INFINITY : (0.6745 * Math.abs(x - med)) / mad;
  };
  /** The change on the year before (b / a − 1), or null where either is missing or a is 0. */
  const change = (data: typeof dataset, id: string, region: string, period: string) => {
    const [a, b] = [get(data, id, region, prev(period)), get(data, id, region, period)];
    return a === null || b === null || a === 0 ? null : b / a - 1;
  };
  const changes = (data: typeof dataset, id: string, region: string) =>
    YEARS.slice(1).flatMap((y) => change(data, id, region, y) ?? []);
  const peers = (data: typeof dataset, id: string, period: string) => counties.flatMap((c) => change(data, id, c, period) ?? []);

  it("are listed, one of each kind, at county level on annual flows that are no context figure, weight, part or whole", () => {
    expect(IRREGULARITIES.map((x) => x.kind).sort()).toEqual(["break", "decline", "discontinued", "slip"]);
    const used = new Set(
      CATALOGUE.flatMap((s) => [
        ...(s.aggregation.method === "weighted-mean" ? [s.aggregation.weight] : []),
        ...(isRatio(s.sim) ? [s.sim.ratio.numerator, s.sim.ratio.denominator] : s.sim.partOf ? [s.sim.partOf] : []),
      ]),
    );
    for (const x of IRREGULARITIES) {
      const s = spec(x.indicator);
      expect(regionOf.get(x.region)?.level, x.region).toBe("county");
      expect(s?.context, x.indicator).toBeFalsy();
      expect(s?.sim.measure, x.indicator).toBe("flow");
      expect(s?.frequency, x.indicator).toBe("annual");
      expect(s?.levels, x.indicator).toContain("county");
      expect(used.has(x.indicator), x.indicator).toBe(false);
      expect(s && !isRatio(s.sim) && s.sim.partOf, x.indicator).toBeFalsy();
      expect(x.periods[0], x.indicator).toBe(x.period);
      expect(YEARS, x.indicator).toEqual(expect.arrayContaining(x.periods));
    }
  });

  it("are each described in the indicator's caution, in both languages, as deliberate, with the region and the year", () => {
    for (const x of IRREGULARITIES) {
      const caution = dataset.indicators.find((i) => i.id === x.indicator)?.caution;
      const name = regionOf.get(x.region)?.name;
      expect(caution?.zh, x.indicator).toContain("模拟数据中刻意设置的异常");
      expect(caution?.en, x.indicator).toContain("A deliberate irregularity in the simulated data");
      expect(caution?.zh, x.indicator).toContain(name?.zh);
      expect(caution?.en, x.indicator).toContain(name?.en);
      const year = x.kind === "discontinued" ? prev(x.period) : x.period; // "stopped reporting after 2022"
      expect(caution?.zh, x.indicator).toContain(year);
      expect(caution?.en, x.indicator).toContain(year);
    }
    const listed = new Set(IRREGULARITIES.map((x) => x.indicator));
    for (const ind of dataset.indicators) {
      if (!listed.has(ind.id)) expect(ind.caution?.en ?? "", ind.id).not.toContain("deliberate irregularity");
    }
  });

  it("are in the data as described, and change nothing but their county, its city and the province", () => {
    for (const x of IRREGULARITIES) {
      const d = spec(x.indicator)?.decimals as number;
      const at = (p: string) => `${x.indicator} ${x.region} ${p}`;
      for (const p of YEARS) {
        const [now, was] = [get(dataset, x.indicator, x.region, p), get(clean, x.indicator, x.region, p)];
        if (p < x.period) {
          expect(now, at(p)).toBe(was);
          continue;
        }
        if (x.kind === "break") expect(now, at(p)).toBe(roundTo((was as number) * (x.factor as number), d));
        if (x.kind === "slip") expect(now, at(p)).toBe(p === x.period ? roundTo((was as number) * (x.factor as number), d) : was);
        if (x.kind === "discontinued") {
          expect(was, at(p)).toEqual(expect.any(Number));
          expect(now, at(p)).toBeNull();
        }
      }
      if (x.kind === "decline") {
        const [y0, y1] = [x.period, String(Number(x.period) + 1)];
        for (const [y, fall] of [
          [y0, x.falls?.[0]],
          [y1, x.falls?.[1]],
        ] as const) {
          const [a, b] = [
            get(dataset, x.indicator, x.region, prev(y)) as number,
            get(dataset, x.indicator, x.region, y) as number,
          ];
          expect(b, at(y)).toBe(roundTo(a * (1 + (fall as number)), d));
          expect(b, at(y)).toBeLessThan(a);
        }
      }
    }
    // Everything else is as it would have been: only the affected county, its city and the province move.
    const touched = new Set(
      IRREGULARITIES.flatMap((x) => [x.region, regionOf.get(x.region)?.parent, "440000"].map((r) => `${x.indicator}@${r}`)),
    );
    let differ = 0;
    for (const [id, obs] of dataset.observations) {
      const before = new Map((clean.observations.get(id) ?? []).map((o) => [`${o.region}@${o.period}`, o]));
      for (const o of obs) {
        const was = before.get(`${o.region}@${o.period}`);
        if (o.value === was?.value && o.status === was?.status) continue;
        expect(touched.has(`${id}@${o.region}`), `${id} ${o.region} ${o.period}: ${was?.value} → ${o.value}`).toBe(true);
        differ++;
      }
    }
    expect(differ).toBeGreaterThanOrEqual(IRREGULARITIES.length);
    expect(JSON.stringify(clean.indicators)).toBe(JSON.stringify(dataset.indicators));
  });

  it("are there to be found by the early-warning rules, and were not before", () => {
    for (const x of IRREGULARITIES) {
      const where = `${x.kind} ${x.indicator} ${x.region} ${x.period}`;
      if (x.kind === "break" || x.kind === "slip") {
        // The change on the year before is a robust-z outlier (> 3.5) against the county's own
        // history and against every county that year; it was not in the data without it.
        for (const p of x.periods) {
          for (const [data, outlier] of [
            [dataset, true],
            [clean, false],
          ] as const) {
            const c = change(data, x.indicator, x.region, p) as number;
            const z = Math.min(robustZ(c, changes(data, x.indicator, x.region)), robustZ(c, peers(data, x.indicator, p)));
            expect(z > 3.5, `${where}: ${p} z = ${z.toFixed(1)}`).toBe(outlier);
          }
        }
      }
      if (x.kind === "decline") {
        const falls = (data: typeof dataset) => x.periods.map((p) => (change(data, x.indicator, x.region, p) as number) < 0);
        expect(falls(dataset), where).toEqual([true, true]);
        expect(falls(clean), where).not.toEqual([true, true]);
      }
      if (x.kind === "discontinued") {
        // Reported up to the year before, null in every later year, while every other county still reports.
        expect(get(dataset, x.indicator, x.region, prev(x.period)), where).toEqual(expect.any(Number));
        expect(x.periods).toEqual(YEARS.filter((y) => y >= x.period));
        for (const p of x.periods) {
          expect(get(dataset, x.indicator, x.region, p), `${where} ${p}`).toBeNull();
          const others = counties.filter((c) => c !== x.region && get(dataset, x.indicator, c, p) === null);
          expect(others, `${where} ${p}`).toEqual([]);
        }
      }
    }
  });
});

describe("scaled datasets (bench/scale.ts)", () => {
  it("generate what the indicators kept depend on, with shares still equal to their parts", () => {
    const small = generateDataset({ scale: { regions: 200, indicators: 3, quarters: 8 } });
    const ids = small.indicators.map((i) => i.id);
    for (const id of ["gdp", "core-digital-va", "retail-sales", "online-retail-sales", "digital-economy-broad"]) {
      expect(ids, id).toContain(id);
    }
    expect(regionsAtLevel(small.regions, "county")).toHaveLength(200);
    const big = generateDataset({ scale: { regions: 200, indicators: 60, quarters: 8 } });
    const get = (id: string) => new Map((big.observations.get(id) ?? []).map((o) => [`${o.region}@${o.period}`, o.value]));
    const [share, va, gdp] = [get("core-digital-va-share-x2"), get("core-digital-va"), get("gdp")];
    expect(share.size).toBeGreaterThan(400); // 221 regions, 2 years
    for (const [key, v] of share) {
      const [a, b] = [va.get(key), gdp.get(key)];
      expect(v, key).toBe(a == null || b == null ? null : roundTo((100 * a) / b, 1));
    }
  });
});
