import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import {
  buildInputsOption,
  inputIndicators,
  inputsData,
  inputsLegend,
  niceStep,
  zeroAlignedAxes,
} from "../../src/features/explore/inputs-option";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as exploreTexts from "../../src/i18n/messages-explore";
import { dataset } from "../support/msw";

// As the Explore view's chunk does when it loads.
addMessages(exploreTexts);

const share: Indicator = {
  id: "core-share",
  pillar: "industry",
  name: { zh: "核心产业占比", en: "Core share" },
  unit: { zh: "%", en: "%" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province", "city"],
  aggregation: { method: "sum" },
  decimals: 1,
  targets: [],
};
const amount: Indicator = {
  ...share,
  id: "core-va",
  name: { zh: "核心产业增加值", en: "Core VA" },
  unit: { zh: "亿元", en: "100 million yuan" },
};
const funds: Indicator = {
  ...share,
  id: "funds",
  pillar: "investment",
  name: { zh: "专项资金", en: "Funds <script>" },
  unit: { zh: "亿元", en: "100 million yuan" },
};
const projects: Indicator = {
  ...funds,
  id: "projects",
  name: { zh: "项目", en: "Projects" },
  unit: { zh: "个", en: "projects" },
  decimals: 0,
};
const late: Indicator = { ...funds, id: "late", name: { zh: "新指标", en: "New" } };

const series = (values: Record<string, number | null>, preliminary: string[] = []): Observation[] =>
  Object.entries(values).map(([period, value]) => ({
    region: "440000",
    period,
    value,
    status: preliminary.includes(period) ? "preliminary" : "final",
  }));

const years = ["2021", "2022", "2023"];
const input = {
  outcome: share,
  outcomeObservations: [...series({ 2020: 14, 2021: 14.5, 2022: 14.5, 2023: 15.25 }, ["2023"]), ...series({ "2023Q1": 99 })],
  inputs: [
    { indicator: funds, observations: series({ 2020: 20, 2021: 25, 2022: 20, 2023: 30 }) },
    { indicator: projects, observations: series({ 2021: 100, 2022: null, 2023: 150 }, ["2023"]) },
    { indicator: late, observations: series({ 2024: 5 }) },
  ],
  years,
};

describe("funding and talent beside the outcome: the data", () => {
  const data = inputsData(input);

  it("turns each input into its percent change on the year before, gaps staying null", () => {
    expect(data.years).toEqual(years);
    expect(data.bars.map((b) => b.indicator.id)).toEqual(["funds", "projects"]);
    expect(data.bars[0].points.map((p) => p.change)).toEqual([25, -20, 50]);
    // 2021 has no year before in the data, 2022 is missing, so 2023 has no year before either.
    expect(data.bars[1].points.map((p) => p.change)).toEqual([null, null, null]);
    expect(data.bars[1].points.map((p) => p.value)).toEqual([100, null, 150]);
  });

  it("leaves out inputs with no value in the range, and says which", () => {
    expect(data.omitted.map((i) => i.id)).toEqual(["late"]);
  });

  it("gives a rate's change in percentage points, an amount's in percent", () => {
    expect(data.line.kind).toBe("pp");
    expect(data.line.points.map((p) => p.change)).toEqual([0.5, 0, 0.75]);
    const pct = inputsData({ ...input, outcome: amount });
    expect(pct.line.kind).toBe("pct");
    expect(pct.line.points[0].change).toBeCloseTo((0.5 / 14) * 100, 10);
  });

  it("carries preliminary figures through to the change they enter", () => {
    expect(data.line.points.map((p) => p.status)).toEqual(["final", "final", "preliminary"]);
    expect(data.bars[1].points.map((p) => p.status)).toEqual(["final", null, "preliminary"]);
  });
});

describe("funding and talent beside the outcome: the chart option", () => {
  const t = translator("en");
  const option = buildInputsOption(inputsData(input), share, "en", t) as {
    yAxis: { name: string; min: number; max: number; interval: number }[];
    series: { name: string; type: string; yAxisIndex: number; data: ({ value: number; itemStyle?: unknown } | null)[] }[];
    tooltip: { formatter: (p: unknown) => string };
  };

  it("draws bars for the inputs on the left axis and the outcome's change as a line on the right", () => {
    expect(option.series.map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([
      ["Funds <script>", "bar", 0],
      ["Projects", "bar", 0],
      ["Core share (change on year before)", "line", 1],
    ]);
    expect(option.series[0].data.map((d) => d?.value ?? null)).toEqual([25, -20, 50]);
    expect(option.series[1].data).toEqual([null, null, null]);
    expect(option.series[2].data.map((d) => d?.value ?? null)).toEqual([0.5, 0, 0.75]);
    expect(option.yAxis.map((a) => a.name)).toEqual(["Change on year before (%)", "Outcome change (pp)"]);
  });

  it("puts zero on the same line on both axes: bars fall to −20%, the line only rises", () => {
    const [left, right] = option.yAxis;
    // The line needs four steps of 0.2 above zero (0.75), so the bars' axis gets four of 20.
    expect([left.min, left.max, left.interval]).toEqual([-20, 80, 20]);
    expect([right.min, right.max, right.interval]).toEqual([-0.2, 0.8, 0.2]);
  });

  it("names the series for the legend beside the chart, in the chart's colours", () => {
    const legend = inputsLegend(inputsData(input), share, "en", t);
    expect(legend.map((e) => [e.name, e.type])).toEqual([
      ["Funds <script>", "bar"],
      ["Projects", "bar"],
      ["Core share (change on year before)", "line"],
    ]);
    expect(legend.map((e) => e.color)).toEqual((option as unknown as { color: string[] }).color);
  });

  it("draws preliminary points hollow", () => {
    const line = option.series[2].data;
    expect(line[2]?.itemStyle).toMatchObject({ color: "#fff" });
    expect(line[1]?.itemStyle).toBeUndefined();
  });

  it("escapes names in the tooltip and shows each level in its unit", () => {
    const html = option.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 2, axisValue: "2023" },
      { seriesIndex: 1, dataIndex: 1, axisValue: "2023" },
      { seriesIndex: 2, dataIndex: 2, axisValue: "2023" },
    ]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("Funds &lt;script&gt;: +50.0% · value 3 billion yuan");
    // A gap in an input is left out of the tooltip, not shown as 0.
    expect(html).not.toContain("Projects");
    expect(html).toContain("Core share (change on year before): +0.8 pp · value 15.3% · preliminary");
  });
});

