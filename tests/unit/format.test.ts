import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import type { Indicator } from "../../src/api/contract";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatDate, formatValue, translator, unitLabel } from "../../src/i18n/format";

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
const funds = ind({ zh: "亿元", en: "100 million yuan" }, 3);
const stations = ind({ zh: "个", en: "stations" }, 0);
const people = ind({ zh: "万人", en: "10,000 people" });
const rate = ind({ zh: "%", en: "%" });

describe("number formatting", () => {
  it("says amounts in 亿元/万人 with English scale words, and keeps 亿元/万人 in Chinese", () => {
    expect(formatValue(28, funds, "en")).toBe("2.8 billion yuan");
    expect(formatValue(28, funds, "zh")).toBe("28.0 亿元");
    expect(formatValue(92, people, "en")).toBe("920,000 people");
    expect(formatValue(92, people, "zh")).toBe("92.0 万人");
    expect(formatValue(30000, yuan, "en")).toBe("3 trillion yuan");
    expect(formatValue(23089.7, yuan, "en")).toBe("2.31 trillion yuan");
    expect(formatValue(23089.7, yuan, "zh")).toBe("23,089.7 亿元");
    expect(formatValue(12706.4, people, "en")).toBe("127 million people");
    expect(formatValue(0.5, yuan, "en")).toBe("50 million yuan");
    expect(formatValue(-4.2, yuan, "en")).toBe("-420 million yuan");
  });

  it("keeps up to three significant digits, never more decimals than the data has", () => {
    // Chinese: at least one decimal where the data has them, up to three significant digits.
    expect(formatValue(2.345, funds, "zh")).toBe("2.35 亿元");
    expect(formatValue(0.029, funds, "zh")).toBe("0.029 亿元");
    expect(formatValue(0.029, funds, "en")).toBe("2.9 million yuan");
    expect(formatValue(12.34, ind({ zh: "万人", en: "10,000 people" }, 2), "en")).toBe("123,000 people");
    expect(formatValue(20000, ind({ zh: "万人", en: "10,000 people" }, 0), "zh")).toBe("20,000 万人");
  });

  it("leaves rates, physical units and plain counts in their own decimals", () => {
    expect(formatValue(45.25, rate, "zh")).toBe("45.3%");
    expect(formatValue(45, rate, "en")).toBe("45.0%");
    expect(formatValue(41.998, ind({ zh: "EFLOPS", en: "EFLOPS" }, 3), "en")).toBe("41.998 EFLOPS");
    expect(formatValue(380004, stations, "en")).toBe("380,004 stations");
    expect(formatValue(380004, stations, "zh")).toBe("380,004 个");
    expect(formatValue(null, rate, "zh")).toBe("—");
    expect(formatValue(null, rate, "en", "no data")).toBe("no data");
  });

  it("gives the number alone for a column or axis, whose unit unitLabel says once", () => {
    expect(formatValue(23089.7, yuan, "en", "—", false)).toBe("2.31 trillion");
    expect(formatValue(23089.7, yuan, "zh", "—", false)).toBe("23,089.7");
    expect(formatValue(45, rate, "en", "—", false)).toBe("45.0");
    expect(unitLabel(yuan, "en")).toBe("yuan");
    expect(unitLabel(yuan, "zh")).toBe("亿元");
    expect(unitLabel(people, "en")).toBe("people");
    expect(unitLabel(stations, "en")).toBe("stations");
    expect(unitLabel(rate, "en")).toBe("%");
  });

  it("has every message in both languages and fills placeholders as text", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    expect(translator("en")("panel.empty", { reason: "<b>x</b>" })).toBe("No data: <b>x</b>");
  });
});

/**
 * Every unit of the catalogue, in both languages: a sample figure in the decimals of the first
 * indicator with that unit. A unit added to the catalogue fails here until it is given a line.
 */
