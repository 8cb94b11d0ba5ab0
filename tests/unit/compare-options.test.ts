import { describe, expect, it } from "vitest";
import type { Indicator, Region } from "../../src/api/contract";
import { buildSeriesOption, SERIES_COLORS } from "../../src/charts/series-option";
import type { Benchmark } from "../../src/domain/benchmark";
import {
  benchmarkName,
  comparableIndicators,
  isComparable,
  pillarIndicators,
  type RankedRow,
  rankingSlots,
  selectionLevels,
} from "../../src/features/compare/compare-data";
import {
  buildRadarOption,
  buildRankingBarsOption,
  buildSmallMultipleOption,
  OTHER_BAR,
} from "../../src/features/compare/options";
import { translator } from "../../src/i18n/format";
import { resolveSelection } from "../../src/state/use-url-regions";
import { candidateRegions } from "../../src/ui/RegionPicker";

const en = translator("en");
const zh = translator("zh");

const ZH: Record<string, string> = {
  Guangdong: "广东省",
  Guangzhou: "广州市",
  Dongguan: "东莞市",
  Shaoguan: "韶关市",
  Tianhe: "天河区",
  Yuexiu: "越秀区",
  Wujiang: "武江区",
};
const region = (
  code: string,
  level: Region["level"],
  parent: string | null,
  name: string,
  zone: Region["zone"] = "prd",
): Region => ({
  code,
  level,
  parent,
  name: { zh: ZH[name], en: name },
  zone: level === "province" ? null : zone,
  kind: level === "county" ? "district" : null,
});
const REGIONS: Region[] = [
  region("440000", "province", null, "Guangdong"),
  region("440100", "city", "440000", "Guangzhou"),
  region("441900", "city", "440000", "Dongguan"),
  region("440200", "city", "440000", "Shaoguan", "north"),
  region("440106", "county", "440100", "Tianhe"),
  region("440104", "county", "440100", "Yuexiu"),
  region("440203", "county", "440200", "Wujiang", "north"),
];
const byCode = (c: string) => REGIONS.find((r) => r.code === c) as Region;

