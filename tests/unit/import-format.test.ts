/** The long format's cell readers and the region matcher (tools/import), on hand-made cells. */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { buildRegions } from "../../mock/regions";
import {
  classify,
  columnKey,
  isPercentFormat,
  parseBoolean,
  parseMeasure,
  parsePeriod,
  parseStatus,
  parseValue,
  shownPercent,
} from "../../tools/import/format";
import { columnLetter } from "../../tools/import/issues";
import { decodeText, delimiterOf } from "../../tools/import/read";
import { regionMatcher } from "../../tools/import/regions";

describe("cells", () => {
  it("periods: what spreadsheets hold, as the contract writes it", () => {
    const cases: [string | number, string | undefined][] = [
      [2023, "2023"],
      ["2023", "2023"],
      [" 2023年 ", "2023"],
      ["2023Q2", "2023Q2"],
      ["2023 q2", "2023Q2"],
      ["2023-Q4", "2023Q4"],
      ["2023年第二季度", "2023Q2"],
      ["2023年第3季度", "2023Q3"],
      ["2023Q5", undefined],
      ["2023-06", undefined],
      ["1900", undefined],
      ["", undefined],
    ];
    for (const [cell, want] of cases) expect(parsePeriod(cell), String(cell)).toBe(want);
  });

  it("values: numbers, thousands separators, no-value marks; a % only for rates", () => {
    expect(parseValue(36988, false)).toBe(36988);
    expect(parseValue("36,988", false)).toBe(36988);
    expect(parseValue("1，234.5", false)).toBe(1234.5);
    expect(parseValue("-3.5", false)).toBe(-3.5);
    expect(parseValue("1e3", false)).toBe(1000);
    for (const none of ["", " ", "-", "—", "…", "NA", "n/a"]) expect(parseValue(none, false), none).toBeNull();
    expect(parseValue(null, false)).toBeNull();
    expect(parseValue("87.5%", true)).toBe(87.5);
    expect(parseValue("87.5%", false)).toBeUndefined();
    for (const bad of ["约3万", "12,34", "1.2.3", "abc", "#N/A"]) expect(parseValue(bad, false), bad).toBeUndefined();
    expect(parseValue(Number.NaN, false)).toBeUndefined();
    expect(parseValue(true, false)).toBeUndefined();
  });

  it("XLSX number formats: a % scales the number unless quoted, escaped or in brackets; the percentage without float noise", () => {
    for (const f of ["0%", "0.0%", "0.00%", "#,##0.0%", "0.0%;[Red]-0.0%"]) expect(isPercentFormat(f), f).toBe(true);
    for (const f of [undefined, "General", "0.0", "@", '0.0"%"', "0.0\\%", "[$%-804]0.0"])
      expect(isPercentFormat(f), f).toBe(false);
    expect([0.875, 0.923, 0.07, 0.57, 1].map(shownPercent)).toEqual([87.5, 92.3, 7, 57, 100]);
  });

  it("measures: stock, flow, rate, or their Chinese names; empty is none", () => {
    expect(
      ["stock", "Flow", "rate", "存量", "流量", "比率", "时点指标", "时期指标", "", "level"].map((s) => parseMeasure(s)),
    ).toEqual(["stock", "flow", "rate", "stock", "flow", "rate", "stock", "flow", undefined, "invalid"]);
  });

  it("statuses and yes/no, in either language", () => {
    expect(
      ["", "final", "Preliminary", "estimated", "终值", "初步", "快报", "估计", "推算", "revised"].map((s) => parseStatus(s)),
    ).toEqual([
      "final",
      "final",
      "preliminary",
      "estimated",
      "final",
      "preliminary",
      "preliminary",
      "estimated",
      "estimated",
      undefined,
    ]);
    expect(["true", "Yes", "1", "是", "false", "否", "0", "", "maybe"].map((s) => parseBoolean(s))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      undefined,
      "invalid",
    ]);
    expect(parseBoolean(true)).toBe(true);
  });
});

describe("tables", () => {
  it("headers: the key, a Chinese alias, or both; first word that is one wins", () => {
    expect(columnKey("region", "data")).toBe("region");
    expect(columnKey("Region", "data")).toBe("region");
    expect(columnKey("地区", "data")).toBe("region");
    expect(columnKey("region 地区", "data")).toBe("region");
    expect(columnKey("数值（万元）", "data")).toBe("value");
    expect(columnKey("name_zh 名称（中文）", "catalogue")).toBe("name_zh");
    expect(columnKey("comment", "data")).toBeUndefined();
    expect(columnKey("地区", "catalogue")).toBeUndefined(); // aliases are for data tables…
    expect(columnKey("基期", "targets")).toBe("base_period"); // …and the targets table's base
    expect(columnKey("基期值", "targets")).toBe("base_value");
    expect(columnKey("measure 存量/流量/比率", "catalogue")).toBe("measure");
  });

  it("kinds, by header", () => {
    expect(classify(["地区", "指标", "时期", "数值"])).toBe("data");
    expect(classify(["region", "value"])).toBe("data"); // then reported for its missing columns
    expect(classify(["id", "name_zh", "pillar"])).toBe("catalogue");
    expect(classify(["indicator", "region", "period", "value", "source_zh", "source_en"])).toBe("targets");
    expect(classify(["date", "label_zh", "label_en"])).toBe("milestones");
    expect(classify(["code 代码", "level 层级", "name_zh"])).toBe("regions");
    expect(classify(["foo", "bar"])).toBeUndefined();
  });

  it("delimiters from the header line alone", () => {
    expect(delimiterOf('id,name_en\n1,"a; b; c"\n')).toBe(",");
    expect(delimiterOf("region\tindicator\tvalue\r\n")).toBe("\t");
    expect(delimiterOf("region;indicator;value")).toBe(";");
    expect(delimiterOf("region")).toBe(",");
  });

  it("spreadsheet column letters", () => {
    expect([0, 3, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("encodings", () => {
  const text = "地区,数值\n广州市,1\n";
  it("detects UTF-8 with and without BOM, UTF-16 with BOM, else GB18030", () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: "UTF-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: "UTF-8 BOM" });
    expect(decodeText(new Uint8Array(iconv.encode(text, "gb18030")))).toEqual({ text, encoding: "GB18030" });
    expect(decodeText(new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true })))).toEqual({ text, encoding: "UTF-16LE" });
  });
  it("forced: GB18030 read as UTF-8 is refused, UTF-8 read as GB18030 is garbled (so force only when sure)", () => {
    expect(decodeText(new Uint8Array(iconv.encode(text, "gb18030")), "utf-8")).toBeUndefined();
    expect(decodeText(new TextEncoder().encode(text), "gb18030")?.text).not.toBe(text);
  });
});

describe("regions", () => {
  const match = regionMatcher(buildRegions());
  const code = (s: string) => {
    const m = match(s);
    return m.ok ? m.region.code : m.candidates.map((c) => c.code);
  };
  it("by code, Chinese or English name, with or without the suffix, any case", () => {
    expect(
      ["440106", "天河区", "天河", "Tianhe District", "tianhe", "广州市", "广州", "Guangzhou", "GUANGZHOU CITY"].map(code),
    ).toEqual(["440106", "440106", "440106", "440106", "440106", "440100", "440100", "440100", "440100"]);
    expect(["广东省", "Guangdong", "东莞市", "Dongguan", "城区"].map(code)).toEqual([
      "440000",
      "440000",
      "441900",
      "441900",
      "441502",
    ]);
  });
  it("refuses what is not there: no candidates", () => {
    expect(["440999", "海淀区", "Guang", ""].map(code)).toEqual([[], [], [], []]);
  });
});
