import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../mock/catalogue";
import { FIRST_YEAR, generateDataset, LAST_YEAR } from "../../mock/generate";
import { snapshotFiles } from "../../mock/snapshot";
import { PILLARS } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { aggregate, roundTo } from "../../src/domain/aggregate";
import { dataset } from "../support/msw";

const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));
const value = (id: string, region: string, period: string) =>
  dataset.observations.get(id)?.find((o) => o.region === region && o.period === period)?.value;

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
          expect(got === null ? null : roundTo(got, ind.decimals), `${ind.id} ${parent} ${p}`).toBe(expected);
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
      for (const [year, anchor] of Object.entries(spec.sim.anchors)) {
        const v = value(spec.id, "440000", year) as number;
        expect(Math.abs(v / anchor - 1), `${spec.id} ${year}`).toBeLessThan(0.01);
      }
    }
  });
});
