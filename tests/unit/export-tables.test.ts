import { describe, expect, it } from "vitest";
import type { Indicator, Observation, Region } from "../../src/api/contract";
import { seriesTable, tidy } from "../../src/export/series-table";
import { fileLevel as compareLevel, compareSubtitle, spanOf, spanText } from "../../src/features/compare/export";
import { fileLevel as exploreLevel, rangeText } from "../../src/features/explore/export";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as compareTexts from "../../src/i18n/messages-compare";
import { dataset } from "../support/msw";

// As the Compare view's chunk does when it loads.
addMessages(compareTexts);

const en = translator("en");
const indicator = dataset.indicators.find((i) => i.id === "core-digital-va-share") as Indicator;
const region = (code: string) => dataset.regions.find((r) => r.code === code) as Region;
const obs = (region: string, period: string, value: number | null, status: Observation["status"] = "final"): Observation => ({
  region,
  period,
  value,
  status,
});

describe("the data of a line chart as CSV", () => {
  const table = seriesTable(
    {
      indicator,
      lines: [
        { name: "Tianhe District", observations: [obs("440106", "2022", 12.1), obs("440106", "2023", null)] },
        { name: "Guangdong (weighted mean)", benchmark: true, observations: [obs("", "2023", 0.1 + 0.2, "estimated")] },
      ],
      targets: [{ region: "440000", period: "2023", value: 16, source: { zh: "", en: "" } }],
    },
    [region("440106"), region("440000")],
    "en",
    en,
  );

  it("has a translated header, the code as a text column, and a row per line and period", () => {
    expect(table.header).toEqual(["Series", "Code", "Level", "Period", "Value", "Unit", "Status"]);
    expect(table.textColumns).toEqual([1]);
    expect(table.rows[0]).toEqual(["Tianhe District", "440106", "county", "2022", 12.1, "%", "final"]);
  });
  it("keeps a gap as null, never zero", () => {
    expect(table.rows[1]).toEqual(["Tianhe District", "440106", "county", "2023", null, "%", "final"]);
  });
  it("gives a benchmark no code or level, and its computed value without floating-point noise", () => {
    expect(table.rows[2]).toEqual(["Guangdong (weighted mean)", null, null, "2023", 0.3, "%", "estimated"]);
  });
  it("ends with the targets drawn on the axis", () => {
    expect(table.rows[3]).toEqual(["Target", "440000", "province", "2023", 16, "%", null]);
  });
  it("tidies computed figures only of their noise", () => {
    expect([tidy(0.1 + 0.2), tidy(12.1), tidy(null), tidy(-3)]).toEqual([0.3, 12.1, null, -3]);
  });
});

describe("what an export's file name and subtitle say", () => {
  it("names one level, or 'mixed'", () => {
    expect(compareLevel(["county"])).toBe("county");
    expect(compareLevel(["city", "county"])).toBe("mixed");
    expect(exploreLevel([region("440100"), region("440300")])).toBe("city");
    expect(exploreLevel([region("440000"), region("440106")])).toBe("mixed");
  });
  it("spans the periods drawn", () => {
    const span = spanOf([{ name: "a", observations: [obs("1", "2021", 1), obs("1", "2018", 1)] }]);
    expect(span).toEqual({ from: "2018", to: "2021" });
    expect(span && [spanText(span), spanText(span, "-")]).toEqual(["2018–2021", "2018-2021"]);
    expect(spanOf([])).toBeNull();
    expect(rangeText("2023", "2023")).toBe("2023");
  });
  it("says regions, period and levels in the subtitle", () => {
    expect(compareSubtitle(["Tianhe District", "Guangzhou"], "2023", ["city", "county"], en)).toBe(
      "Tianhe District, Guangzhou; 2023; city / county",
    );
  });
});