const BY_UNIT: Record<string, [value: number, zh: string, en: string]> = {
  "亿元|100 million yuan": [28, "28.0 亿元", "2.8 billion yuan"],
  "万人|10,000 people": [92, "92.0 万人", "920,000 people"],
  "家|enterprises": [70000, "70,000 家", "70,000 enterprises"],
  "万户|10,000 enterprises": [800, "800.0 万户", "8 million enterprises"],
  "个|villages": [19650, "19,650 个", "19,650 villages"],
  "%|%": [40.84, "40.8%", "40.8%"],
  "亿块|100 million units": [680, "680.0 亿块", "68 billion units"],
  "套|units": [109746, "109,746 套", "109,746 units"],
  "万户|10,000 subscribers": [1120.4, "1,120.4 万户", "11.2 million subscribers"],
  "家|hospitals": [460, "460 家", "460 hospitals"],
  "亿件|100 million parcels": [430.25, "430.3 亿件", "43 billion parcels"],
  "所|schools": [2200, "2,200 所", "2,200 schools"],
  "个|scenic spots": [230, "230 个", "230 scenic spots"],
  "个|stations": [379999, "379,999 个", "379,999 stations"],
  "EFLOPS|EFLOPS": [41.998, "41.998 EFLOPS", "41.998 EFLOPS"],
  "个|projects": [2100, "2,100 个", "2,100 projects"],
  "人|persons": [3200, "3,200 人", "3,200 persons"],
  "个|occupations": [21, "21 个", "21 occupations"],
  "万人次|10,000 person-times": [130, "130.0 万人次", "1.3 million person-times"],
};

describe("every unit of the catalogue", () => {
  const indicators = generateDataset().indicators;
  const units = [...new Map(indicators.map((i) => [`${i.unit.zh}|${i.unit.en}`, i])).entries()];

  it.each(units)("%s in both languages", (key, first) => {
    expect(BY_UNIT[key], `no sample for the unit ${key}`).toBeDefined();
    const [value, zh, en] = BY_UNIT[key];
    expect(formatValue(value, first, "zh")).toBe(zh);
    expect(formatValue(value, first, "en")).toBe(en);
  });

  it("never says a Chinese scale unit in English, and keeps the unit in Chinese", () => {
    for (const i of indicators) {
      for (const value of [0, 0.05, 1.5, 37.2, 940, 12345.6, 98765.4]) {
        const en = formatValue(value, i, "en");
        expect(en, i.id).not.toMatch(/100 million|10,000 |\d\s+(万|亿)/);
        expect(en.endsWith(unitLabel(i, "en")), `${i.id}: ${en}`).toBe(true);
        expect(formatValue(value, i, "zh").endsWith(i.unit.zh), i.id).toBe(true);
        // No more decimals than the data has, in either language.
        const decimals = (s: string) => /\.(\d+)/.exec(s)?.[1].length ?? 0;
        if (i.unit.zh.length > 1 && /^[万亿]/.test(i.unit.zh)) {
          expect(decimals(formatValue(value, i, "zh")), `${i.id} ${value}`).toBeLessThanOrEqual(i.decimals);
        }
      }
    }
  });
});

describe("formatDate", () => {
  const intl = (iso: string, locale: string) =>
    new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" }).format(
      new Date(iso),
    );
  it.each([
    "2026-03-31T00:00:00+08:00",
    "2025-12-31T16:30:00Z", // already 1 January 2026 in Guangdong
    "2024-02-29T12:00:00+08:00",
    "2019-07-01T23:59:59+08:00",
    "2023-01-01T00:00:00-05:00",
  ])("writes %s as Intl does in Asia/Shanghai, in both languages", (iso) => {
    expect(formatDate(iso, "zh")).toBe(intl(iso, "zh-CN"));
    expect(formatDate(iso, "en")).toBe(intl(iso, "en-GB"));
  });
  it("names the day in Guangdong, not UTC", () => {
    expect(formatDate("2025-12-31T16:30:00Z", "en")).toBe("1 January 2026");
    expect(formatDate("2026-03-31T00:00:00+08:00", "zh")).toBe("2026年3月31日");
  });
  it("refuses a date it cannot read, as Intl does", () => {
    expect(() => formatDate("not a date", "zh")).toThrow(RangeError);
  });
});
