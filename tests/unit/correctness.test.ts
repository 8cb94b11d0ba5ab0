/** Pure rules behind correct numbers (issue 18): each failed on the code before the review. */
import { describe, expect, it } from "vitest";
import type { Indicator, Observation, Region } from "../../src/api/contract";
import { buildRows } from "../../src/charts/map/map-data";
import { change } from "../../src/domain/change";
import { isRate, measureOf } from "../../src/domain/measure";
import { sameFrequency } from "../../src/domain/periods";
import { seriesOf } from "../../src/domain/series";
import { benchmarkRows } from "../../src/features/compare/compare-data";
import { createAppStore, syncWithUrl } from "../../src/state/store";

const indicator = (unit: Indicator["unit"], frequency: Indicator["frequency"] = "annual"): Indicator => ({
  id: "x",
  pillar: "services",
  name: { zh: "x", en: "x" },
  unit,
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency,
  direction: "higher",
  levels: ["city"],
  aggregation: { method: "sum" },
  decimals: 1,
  targets: [],
});
const obs = (region: string, values: Record<string, number | null>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ region, period, value, status: "final" }));
const city: Region = {
  code: "440100",
  level: "city",
  parent: "440000",
  name: { zh: "广州市", en: "Guangzhou" },
  zone: "prd",
  kind: null,
};

describe("changes of quarters are 同比 (on the same quarter a year earlier)", () => {
  // A seasonal flow: Q1 is always the smallest quarter, Q4 the largest; the year grows 10%.
  const retail = indicator({ zh: "亿元", en: "100 million yuan" }, "quarterly");
  const data = obs("440100", { "2023Q1": 100, "2023Q4": 140, "2024Q1": 110, "2024Q4": 154 });

  it("on the map and in its table", () => {
    const [row] = buildRows([city], data, "2024Q1", retail);
    expect(row.change?.value).toBeCloseTo(10, 10); // not (110 − 140) / 140 = −21.4%
  });

  it("in Compare's benchmark rows", () => {
    const t = (k: string) => k;
    const [row] = benchmarkRows(
      [{ kind: "province", region: city, zone: null, level: "city", members: ["440100"] }],
      retail,
      data,
      undefined,
      "2024Q1",
      "en",
      t,
    );
    expect(row.change?.value).toBeCloseTo(10, 10);
  });
});

describe("one definition of a rate", () => {
  it("is a % unit in either language, and decides pp against % changes", () => {
    const zhOnly = indicator({ zh: "%", en: "per cent" });
    expect(isRate(zhOnly)).toBe(true);
    expect(change(zhOnly, 12, 10)).toMatchObject({ kind: "pp", value: 2 });
    expect(isRate(indicator({ zh: "亿元", en: "100 million yuan" }))).toBe(false);
  });

  it("gives the measure the catalogue states, else rate for a percentage, else unknown", () => {
    expect(measureOf({ ...indicator({ zh: "个", en: "stations" }), measure: "stock" })).toBe("stock");
    expect(measureOf(indicator({ zh: "%", en: "%" }))).toBe("rate");
    expect(measureOf(indicator({ zh: "个", en: "stations" }))).toBeNull();
  });
});

describe("series are read oldest first, whatever order the API answers in", () => {
  const newestFirst = obs("440000", { 2025: 5, "2025Q4": 5, 2024: 4, 2019: 1, 2023: 3 }).concat(obs("440100", { 2020: 9 }));

  it("sorts one region's years (or quarters) and cuts at `until`", () => {
    expect(seriesOf(newestFirst, "440000").map((o) => o.period)).toEqual(["2019", "2023", "2024", "2025"]);
    expect(seriesOf(newestFirst, "440000", { until: "2024" }).map((o) => o.period)).toEqual(["2019", "2023", "2024"]);
    expect(seriesOf(newestFirst, "440000", { quarterly: true }).map((o) => o.period)).toEqual(["2025Q4"]);
  });
});

describe("the time slider keeps one frequency", () => {
  const periods = ["2018", "2018Q1", "2018Q2", "2018Q3", "2018Q4", "2019", "2019Q1"];
  it("quarters for a quarter, years for a year", () => {
    expect(sameFrequency(periods, "2018Q2")).toEqual(["2018Q1", "2018Q2", "2018Q3", "2018Q4", "2019Q1"]);
    expect(sameFrequency(periods, "2019")).toEqual(["2018", "2019"]);
  });
});

describe("history", () => {
  it("an animation's step replaces the history entry; a user's change adds one", () => {
    window.history.replaceState(null, "", "/?view=map");
    const store = createAppStore();
    const stop = syncWithUrl(store);
    const before = window.history.length;
    store.getState().update({ year: "2020" }, { replace: true });
    store.getState().update({ year: "2021" }, { replace: true });
    expect(window.history.length).toBe(before);
    expect(window.location.search).toContain("year=2021");
    store.getState().update({ year: "2022" });
    expect(window.history.length).toBe(before + 1);
    stop();
  });
});