describe("zero-aligned axes", () => {
  it("picks nice steps of 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([niceStep(10), niceStep(7), niceStep(12), niceStep(0.7), niceStep(0), niceStep(230), niceStep(5e-324)]).toEqual([
      2, 2, 2.5, 0.2, 1, 50, 1,
    ]);
  });

  it("keeps each axis's own step, covers every value and puts zero at the same height", () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.option(finite), { maxLength: 12 }), fc.array(fc.option(finite), { maxLength: 12 }), (a, b) => {
        const [l, r] = zeroAlignedAxes(a, b);
        for (const [axis, values] of [
          [l, a],
          [r, b],
        ] as const) {
          expect(axis.max).toBeGreaterThan(axis.min);
          for (const v of values)
            if (v !== null) expect(v >= axis.min - 1e-9 * axis.interval && v <= axis.max + 1e-9 * axis.interval).toBe(true);
        }
        // As many intervals on each side, so the gridlines and zero coincide.
        const steps = (x: typeof l) => Math.round((x.max - x.min) / x.interval);
        expect(steps(l)).toBe(steps(r));
        expect(Math.round(-l.min / l.interval)).toBe(Math.round(-r.min / r.interval));
      }),
    );
  });
});

describe("which indicators stand beside the outcome", () => {
  const outcome = dataset.indicators.find((i) => i.id === "core-digital-va-share") as Indicator;
  const ids = (level: "province" | "city" | "county") => {
    const r = inputIndicators(dataset.indicators, outcome, level);
    return { investment: r.investment.map((i) => i.id), talent: r.talent.map((i) => i.id) };
  };

  it("takes the funding and talent pillars at the region's level, without base figures", () => {
    const province = ids("province");
    expect(province.investment).toContain("sme-transformation-funds");
    expect(province.talent).toContain("digital-skill-occupations");
    expect(province.talent).not.toContain("population");
    const county = ids("county");
    expect(county.investment).not.toContain("sme-transformation-funds");
    expect(county.talent).not.toContain("digital-engineering-technicians");
    expect(county.talent).toContain("ict-employment");
  });

  it("never sets an indicator beside itself", () => {
    const ict = dataset.indicators.find((i) => i.id === "ict-employment") as Indicator;
    expect(inputIndicators(dataset.indicators, ict, "city").talent.map((i) => i.id)).not.toContain("ict-employment");
  });
});
