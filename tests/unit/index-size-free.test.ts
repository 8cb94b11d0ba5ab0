import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import type { Indicator, Observation } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { indexEntries, indexEntry, indexInputs, indexPlan, indexSeries } from "../../src/domain/index-inputs";
import { computeIndex } from "../../src/domain/index-score";
import { isAmount, ratio } from "../../src/domain/intensity";
import { buildProfile, profileIndicators } from "../../src/features/profile/profile-model";

const dataset = generateDataset();
const catalogue = dataset.indicators;
const byId = new Map(catalogue.map((i) => [i.id, i]));
const counties = regionsAtLevel(dataset.regions, "county").map((r) => r.code);
const YEAR = String(dataset.meta.lastYear);
const TIANHE = "440106";
const XINGNING = "441481";

const obsValue = (id: string, region: string, period = YEAR) =>
  dataset.observations.get(id)?.find((o) => o.region === region && o.period === period)?.value ?? null;

/** The data with every amount and every base figure of `region` multiplied by `k`. */
function scaled(region: string, k: number): Map<string, Observation[]> {
  return new Map(
    [...dataset.observations].map(([id, obs]) => {
      const ind = byId.get(id) as Indicator;
      if (!ind.context && !isAmount(ind)) return [id, obs];
      return [id, obs.map((o) => (o.region === region && o.value !== null ? { ...o, value: o.value * k } : o))];
    }),
  );
}

const indexOf = (data: ReadonlyMap<string, readonly Observation[]>) =>
  computeIndex(counties, indexInputs(catalogue, "county", data, YEAR), null, "minmax");

describe("how each indicator enters the index", () => {
  it("takes each amount in its natural intensive form, each rate as it is, and never a base figure", () => {
    const plan = indexPlan(catalogue, "county");
    for (const e of plan) {
      if (e.indicator.context) expect(e).toMatchObject({ form: "out", reason: "context" });
      else if (!e.indicator.levels.includes("county")) expect(e).toMatchObject({ form: "out", reason: "level" });
      else if (isAmount(e.indicator)) {
        expect(e.form).toBe("ratio");
        // The first denominator of the catalogue: the natural form.
        if (e.form === "ratio") expect(e.choice.per).toBe(e.indicator.denominators?.[0].indicator);
      } else expect(e.form).toBe("as-is");
    }
    const ratios = plan.filter((e) => e.form === "ratio").length;
    const rates = plan.filter((e) => e.form === "as-is").length;
    // The simulated catalogue at county level: 22 amounts, each with a natural form, and 10 rates.
    expect([ratios, rates]).toEqual([22, 10]);
    expect(indexEntries(catalogue, "county")).toHaveLength(ratios + rates);
    // 5G base stations: per 10,000 residents (÷ population × 1, population being in 万人).
    expect(indexEntry(byId.get("5g-base-stations") as Indicator, catalogue)).toMatchObject({
      form: "ratio",
      denominator: { id: "population" },
      choice: { scale: 1 },
      measured: { name: { en: "5G base stations per 10,000 residents" } },
    });
  });

  it("leaves out an amount whose only measures are per km² and the total, and says why", () => {
    // Digital skill occupations: an amount with no denominator in the catalogue.
    expect(indexEntry(byId.get("digital-skill-occupations") as Indicator, catalogue)).toMatchObject({
      form: "out",
      reason: "no-denominator",
    });
    const orphan = {
      ...(byId.get("5g-base-stations") as Indicator),
      denominators: [{ indicator: "nowhere", scale: 1, label: { zh: "x", en: "x" } }],
    };
    expect(indexEntry(orphan, catalogue)).toMatchObject({ form: "out", reason: "no-denominator" });
    expect(indexEntry({ ...orphan, denominators: undefined }, catalogue)).toMatchObject({
      form: "out",
      reason: "no-denominator",
    });
  });

  it("reads the denominators of its ratios too, each series once", () => {
    const series = indexSeries(catalogue, "county");
    expect(new Set(series).size).toBe(series.length);
    for (const id of ["population", "gdp", "registered-enterprises", "industrial-enterprises", "admin-villages"])
      expect(series).toContain(id);
    // The profile loads every one of them at its level, and every other denominator an amount offers.
    const loaded = new Set(profileIndicators(catalogue, "county").map((i) => i.id));
    for (const id of [...series, "retail-sales"]) expect(loaded.has(id)).toBe(true);
  });
});

