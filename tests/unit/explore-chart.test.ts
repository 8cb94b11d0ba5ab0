import { describe, expect, it } from "vitest";
import type { Indicator, Region } from "../../src/api/contract";
import { buildSeriesOption } from "../../src/charts/series-option";
import { chartInput } from "../../src/features/explore/chart-input";
import { mapPeriod, mapViewPatch } from "../../src/features/explore/map-period";
import { resolveRange } from "../../src/features/explore/range";
import { translator } from "../../src/i18n/format";
import { dataset } from "../support/msw";

const indicator = (id: string) => dataset.indicators.find((i) => i.id === id) as Indicator;
const region = (code: string) => dataset.regions.find((r) => r.code === code) as Region;
const province = region("440000");
const observations = (id: string, codes: string[]) =>
  (dataset.observations.get(id) ?? []).filter((o) => codes.includes(o.region));
const range = (from: string | null, to: string | null, quarterly = false) =>
  resolveRange({ firstYear: 2018, lastYear: 2025, from, to, quarterlyIndicator: quarterly });
const t = translator("en");

type Option = {
  xAxis: { data: string[] };
  series: { name: string; type: string; data: unknown[]; markLine?: { data: { xAxis: string }[] } }[];
};

describe("explore chart: what the shared series builder is given", () => {
  const share = indicator("core-digital-va-share");

  it("draws one line per region over the range, gaps as nulls, with the province's targets when it is shown", () => {
    const input = chartInput({
      indicator: share,
      selected: [province, region("440300")],
      province,
      range: range("2020", null),
      observations: observations(share.id, ["440000", "440300"]),
      milestones: dataset.meta.milestones,
      lang: "en",
    });
    expect(input.lines.map((l) => l.name)).toEqual(["Guangdong", "Shenzhen"]);
    expect(input.lines[1].observations.map((o) => o.period)).toEqual(["2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(input.targets?.map((x) => x.period)).toEqual(["2027"]);
    const option = buildSeriesOption(input, "en", t) as Option;
    expect(option.xAxis.data).toEqual(["2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027"]);
    expect(option.series.map((s) => s.type)).toEqual(["line", "line", "line"]);
    // The targets are markers only: no line joins them.
    expect(option.series[2]).toMatchObject({ name: "Target", symbol: "diamond", lineStyle: { opacity: 0 } });
    // The years past the data are gaps, never zeros.
    expect(option.series[1].data.slice(6)).toEqual([null, null]);
  });

  it("leaves the province's targets out when the province is not drawn, or the range ends before them", () => {
    const withoutProvince = chartInput({
      indicator: share,
      selected: [region("440300")],
      province,
      range: range(null, null),
      observations: observations(share.id, ["440300"]),
      lang: "en",
    });
    expect(withoutProvince.targets).toEqual([]);
    const cut = chartInput({
      indicator: share,
      selected: [province],
      province,
      range: range("2019", "2023"),
      observations: observations(share.id, ["440000"]),
      lang: "en",
    });
    expect(cut.targets).toEqual([]);
    expect(cut.lines[0].observations.map((o) => o.period)).toEqual(["2019", "2020", "2021", "2022", "2023"]);
  });

  it("skips regions at a level the indicator is not published at", () => {
    const broad = indicator("digital-economy-broad");
    const input = chartInput({
      indicator: broad,
      selected: [region("440100"), province],
      province,
      range: range(null, null),
      observations: observations(broad.id, ["440000"]),
      lang: "zh",
    });
    expect(input.lines.map((l) => l.name)).toEqual(["广东省"]);
  });

  it("by quarter: quarters on the axis, milestones at their quarter, no annual targets", () => {
    const stations = indicator("5g-base-stations");
    const input = chartInput({
      indicator: stations,
      selected: [province],
      province,
      range: range("2021Q1", "2022Q4", true),
      observations: observations(stations.id, ["440000"]),
      milestones: dataset.meta.milestones,
      lang: "en",
    });
    expect(input.quarterly).toBe(true);
    expect(input.targets).toEqual([]);
    const option = buildSeriesOption(input, "en", t) as Option;
    expect(option.xAxis.data).toEqual(["2021Q1", "2021Q2", "2021Q3", "2021Q4", "2022Q1", "2022Q2", "2022Q3", "2022Q4"]);
    // The regulations took effect on 2021-09-01: the third quarter.
    expect(option.series[0].markLine?.data.map((m) => m.xAxis)).toEqual(["2021Q3"]);
  });
});

describe("explore map: period and link", () => {
  const obs = [
    { region: "440100", period: "2024", value: 1, status: "final" as const },
    { region: "440100", period: "2025", value: null, status: "final" as const },
    { region: "440100", period: "2025Q4", value: 3, status: "final" as const },
  ];

  it("shows the range's end when the URL sets one, else the latest year with a value", () => {
    expect(mapPeriod(range(null, "2022"), true, obs)).toBe("2022");
    expect(mapPeriod(range(null, null), false, obs)).toBe("2024");
    expect(mapPeriod(range(null, null), false, [])).toBe("2025");
  });

  it("opens the Map view on the same indicator, period and level, at the province", () => {
    expect(mapViewPatch("gdp", "2023", "county")).toEqual({
      view: "map",
      indicator: "gdp",
      year: "2023",
      level: "county",
      city: null,
      tab: "map",
    });
  });
});
