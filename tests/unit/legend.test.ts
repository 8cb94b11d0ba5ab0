import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/api/contract";
import { hideSeries, legendEntries } from "../../src/charts/legend";

import { buildSeriesOption } from "../../src/charts/series-option";
import { buildRadarOption } from "../../src/features/compare/options";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as compareTexts from "../../src/i18n/messages-compare";

addMessages(compareTexts); // as the Compare view's chunk does (the radar's tooltip texts)
const en = translator("en");
const ind = {
  id: "x",
  name: { zh: "x", en: "x" },
  unit: { zh: "%", en: "%" },
  decimals: 1,
  direction: "higher",
} as unknown as Indicator;
const obs = (region: string) => [{ region, period: "2024", value: 1, status: "final" as const }];

describe("the HTML legend", () => {
  const option = buildSeriesOption(
    {
      indicator: ind,
      lines: [
        { name: "Shenzhen <b>", observations: obs("440300") },
        { name: "Guangdong", observations: obs("440000"), benchmark: true },
      ],
      targets: [{ region: "440000", period: "2025", value: 2, source: { zh: "", en: "" } }],
      milestones: [],
    },
    "en",
    en,
  );

  it("lists each series with its colour and how it is drawn: line, dashed benchmark, target markers", () => {
    const entries = legendEntries(option);
    expect(entries.map((e) => [e.name, e.mark, e.toggles])).toEqual([
      ["Shenzhen <b>", "line", true],
      ["Guangdong", "dashed", true],
      ["Target", "marker", true],
    ]);
    expect(entries.map((e) => e.color)).toEqual((option as { color: string[] }).color);
  });

  it("is absent when the option hides its legend or has none", () => {
    expect(legendEntries({ ...option, legend: { show: false } })).toEqual([]);
    expect(legendEntries({ series: [{ type: "line", name: "a" }] })).toEqual([]);
  });

  it("hides a series by emptying it in place, so that the others keep their colours", () => {
    const hidden = hideSeries(option, new Set(["Guangdong"])) as { series: { name: string; data: unknown[] }[]; color: string[] };
    expect(hidden.series.map((s) => [s.name, s.data.length > 0])).toEqual([
      ["Shenzhen <b>", true],
      ["Guangdong", false],
      ["Target", true],
    ]);
    expect(hidden.color).toEqual((option as { color: string[] }).color);
    expect(hideSeries(option, new Set())).toBe(option);
  });

  it("lists a radar's polygons, which do not toggle one by one", () => {
    const radar = buildRadarOption(
      {
        pillars: ["industry", "government"],
        series: [
          { name: "A", color: "#0969da", scores: [1, 2] },
          { name: "B", color: "#bf3989", scores: [2, 1] },
        ],
        min: 0,
        max: 100,
        format: String,
      },
      en,
    );
    expect(legendEntries(radar).map((e) => [e.name, e.color, e.mark, e.toggles])).toEqual([
      ["A", "#0969da", "area", false],
      ["B", "#bf3989", "area", false],
    ]);
  });
});