describe("no raw total of an amount enters the index", () => {
  const inputs = indexInputs(catalogue, "county", dataset.observations, YEAR);

  it("enters every amount as numerator ÷ denominator × scale of the same region and year", () => {
    let checked = 0;
    for (const e of indexEntries(catalogue, "county")) {
      const input = inputs.find((i) => i.id === e.indicator.id);
      expect(input).toBeDefined();
      for (const code of counties) {
        const v = input?.values.get(code) ?? null;
        if (e.form === "ratio") {
          expect(v).toBe(ratio(obsValue(e.indicator.id, code), obsValue(e.denominator.id, code), e.choice.scale));
          checked++;
        } else expect(v).toBe(obsValue(e.indicator.id, code));
      }
    }
    expect(checked).toBeGreaterThan(15 * counties.length);
    expect(inputs.some((i) => byId.get(i.id)?.context)).toBe(false);
  });

  it("moves an amount's input in proportion to its numerator alone: doubling a county's totals doubles its ratios", () => {
    const amounts = indexEntries(catalogue, "county").filter((e) => e.form === "ratio");
    const doubled = new Map(
      [...dataset.observations].map(([id, obs]) => [
        id,
        byId.get(id)?.context
          ? obs
          : obs.map((o) => (o.region === XINGNING && o.value !== null ? { ...o, value: o.value * 2 } : o)),
      ]),
    );
    const after = indexInputs(catalogue, "county", doubled, YEAR);
    for (const e of amounts) {
      const before = inputs.find((i) => i.id === e.indicator.id)?.values.get(XINGNING);
      const now = after.find((i) => i.id === e.indicator.id)?.values.get(XINGNING);
      if (before == null) continue;
      expect(now).toBeCloseTo(before * 2, 9);
    }
  });
});

describe("scale invariance", () => {
  const base = indexOf(dataset.observations);

  it("leaves every county's index and rank unchanged when one county's amounts and denominators are multiplied by the same factor", () => {
    fc.assert(
      fc.property(fc.constantFrom(...counties), fc.double({ min: 0.01, max: 100, noNaN: true }), (code, k) => {
        const after = indexOf(scaled(code, k));
        after.rows.forEach((r, i) => {
          const b = base.rows[i];
          expect(r.code).toBe(b.code);
          if (b.index === null) expect(r.index).toBeNull();
          else expect(r.index).toBeCloseTo(b.index, 9);
          expect(r.rank).toBe(b.rank);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("is what the raw totals lacked: tripling Xingning's size moved its rank before", () => {
    // The old inputs: every non-base indicator as published.
    const raw = (data: ReadonlyMap<string, readonly Observation[]>) =>
      computeIndex(
        counties,
        catalogue
          .filter((i) => !i.context && i.levels.includes("county"))
          .map((i) => ({
            id: i.id,
            pillar: i.pillar,
            direction: i.direction,
            values: new Map((data.get(i.id) ?? []).filter((o) => o.period === YEAR).map((o) => [o.region, o.value])),
          })),
        null,
        "minmax",
      );
    const rankOf = (r: ReturnType<typeof raw>) => r.rows.find((x) => x.code === XINGNING)?.rank;
    expect(rankOf(raw(scaled(XINGNING, 3)))).not.toBe(rankOf(raw(dataset.observations)));
    expect(rankOf(indexOf(scaled(XINGNING, 3)))).toBe(rankOf(indexOf(dataset.observations)));
  });
});

describe("the profile judges on the index's values", () => {
  const data = new Map(
    profileIndicators(catalogue, "county").map((i) => [
      i.id,
      (dataset.observations.get(i.id) ?? []).filter((o) => counties.includes(o.region)),
    ]),
  );
  const profileOf = (code: string) =>
    buildProfile({
      region: dataset.regions.find((r) => r.code === code) as (typeof dataset.regions)[number],
      regions: dataset.regions,
      indicators: catalogue,
      data,
      provinceData: new Map(),
      year: YEAR,
      weights: null,
      norm: "minmax",
      lastYear: dataset.meta.lastYear,
    });

  it("ranks strengths and weaknesses on size-free values, the same as the index reads", () => {
    const inputs = new Map(indexInputs(catalogue, "county", dataset.observations, YEAR).map((i) => [i.id, i.values]));
    for (const code of [TIANHE, XINGNING]) {
      const p = profileOf(code);
      expect(p.strengths.length).toBeGreaterThan(0);
      for (const s of [...p.strengths, ...p.weaknesses]) {
        expect(inputs.has(s.indicator)).toBe(true);
        expect(s.value).toBe(inputs.get(s.indicator)?.get(code));
      }
      // The profile's own index is Compare's.
      const compare = indexOf(dataset.observations).rows.find((r) => r.code === code);
      expect(p.standing[0]).toMatchObject({ score: compare?.index, rank: compare?.rank });
    }
  });

  it("lists amounts in their natural form by default and as totals for per=total", () => {
    const p = profileOf(TIANHE);
    const row = p.rows.find((r) => r.indicator.id === "5g-base-stations");
    const total = p.totals.find((r) => r.indicator.id === "5g-base-stations");
    expect(row).toMatchObject({ form: "ratio", indicator: { name: { en: "5G base stations per 10,000 residents" } } });
    expect(row?.value).toBe(ratio(obsValue("5g-base-stations", TIANHE), obsValue("population", TIANHE), 1));
    expect(total).toMatchObject({ form: "total", value: obsValue("5g-base-stations", TIANHE) });
    // A rate is the same in both.
    const rate = p.rows.find((r) => r.form === "as-is");
    expect(p.totals.find((r) => r.indicator.id === rate?.indicator.id)?.value).toBe(rate?.value);
  });
});
