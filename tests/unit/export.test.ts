import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/export/csv";
import { buildExportOption } from "../../src/export/export-option";
import { exportFileName } from "../../src/export/filename";

describe("CSV", () => {
  const csv = toCsv({
    header: ["代码", "地区", "数值", "状态"],
    textColumns: [0],
    rows: [
      ["440106", "天河区", 1234.5, "终值"],
      ["441900", '东莞市, "莞"', null, "初步"],
      ["440300", '=HYPERLINK("http://x")', -3, "+1"],
      ["440100", "line\nbreak", 0, "@cmd"],
    ],
  });

  it("starts with a BOM and ends rows with CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(6);
  });

  it("parses back to the same cells, Chinese text and quoting intact, nulls empty", () => {
    const { data } = Papa.parse<string[]>(csv.slice(1).trim(), { newline: "\r\n" });
    expect(data[0]).toEqual(["代码", "地区", "数值", "状态"]);
    expect(data[1]).toEqual(["440106", "天河区", "1234.5", "终值"]);
    expect(data[2]).toEqual(["441900", '东莞市, "莞"', "", "初步"]);
    expect(data[4]).toEqual(["440100", "line\nbreak", "0", "'@cmd"]);
  });

  it("neutralises every cell a spreadsheet would run as a formula, but not numbers", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(bad)).toBe(`'${bad}`);
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("安全")).toBe("安全");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("writes codes quoted, as text", () => {
    expect(csv.split("\r\n")[1].startsWith('"440106",')).toBe(true);
  });
});

describe("file names", () => {
  it("say indicator, level, period and language", () => {
    expect(exportFileName({ indicator: "5g-base-stations", level: "county", period: "2023", lang: "en" }, "png")).toBe(
      "5g-base-stations_county_2023_en.png",
    );
    expect(exportFileName({ indicator: "x", suffix: "ranking", level: "city", period: "2018-2025", lang: "zh" }, "csv")).toBe(
      "x_ranking_city_2018-2025_zh.csv",
    );
  });
  it("keep to safe characters", () => {
    expect(exportFileName({ indicator: "../../etc/passwd", period: "2023Q2", lang: "zh" }, "svg")).toBe(
      "etc-passwd_2023q2_zh.svg",
    );
  });
});

describe("export option", () => {
  const screen = {
    legend: { type: "scroll", top: 0 },
    grid: { top: 40, bottom: 24, left: 16 },
    tooltip: { trigger: "axis" },
    series: [{ type: "line", data: [1, 2] }],
  };
  const option = buildExportOption(screen, {
    title: "5G base stations, 2023",
    subtitle: "Guangdong, county",
    footer: "Source: X; data version v1; exported 2026-11-26",
    link: "https://example.org/?view=map",
    simulatedMark: "Simulated data / 模拟数据",
    background: "white",
  }) as Record<string, unknown> & {
    title: { text: string; subtext: string }[];
    legend: { type: string }[];
    grid: { top: number; bottom: number }[];
    graphic: { style: { text: string } }[];
  };

  it("has the title and subtitle", () => {
    expect(option.title[0]).toMatchObject({ text: "5G base stations, 2023", subtext: "Guangdong, county" });
  });
  it("shows the whole legend, not a scrolled page of it", () => {
    expect(option.legend[0].type).toBe("plain");
  });
  it("has the footer with source and link, and the simulated mark", () => {
    const texts = option.graphic.map((g) => g.style.text);
    expect(texts).toContain("Source: X; data version v1; exported 2026-11-26");
    expect(texts).toContain("https://example.org/?view=map");
    expect(texts).toContain("Simulated data / 模拟数据");
  });
  it("moves the plot clear of the frame and drops tooltip and animation", () => {
    expect(option.grid[0].top).toBeGreaterThan(40);
    expect(option.grid[0].bottom).toBeGreaterThan(24);
    expect(option.tooltip).toBeUndefined();
    expect(option.animation).toBe(false);
    expect(option.backgroundColor).toBe("#ffffff");
  });
  it("leaves the simulated mark out for official data", () => {
    const official = buildExportOption(screen, {
      title: "t",
      subtitle: "s",
      footer: "f",
      link: "l",
      simulatedMark: null,
      background: "transparent",
    }) as { graphic: unknown[]; backgroundColor: string };
    expect(official.graphic).toHaveLength(2);
    expect(official.backgroundColor).toBe("transparent");
  });
});
