import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/api/contract";
import { buildSeriesOption } from "../../src/charts/series-option";
import { change, latestWithPrevious } from "../../src/domain/change";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as overviewTexts from "../../src/i18n/messages-overview";

const ind: Indicator = {
  id: "core-digital-va-share",
  pillar: "industry",
  name: { zh: "核心产业占比", en: "Core share <b>" },
  unit: { zh: "%", en: "%" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province"],
  aggregation: { method: "sum" },
  decimals: 1,
  targets: [],
};
const obs = [
  { region: "440000", period: "2023", value: 14.8, status: "final" as const },
  { region: "440000", period: "2024", value: 15.2, status: "final" as const },
  { region: "440000", period: "2025", value: 15.6, status: "preliminary" as const },
];
const target = { region: "440000", period: "2027", value: 16, source: { zh: "方案", en: "Plan" } };

describe("series option", () => {
  const milestones = [
    { date: "2021-09-01", label: { zh: "条例施行", en: "Regulations in force" } },
    { date: "2024-09-24", label: { zh: "人才措施", en: "Talent measures" } },
  ];
  const option = buildSeriesOption(
    {
      indicator: ind,
      lines: [
        { name: "Value", observations: obs },
        { name: "Province", observations: obs.slice(0, 2), benchmark: true },
      ],
      targets: [target],
      milestones,
    },
    "en",
    translator("en"),
  ) as {
    xAxis: { data: string[] };
    series: {
      name: string;
      data: ({ value: number | null; itemStyle?: unknown } | number | null)[];
      markLine?: { data: { name: string; xAxis: string }[] };
    }[];
    tooltip: { formatter: (p: unknown) => string };
  };

  it("spaces the years evenly up to the target year", () => {
    expect(option.xAxis.data).toEqual(["2023", "2024", "2025", "2026", "2027"]);
  });

  it("draws values with preliminary points hollow, and the target as its own series", () => {
    const [values, , targets] = option.series;
    expect(values.name).toBe("Value");
    expect(values.data.map((d) => (d && typeof d === "object" ? d.value : d))).toEqual([14.8, 15.2, 15.6, null, null]);
    expect(values.data.map((d) => (d && typeof d === "object" ? (d as { status?: string }).status : d))).toEqual([
      "final",
      "final",
      "preliminary",
      null,
      null,
    ]);
    expect((values.data[2] as { itemStyle?: unknown }).itemStyle).toBeDefined();
    expect((values.data[1] as { itemStyle?: unknown }).itemStyle).toBeUndefined();
    expect(targets.name).toBe("Target");
    expect(targets.data).toEqual([null, null, null, null, 16]);
  });

  it("draws a benchmark dashed without markers, with gaps where it has no value", () => {
    const bench = option.series[1] as unknown as { symbol: string; lineStyle: { type: string }; data: unknown[] };
    expect(bench.symbol).toBe("none");
    expect(bench.lineStyle.type).toBe("dashed");
    expect(bench.data.slice(2)).toEqual([null, null, null]);
  });

  it("marks the policy milestones that fall inside the chart", () => {
    expect(option.series[0].markLine?.data).toEqual([{ name: "Talent measures", xAxis: "2024" }]);
  });

  it("escapes text in the tooltip", () => {
    const html = option.tooltip.formatter([
      { seriesName: "<script>", axisValue: "2025", data: { value: 15.6, status: "preliminary" } },
    ]);
    expect(html).toBe("2025<br/>&lt;script&gt;: 15.6% (preliminary)");
  });
});

describe("change on last year", () => {
  it("is percentage points for rates and percent for amounts, judged by direction", () => {
    expect(change(ind, 15.6, 15.2)?.kind).toBe("pp");
    expect(change(ind, 15.6, 15.2)?.value).toBeCloseTo(0.4, 10);
    const money = { ...ind, unit: { zh: "亿元", en: "100 million yuan" }, direction: "lower" as const };
    expect(change(money, 110, 100)).toEqual({ kind: "pct", value: 10, better: false });
    expect(change(money, 110, 0)).toBeNull();
    expect(change(money, null, 100)).toBeNull();
  });

  it("finds the latest annual value at or before a year, and the year before it", () => {
    expect(latestWithPrevious(obs, "440000").latest?.period).toBe("2025");
    const { latest, previous } = latestWithPrevious(obs, "440000", "2024");
    expect([latest?.period, previous?.period]).toEqual(["2024", "2023"]);
  });
});

describe("series option: the outlook to a target", () => {
  // The outlook's texts come with the Overview's judged chunk.
  addMessages(overviewTexts);
  const t = translator("en");
  const option = buildSeriesOption(
    {
      indicator: ind,
      lines: [{ name: "Guangdong", observations: obs }],
      targets: [target],
      outlook: {
        trajectory: [
          { year: 2024, value: 15.2 },
          { year: 2027, value: 16 },
        ],
        projection: [
          { year: 2025, value: 15.6, low: 15.6, high: 15.6 },
          { year: 2027, value: 16.4, low: 15.8, high: 17.1 },
        ],
      },
    },
    "en",
    t,
  ) as { series: { name?: string; stack?: string; data: unknown[] }[]; tooltip: { formatter: (p: unknown) => string } };

  it("draws the target path, the projection and its 80% band, each named in the legend", () => {
    const names = option.series.map((s) => s.name);
    expect(names).toEqual(["Guangdong", "Target", "Target path", "Current trend", undefined, "80% band"]);
    const [low, band] = option.series.filter((s) => s.stack === "band");
    // The axis runs 2023…2027; the band's height sits on its lower edge.
    expect(low.data.at(-1)).toEqual({ value: 15.8, band: true });
    expect((band.data.at(-1) as { value: number }).value).toBeCloseTo(1.3, 10);
    expect(option.series[2].data).toEqual([null, 15.2, null, null, 16]);
  });

  it("says the band in the projection's tooltip row, and never the band's stacked height", () => {
    const row = option.tooltip.formatter([
      { seriesName: "Current trend", axisValue: "2027", data: option.series[3].data.at(-1) },
      { seriesName: "", axisValue: "2027", data: option.series[4].data.at(-1) },
      { seriesName: "80% band", axisValue: "2027", data: option.series[5].data.at(-1) },
    ]);
    expect(row).toBe("2027<br/>Current trend: 16.4% (80% band: 15.8% – 17.1%)");
  });
});