const ind = (over: Partial<Indicator>): Indicator => ({
  id: "x",
  pillar: "industry",
  name: { zh: "指标", en: "Indicator" },
  unit: { zh: "%", en: "%" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province", "city", "county"],
  aggregation: { method: "sum" },
  decimals: 1,
  targets: [],
  ...over,
});

describe("selection", () => {
  it("keeps known cities and counties in URL order and reports the rest (the province included)", () => {
    const { selected, unknown } = resolveSelection(REGIONS, ["440106", "999999", "440000", "440100"], isComparable);
    expect(selected.map((r) => r.code)).toEqual(["440106", "440100"]);
    expect(unknown).toEqual(["999999", "440000"]);
  });

  it("compares a city without counties among counties when the focus is a county, among cities otherwise", () => {
    const countyFocus = selectionLevels(REGIONS, ["440106", "441900", "440100"].map(byCode));
    expect(countyFocus.focusLevel).toBe("county");
    expect(Object.fromEntries(countyFocus.levelOf)).toEqual({ "440106": "county", "441900": "county", "440100": "city" });
    expect(countyFocus.levels).toEqual(["city", "county"]);
    const cityFocus = selectionLevels(REGIONS, ["441900", "440106"].map(byCode));
    expect(cityFocus.levelOf.get("441900")).toBe("city");
    expect(selectionLevels(REGIONS, []).focus).toBeUndefined();
  });
});

describe("catalogue choices", () => {
  const list = [
    ind({ id: "a", pillar: "industry" }),
    ind({ id: "b", pillar: "industry", context: true }),
    ind({ id: "c", pillar: "industry", levels: ["province", "city"] }),
    ind({ id: "d", pillar: "talent" }),
    ind({ id: "e", pillar: "industry", levels: ["province"] }),
  ];
  it("draws a pillar's non-context indicators published at every level of the selection", () => {
    expect(pillarIndicators(list, "industry", ["city", "county"]).map((i) => i.id)).toEqual(["a"]);
    expect(pillarIndicators(list, "industry", ["city"]).map((i) => i.id)).toEqual(["a", "c"]);
  });
  it("offers only indicators published for cities or counties", () => {
    expect(comparableIndicators(list).map((i) => i.id)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("benchmark names", () => {
  const b = (over: Partial<Benchmark>): Benchmark => ({
    kind: "province",
    region: byCode("440000"),
    zone: null,
    level: "county",
    members: [],
    ...over,
  });
  it("say a rate is a weighted mean and a total an average unit of the level", () => {
    const rate = ind({ aggregation: { method: "weighted-mean", weight: "gdp" } });
    expect(benchmarkName(b({}), rate, "en", en)).toBe("Guangdong (weighted mean)");
    expect(benchmarkName(b({}), ind({}), "en", en)).toBe("Guangdong (average county)");
    expect(benchmarkName(b({ kind: "zone", region: null, zone: "prd", level: "city" }), ind({}), "zh", zh)).toBe(
      "珠三角（市平均）",
    );
    expect(benchmarkName(b({ kind: "city", region: byCode("440100") }), ind({}), "zh", zh)).toBe("广州市（县区平均）");
  });
});

const rows = (n: number): RankedRow[] =>
  Array.from({ length: n }, (_, i) => ({
    code: String(100000 + i),
    name: { zh: `地区${i}`, en: `Region ${i}` },
    value: n - i,
    rank: i + 1,
    of: n,
  }));

describe("ranking slots", () => {
  it("keeps every unit when they fit", () => {
    const slots = rankingSlots(rows(21), []);
    expect(slots).toHaveLength(21);
    expect(slots.every((s) => !s.gap)).toBe(true);
  });

  it("keeps the best ten, the worst ten and the selection, with a gap wherever units are left out", () => {
    const all = rows(124);
    const slots = rankingSlots([...all, { ...all[0], code: "999999", value: null, rank: null }], ["100050", "100011"]);
    const labels = slots.map((s) => (s.gap ? "…" : s.row.rank));
    expect(labels).toEqual([
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      "…",
      12,
      "…",
      51,
      "…",
      ...Array.from({ length: 10 }, (_, i) => 115 + i),
    ]);
  });

  it("orders ties by code", () => {
    const tied = [
      { ...rows(2)[0], code: "200002", rank: 1 },
      { ...rows(2)[1], code: "200001", rank: 1 },
    ];
    expect(rankingSlots(tied, []).map((s) => (s.gap ? "" : s.row.code))).toEqual(["200001", "200002"]);
  });
});

describe("ranking bars", () => {
  const slots = rankingSlots(rows(40), ["100030", "100001"]);
  const option = buildRankingBarsOption(
    { slots, selected: ["100030", "100001"], format: (v) => `${v} u`, tooltip: (r) => `tip ${r.code}` },
    "en",
  ) as unknown as {
    yAxis: { data: string[]; axisLabel: { formatter: (k: string) => string } };
    series: {
      data: { value: number | null; code: string | null; itemStyle?: { color: string }; label?: { show: boolean } }[];
      label: { formatter: (p: unknown) => string };
    }[];
    tooltip: { formatter: (p: unknown) => string };
  };
  const data = option.series[0].data;

  it("colours the selection by its order and greys the rest, labelling only the selected bars", () => {
    const at = (code: string) => data.find((d) => d.code === code);
    expect(at("100030")?.itemStyle?.color).toBe(SERIES_COLORS[0]);
    expect(at("100001")?.itemStyle?.color).toBe(SERIES_COLORS[1]);
    expect(at("100000")?.itemStyle?.color).toBe(OTHER_BAR);
    expect(at("100030")?.label?.show).toBe(true);
    expect(at("100000")?.label?.show).toBe(false);
    expect(option.series[0].label.formatter({ value: 12 })).toBe("12 u");
  });

  it("labels bars with rank and name, the selection in bold, gaps with an ellipsis and no bar", () => {
    expect(option.yAxis.axisLabel.formatter(option.yAxis.data[0])).toBe("1. Region 0");
    expect(option.yAxis.axisLabel.formatter("100030")).toBe("{sel|31. Region 30}");
    const gap = option.yAxis.data.findIndex((k) => k.startsWith("gap-"));
    expect(option.yAxis.axisLabel.formatter(option.yAxis.data[gap])).toBe("⋯");
    expect(data[gap].value).toBeNull();
    expect(new Set(option.yAxis.data).size).toBe(option.yAxis.data.length);
  });

  it("asks for a region's tooltip by code, and gives none for a gap", () => {
    expect(option.tooltip.formatter({ data: { code: "100030" } })).toBe("tip 100030");
    expect(option.tooltip.formatter({ data: { code: null } })).toBe("");
  });
});

describe("radar", () => {
  const option = buildRadarOption(
    {
      pillars: ["industry", "talent"],
      series: [{ name: "<img src=x onerror=alert(1)>", color: "#123456", scores: [50, null] }],
      min: 0,
      max: 100,
      format: (v) => (v === null ? "—" : v.toFixed(1)),
    },
    en,
  ) as unknown as {
    color: string[];
    radar: { indicator: { name: string; min: number; max: number }[] };
    series: { data: { name: string; value: (number | null)[] }[] }[];
    tooltip: { formatter: (p: unknown) => string };
  };

  it("has one axis per pillar on the given scale and one polygon per region", () => {
    expect(option.radar.indicator).toEqual([
      { name: "Digital industry clusters", min: 0, max: 100 },
      { name: "Digital talent", min: 0, max: 100 },
    ]);
    expect(option.series[0].data[0].value).toEqual([50, null]);
    expect(option.color).toEqual(["#123456"]);
  });

  it("escapes names in its tooltip and says when a pillar has no score", () => {
    const html = option.tooltip.formatter({ name: "<img src=x onerror=alert(1)>", value: [50, null] });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
    expect(html).toContain("Digital talent: —");
    expect(html).toContain("Digital industry clusters: 50.0");
  });
});

describe("small multiples", () => {
  it("reuse the shared series builder, with one legend for all and room for a small chart", () => {
    const input = {
      indicator: ind({}),
      lines: [{ name: "A", observations: [{ region: "1", period: "2023", value: 1, status: "final" as const }] }],
    };
    const small = buildSmallMultipleOption(input, "en", en) as { legend: { show: boolean }; series: unknown; grid: object };
    const full = buildSeriesOption(input, "en", en) as { series: unknown };
    expect(small.legend.show).toBe(false);
    expect(JSON.stringify(small.series)).toBe(JSON.stringify(full.series));
    expect(small.grid).toMatchObject({ top: 24 });
  });
});

describe("region picker candidates", () => {
  const values = new Map<string, number | null>([
    ["440100", 10],
    ["441900", 30],
    ["440200", null],
    ["440106", 20],
    ["440104", 5],
    ["440203", 1],
  ]);
  const valueFor = (c: string) => values.get(c) ?? null;
  const codes = (list: Region[]) => list.map((r) => r.code);

  it("matches Chinese names, English names and codes, never the province", () => {
    expect(codes(candidateRegions(REGIONS, { query: "Tianhe", scope: "all", sort: "match", selected: [] }))).toEqual(["440106"]);
    expect(codes(candidateRegions(REGIONS, { query: "天河", scope: "all", sort: "match", selected: [] }))).toEqual(["440106"]);
    expect(codes(candidateRegions(REGIONS, { query: "4401", scope: "all", sort: "match", selected: [] }))).toEqual([
      "440100",
      "440104",
      "440106",
    ]);
    expect(codes(candidateRegions(REGIONS, { query: "Guangdong", scope: "all", sort: "match", selected: [] }))).toEqual([]);
  });

  it("scopes to cities or to county-level units (Dongguan is both)", () => {
    expect(codes(candidateRegions(REGIONS, { query: "", scope: "city", sort: "match", selected: [] }))).toEqual([
      "440100",
      "440200",
      "441900",
    ]);
    expect(codes(candidateRegions(REGIONS, { query: "", scope: "county", sort: "match", selected: [] }))).toEqual([
      "440104",
      "440106",
      "440203",
      "441900",
    ]);
  });

  it("sorts by value either way with regions without a value last, leaving out the selected ones", () => {
    const desc = candidateRegions(REGIONS, { query: "", scope: "city", sort: "desc", selected: [], valueFor });
    expect(codes(desc)).toEqual(["441900", "440100", "440200"]);
    const asc = candidateRegions(REGIONS, { query: "", scope: "all", sort: "asc", selected: ["440203"], valueFor });
    expect(codes(asc)).toEqual(["440104", "440100", "440106", "441900", "440200"]);
  });
});

describe("compare texts", () => {
  it("are all prefixed compare., in both languages, with the same placeholders", async () => {
    const { zh: zhTexts, en: enTexts } = await import("../../src/i18n/messages-compare");
    const keys = Object.keys(zhTexts) as (keyof typeof zhTexts)[];
    expect(keys.every((k) => k.startsWith("compare."))).toBe(true);
    expect(Object.keys(enTexts).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of keys) {
      expect(enTexts[k].trim(), k).not.toBe("");
      expect(vars(enTexts[k]), k).toEqual(vars(zhTexts[k]));
    }
  });
});
