import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/api/contract";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatCompact, formatValue, translator } from "../../src/i18n/format";

const ind = (unit: Indicator["unit"], decimals = 1): Indicator => ({
  id: "x",
  pillar: "industry",
  name: { zh: "x", en: "x" },
  unit,
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province"],
  aggregation: { method: "sum" },
  decimals,
  targets: [],
});
const yuan = ind({ zh: "亿元", en: "100 million yuan" });
const stations = ind({ zh: "个", en: "stations" }, 0);
const people = ind({ zh: "万人", en: "10,000 people" });
const rate = ind({ zh: "%", en: "%" });

describe("number formatting", () => {
  it("writes values in the unit and decimals, in both languages", () => {
    expect(formatValue(23089.7, yuan, "zh")).toBe("23,089.7 亿元");
    expect(formatValue(23089.7, yuan, "en")).toBe("23,089.7 100 million yuan");
    expect(formatValue(45, rate, "en")).toBe("45.0%");
    expect(formatValue(null, rate, "zh")).toBe("—");
  });

  it("uses 万/亿 in Chinese and thousand/million/billion in English for counts and money", () => {
    expect(formatCompact(23089.7, yuan, "zh")).toBe("2.31万亿元");
    expect(formatCompact(23089.7, yuan, "en")).toBe("2.31 trillion yuan");
    expect(formatCompact(0.5, yuan, "zh")).toBe("5,000万元");
    expect(formatCompact(0.5, yuan, "en")).toBe("50 million yuan");
    expect(formatCompact(380004, stations, "zh")).toBe("38万个");
    expect(formatCompact(380004, stations, "en")).toBe("380 thousand stations");
    expect(formatCompact(973, stations, "en")).toBe("973 stations");
    expect(formatCompact(12706.4, people, "zh")).toBe("1.27亿人");
    expect(formatCompact(12706.4, people, "en")).toBe("127 million people");
  });

  it("leaves rates and physical units alone", () => {
    expect(formatCompact(45.25, rate, "zh")).toBe("45.3%");
    expect(formatCompact(41.998, ind({ zh: "EFLOPS", en: "EFLOPS" }, 3), "en")).toBe("41.998 EFLOPS");
  });

  it("has every message in both languages and fills placeholders as text", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    expect(translator("en")("panel.empty", { reason: "<b>x</b>" })).toBe("No data: <b>x</b>");
  });
});
