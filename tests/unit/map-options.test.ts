import { describe, expect, it } from "vitest";
import type { Indicator, Region } from "../../src/api/contract";
import { buildChoroplethOption, legendPieces } from "../../src/charts/map/choropleth-option";
import { buildRows } from "../../src/charts/map/map-data";
import { buildRankingOption, rankingRows } from "../../src/charts/map/ranking-option";
import { NO_DATA_COLOR, sequential } from "../../src/charts/palette";
import { translator } from "../../src/i18n/format";
import { searchRegions } from "../../src/ui/RegionSearch";

const ind: Indicator = {
  id: "villages-5g-rate",
  pillar: "countryside",
  name: { zh: "5G通达行政村比例", en: "Villages reached by 5G" },
  unit: { zh: "%", en: "%" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province", "city"],
  aggregation: { method: "weighted-mean", weight: "admin-villages" },
  decimals: 1,
  targets: [],
};
const region = (code: string, zh: string, en: string): Region => ({
  code,
  level: "city",
  parent: "440000",
  name: { zh, en },
  zone: "prd",
  kind: null,
});
const units = [
  region("440100", "广州市", "Guangzhou"),
  region("440300", '<img src=x onerror="alert(1)">', "Shenzhen"),
  region("440400", "珠海市", "Zhuhai"),
];
const obs = [
  { region: "440100", period: "2023", value: 80, status: "final" as const },
  { region: "440300", period: "2023", value: 90, status: "preliminary" as const },
  { region: "440400", period: "2023", value: null, status: "final" as const },
  { region: "440100", period: "2022", value: 70, status: "final" as const },
];
const t = translator("zh");

describe("map rows", () => {
  it("ranks by direction with the change on the previous period", () => {
    const rows = buildRows(units, obs, "2023", ind);
    expect(rows.map((r) => [r.code, r.rank, r.of])).toEqual([
      ["440100", 2, 2],
      ["440300", 1, 2],
      ["440400", null, 2],
    ]);
    expect(rows[0].change).toEqual({ kind: "pp", value: 10, better: true });
    const lower = buildRows(units, obs, "2023", { ...ind, direction: "lower" });
    expect(lower.map((r) => r.rank)).toEqual([1, 2, null]);
  });
});

describe("choropleth option", () => {
  const rows = buildRows(units, obs, "2023", ind);
  const option = buildChoroplethOption({ mapName: "m", indicator: ind, rows, breaks: [80, 85, 90], labels: true }, "zh", t) as {
    visualMap: { pieces: { value: number; color: string; label: string }[] };
    series: { data: { name: string; value: number }[]; nameProperty: string }[];
    tooltip: { formatter: (p: unknown) => string };
  };

  it("maps each region to its class by code, and nulls to the no-data class", () => {
    expect(option.series[0].nameProperty).toBe("code");
    expect(option.series[0].data).toEqual([
      { name: "440100", value: 0 },
      { name: "440300", value: 1 },
      { name: "440400", value: -1 },
    ]);
  });

  it("has a legend entry per class plus no data, in the unit's format", () => {
    expect(option.visualMap.pieces.map((p) => p.label)).toEqual(["80.0% – 85.0%", "85.0% – 90.0%", "无数据"]);
    expect(option.visualMap.pieces.at(-1)?.color).toBe(NO_DATA_COLOR);
    expect(option.visualMap.pieces.slice(0, 2).map((p) => p.color)).toEqual(sequential(2, "higher"));
  });

  it("reverses the palette when lower is better", () => {
    const pieces = legendPieces(
      { indicator: { ...ind, direction: "lower" }, rows, breaks: [1, 2, 3, 4] },
      "en",
      translator("en"),
    );
    expect(pieces.map((p) => p.color)).toEqual([...[...sequential(3, "higher")].reverse(), NO_DATA_COLOR]);
  });

  it("escapes region names in the tooltip and gives value, rank, change and status", () => {
    const html = option.tooltip.formatter({ name: "440300" });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("90.0%");
    expect(html).toContain("排名 1 / 2");
    expect(html).toContain("初步");
    expect(option.tooltip.formatter({ name: "440100" })).toContain("同比 +10.0 个百分点");
  });
});

describe("ranking", () => {
  it("shows all regions when they fit, else the best and worst ten", () => {
    const many = Array.from({ length: 124 }, (_, i) => ({
      code: String(440000 + i),
      name: { zh: `${i}`, en: `${i}` },
      value: i,
      status: "final" as const,
      rank: 124 - i,
      of: 124,
      change: null,
    }));
    const shown = rankingRows(many);
    expect(shown).toHaveLength(20);
    expect(shown[0].rank).toBe(1);
    expect(shown.at(-1)?.rank).toBe(124);
    expect(rankingRows(many.slice(0, 21))).toHaveLength(21);
  });

  it("draws bars best first with names and values", () => {
    const option = buildRankingOption(
      { indicator: ind, rows: buildRows(units, obs, "2023", ind), breaks: [80, 85, 90] },
      "en",
      translator("en"),
    ) as {
      yAxis: { data: string[]; axisLabel: { interval: number } };
      series: { data: { value: number; code: string }[] }[];
    };
    expect(option.yAxis.data).toEqual(["1. Shenzhen", "2. Guangzhou"]);
    // Every bar keeps its name: ECharts' "auto" interval may skip labels it finds crowded.
    expect(option.yAxis.axisLabel.interval).toBe(0);
    expect(option.series[0].data.map((d) => [d.code, d.value])).toEqual([
      ["440300", 90],
      ["440100", 80],
    ]);
  });
});

describe("region search", () => {
  const regions: Region[] = [
    region("440100", "广州市", "Guangzhou"),
    { ...region("440106", "天河区", "Tianhe District"), level: "county", parent: "440100", kind: "district" },
  ];
  it("finds by Chinese name, English name and code", () => {
    expect(searchRegions(regions, "天河").map((r) => r.code)).toEqual(["440106"]);
    expect(searchRegions(regions, "tianhe").map((r) => r.code)).toEqual(["440106"]);
    expect(searchRegions(regions, "4401").map((r) => r.code)).toEqual(["440100", "440106"]);
    expect(searchRegions(regions, "zzz")).toEqual([]);
  });
});
