import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import { applyAxisMode, axisNoteText, relativeBase, withLogAxis } from "../../src/charts/axis-transform";
import { buildSeriesOption, type SeriesInput } from "../../src/charts/series-option";
import { measuredIndicator, measuredObservations, resolveMeasure } from "../../src/domain/intensity";
import { axisSubtitle, denominatorOf, measureColumns, measureFileId, seriesTableWith } from "../../src/export/measure-columns";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as compareTexts from "../../src/i18n/messages-compare";
import * as measureTexts from "../../src/i18n/messages-measure";
import { dataset } from "../support/msw";

addMessages(compareTexts);
addMessages(measureTexts);
const en = translator("en");
const zh = translator("zh");
const INDEX = { zh: "指数，首期 = 100", en: "index, first period = 100" };

const catalogue = dataset.indicators;
const stations = catalogue.find((i) => i.id === "5g-base-stations") as Indicator;
const obs = (region: string, period: string, value: number | null, status: Observation["status"] = "final"): Observation => ({
  region,
  period,
  value,
  status,
});
const values = (input: SeriesInput, i: number) => input.lines[i].observations.map((o) => o.value);

const input: SeriesInput = {
  indicator: stations,
  lines: [
    { name: "A", observations: [obs("A", "2020", 50), obs("A", "2021", 75), obs("A", "2022", 100)] },
    // First value missing, then zero: starts at 2022.
    { name: "B", observations: [obs("B", "2020", null), obs("B", "2021", 0), obs("B", "2022", 8), obs("B", "2023", 10)] },
    { name: "C", observations: [obs("C", "2020", 0), obs("C", "2021", -1)] },
  ],
  targets: [{ region: "A", period: "2025", value: 200, base: undefined } as never],
};

describe("relative change (first period = 100)", () => {
  const { input: out, notes } = applyAxisMode(input, { log: false, relative: true }, INDEX);

  it("divides each line by its value in the first period, × 100", () => {
    expect(values(out, 0)).toEqual([100, 150, 200]);
  });

  it("starts a line whose first value is missing or ≤ 0 at its first positive value, and says so", () => {
    expect(relativeBase(input.lines[1].observations)).toEqual({ period: "2022", value: 8 });
    expect(values(out, 1)).toEqual([null, null, 100, 125]);
    expect(notes.lateBase).toEqual([{ name: "B", period: "2022" }]);
    expect(values(out, 2)).toEqual([null, null]);
    expect(notes.noBase).toEqual(["C"]);
    expect(axisNoteText(notes, en)).toContain("B (2022)");
  });

  it("draws an index: its unit, no targets, and the figures it came from kept for the CSV", () => {
    expect(out.indicator.unit.en).toBe(INDEX.en);
    expect(out.targets).toEqual([]);
    expect(out.lines[0].observations[1]).toMatchObject({ raw: 75, basePeriod: "2020", value: 150 });
  });

  it("is the identity when off", () => {
    expect(applyAxisMode(input, { log: false, relative: false }, INDEX).input).toEqual(input);
  });
});

describe("a log axis", () => {
  const { input: out, notes } = applyAxisMode(input, { log: true, relative: false }, INDEX);

  it("leaves out values ≤ 0 and says so", () => {
    expect(values(out, 1)).toEqual([null, null, 8, 10]);
    expect(values(out, 2)).toEqual([null, null]);
    expect(notes.nonPositive).toBe(3);
    expect(axisNoteText(notes, en)).toBe(en("axis.logNonPositive"));
  });

  it("is drawn as a log axis by the option the screen and the export share", () => {
    const option = withLogAxis(buildSeriesOption(out, "en", en), true) as { yAxis: { type: string; scale?: boolean } };
    expect(option.yAxis.type).toBe("log");
    expect(option.yAxis.scale).toBeUndefined();
    const linear = buildSeriesOption(out, "en", en) as { yAxis: { type: string } };
    expect(withLogAxis(linear, false)).toBe(linear);
  });
});

describe("exports carry the measure and the axis mode", () => {
  const { choice } = resolveMeasure(stations, catalogue, "population");
  const shown = measuredIndicator(stations, choice);
  const measured = measuredObservations(
    [obs("440106", "2022", 3000), obs("440106", "2023", 3630), obs("440106", "2023Q2", 3200)],
    choice,
    { kind: "indicator", observations: [obs("440106", "2022", 200), obs("440106", "2023", 220)], stock: true },
  );
  const region = dataset.regions.find((r) => r.code === "440106");
  const lines = [{ name: "Tianhe", observations: measured.filter((o) => !o.period.includes("Q")) }];
  const denominator = denominatorOf(choice, catalogue, en);

  it("gives a measured series its numerator, denominator and the denominator's period, named in the reader's language", () => {
    const cols = measureColumns({ published: stations, shown, denominator, relative: false }, "en", en);
    const table = seriesTableWith({ indicator: shown, lines }, region ? [region] : [], "en", en, cols);
    expect(table.header.slice(-3)).toEqual([
      `Numerator: ${stations.name.en} (${stations.unit.en})`,
      expect.stringMatching(/^Denominator: .*Population|^Denominator: /),
      "Denominator period",
    ]);
    expect(choice.scale).toBe(1); // population is counted in 10,000 residents
    expect(table.rows[1].slice(4, 5)).toEqual([16.5]);
    expect(table.rows[1].slice(-3)).toEqual([3630, 220, "2023"]);
    const zhCols = measureColumns({ published: stations, shown, denominator, relative: false }, "zh", zh);
    expect(zhCols?.header[0]).toBe(`分子：${stations.name.zh}（${stations.unit.zh}）`);
  });

  it("takes a quarter's denominator from its year for a stock", () => {
    expect(measured[2]).toMatchObject({ numerator: 3200, denominator: 220, denominatorPeriod: "2023" });
  });

  it("gives a relative series its index values, headed as such, with the base period and the figure indexed", () => {
    const rel = applyAxisMode({ indicator: shown, lines }, { log: false, relative: true }, INDEX);
    const cols = measureColumns({ published: stations, shown, denominator, relative: true }, "en", en);
    const table = seriesTableWith(rel.input, region ? [region] : [], "en", en, cols);
    expect(table.header[4]).toBe("Index (first period = 100)");
    expect(table.rows[0][5]).toBe(INDEX.en);
    expect(table.rows.map((r) => r[4])).toEqual([100, 110]);
    expect(table.rows[1].slice(7, 9)).toEqual(["2022", 16.5]);
    expect(table.rows[1].slice(-3)).toEqual([3630, 220, "2023"]);
  });

  it("adds nothing for a total on a linear axis", () => {
    expect(
      measureColumns({ published: stations, shown: stations, denominator: null, relative: false }, "en", en),
    ).toBeUndefined();
  });

  it("names the measure in titles, file names and subtitles", () => {
    expect(shown.name.en).toBe("5G base stations per 10,000 residents");
    expect(measureFileId(stations.id, choice)).toBe("5g-base-stations-per-population");
    expect(measureFileId(stations.id, { per: "total", denominator: null })).toBe("5g-base-stations");
    expect(axisSubtitle("Tianhe; 2020–2023; county", { log: true, relative: true }, en)).toBe(
      "Tianhe; 2020–2023; county · first period = 100 · log scale",
    );
  });
});
