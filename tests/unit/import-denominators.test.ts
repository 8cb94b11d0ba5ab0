/**
 * The importer (tools/import) on the catalogue's `denominators` column: what an amount may be
 * divided by (contract: Indicator.denominators), typed inline as
 * `gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; …`. Each rule with its message and cell,
 * a good entry in every accepted spelling, and the export's cell.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../mock/catalogue";
import { toIndicator } from "../../mock/generate";
import type { Indicator } from "../../src/api/contract";
import { denominatorsCell, exportLong } from "../../tools/import/export";
import { type ImportResult, importTables } from "../../tools/import/import";
import { formatIssue } from "../../tools/import/issues";
import { templateTables } from "../../tools/import/template";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/import");
const UPDATED = "2026-04-01T00:00:00+08:00";

/** An amount published for the province only, and its one value. */
const EXTRA = "it-firms,enterprise,信息技术企业数,IT firms,家,firms,,,测试数据,Test data,annual,higher,province,sum,0,,,,,,";
const EXTRA_DATA = "440000,it-firms,2023,100,,";

/**
 * The fixture catalogue (admin-villages: a base figure; villages-5g-rate: a rate;
 * 5g-base-stations: an amount at province and city level) plus `it-firms` (an amount at
 * province level), with a `denominators` column (V) filled in as given, and the fixture data.
 */
async function run(cells: Record<string, string>): Promise<ImportResult> {
  const text = await readFile(join(FIXTURES, "catalogue.csv"), "utf8");
  const rows = Papa.parse<string[]>(`${text.trim()}\n${EXTRA}`).data;
  const table = rows.map((r, i) => [...r, i === 0 ? "denominators" : (cells[r[0]] ?? "")]);
  const catalogue = Papa.unparse(table);
  const data = `${(await readFile(join(FIXTURES, "data.csv"), "utf8")).trim()}\n${EXTRA_DATA}\n`;
  return importTables(
    [
      { name: "catalogue.csv", bytes: new TextEncoder().encode(catalogue) },
      { name: "data.csv", bytes: new TextEncoder().encode(data) },
    ],
    { updatedAt: UPDATED },
  );
}
/** The issues about denominators, as printed (those an error leads to besides are not the point). */
const denominatorLines = (r: ImportResult) => r.issues.filter((i) => i.rule.startsWith("denominator.")).map(formatIssue);
const at = (row: number, severity = "错误 error") =>
  `${severity}  catalogue.csv, 第${row}行 row ${row}, V列 column V (denominators): `;
const indicator = (r: ImportResult, id: string): Indicator => {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.dataset.indicators.find((i) => i.id === id) as Indicator;
};

describe("the catalogue's denominators column", () => {
  it("reads a good entry in each spelling: ×, *, x; entries by ; or line breaks; | or ｜; unit and decimals optional", async () => {
    const r = await run({
      "5g-base-stations": "admin-villages × 1 | 每个行政村 | per village | 个/村 | stations per village | 2；",
      "it-firms": "\nadmin-villages*0.1 ｜ 每十个行政村 ｜ per 10 villages\n5g-base-stations × 1 | 每个基站 | per station",
    });
    expect(r.issues.map(formatIssue)).toEqual([]);
    // In the contract's order, after measure; unit and decimals only when given.
    expect(JSON.stringify(indicator(r, "5g-base-stations").denominators)).toBe(
      JSON.stringify([
        {
          indicator: "admin-villages",
          scale: 1,
          label: { zh: "每个行政村", en: "per village" },
          unit: { zh: "个/村", en: "stations per village" },
          decimals: 2,
        },
      ]),
    );
    expect(indicator(r, "it-firms").denominators).toEqual([
      { indicator: "admin-villages", scale: 0.1, label: { zh: "每十个行政村", en: "per 10 villages" } },
      { indicator: "5g-base-stations", scale: 1, label: { zh: "每个基站", en: "per station" } },
    ]);
    expect(indicator(r, "admin-villages")).not.toHaveProperty("denominators");

    const x = await run({ "5g-base-stations": "admin-villages x 10,000 | 每万个行政村 | per 10,000 villages |  |  | 0" });
    expect(x.issues.map(formatIssue)).toEqual([]);
    expect(indicator(x, "5g-base-stations").denominators).toEqual([
      { indicator: "admin-villages", scale: 10000, label: { zh: "每万个行政村", en: "per 10,000 villages" }, decimals: 0 },
    ]);
  });

  it("an entry that is not indicator × scale | label_zh | label_en [| unit_zh | unit_en [| decimals]]", async () => {
    const r = await run({
      "5g-base-stations":
        "admin-villages | 每个行政村 | per village; admin-villages × 1 | 每个行政村; a × 1 | b | c | d | e | 1 | 7",
    });
    const shape = (v: string) =>
      `分母“${v}”格式不对：应为 分母指标代码 × 倍数 | 名称（中文） | 名称（英文），可再加 | 单位（中文） | 单位（英文） | 小数位数（如 gdp × 100 | 占GDP比重 | share of GDP | % | % | 2；直接相除写 × 1），多个以“;”分隔或换行 / denominator "${v}" is not indicator × scale | label_zh | label_en, optionally followed by | unit_zh | unit_en | decimals (like gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; × 1 for a plain ratio), several separated by ';' or line breaks`;
    expect(denominatorLines(r)).toEqual([
      `${at(4)}${shape("admin-villages | 每个行政村 | per village")}`,
      `${at(4)}${shape("admin-villages × 1 | 每个行政村")}`,
      `${at(4)}${shape("a × 1 | b | c | d | e | 1 | 7")}`,
    ]);
    expect(r.ok).toBe(false);
  });

  it("a scale that is not a positive number", async () => {
    const r = await run({
      "5g-base-stations": "admin-villages × 0 | 每个 | per one; it-firms × -100 | 每 | per; villages-5g-rate × 百 | 每 | per",
    });
    expect(denominatorLines(r)).toEqual([
      `${at(4)}分母“admin-villages × 0 | 每个 | per one”的倍数“0”无效：应为大于 0 的数（如 100、10000、0.1） / the scale "0" of denominator "admin-villages × 0 | 每个 | per one" is not a number greater than 0 (like 100, 10000, 0.1)`,
      `${at(4)}分母“it-firms × -100 | 每 | per”的倍数“-100”无效：应为大于 0 的数（如 100、10000、0.1） / the scale "-100" of denominator "it-firms × -100 | 每 | per" is not a number greater than 0 (like 100, 10000, 0.1)`,
      `${at(4)}分母“villages-5g-rate × 百 | 每 | per”的倍数“百”无效：应为大于 0 的数（如 100、10000、0.1） / the scale "百" of denominator "villages-5g-rate × 百 | 每 | per" is not a number greater than 0 (like 100, 10000, 0.1)`,
    ]);
  });

  it("a label missing in either language; a unit in one language only", async () => {
    const r = await run({
      "5g-base-stations": "admin-villages × 1 |  | per village; it-firms × 1 | 每家企业 | per firm | 个/家",
    });
    expect(denominatorLines(r)).toEqual([
      `${at(4)}分母“admin-villages × 1 |  | per village”缺少名称：须填写中文和英文名称（如 gdp × 100 | 占GDP比重 | share of GDP） / denominator "admin-villages × 1 |  | per village" needs its label in Chinese and in English (like gdp × 100 | 占GDP比重 | share of GDP)`,
      `${at(4)}分母“it-firms × 1 | 每家企业 | per firm | 个/家”的单位须中英文都填写（如 | % | %），或都留空（即以名称为单位） / denominator "it-firms × 1 | 每家企业 | per firm | 个/家": give its unit in both Chinese and English (like | % | %), or neither (the label is then the unit)`,
    ]);
  });

  it("decimals outside 0–6 or not whole", async () => {
    const r = await run({
      "5g-base-stations":
        "admin-villages × 1 | 每村 | per village | 个 | stations | 7; it-firms × 1 | 每家 | per firm | 个 | stations | 1.5",
    });
    expect(denominatorLines(r)).toEqual([
      `${at(4)}分母“admin-villages × 1 | 每村 | per village | 个 | stations | 7”的小数位数“7”无效：应为 0 到 6 的整数 / the decimals "7" of denominator "admin-villages × 1 | 每村 | per village | 个 | stations | 7" are not a whole number from 0 to 6`,
      `${at(4)}分母“it-firms × 1 | 每家 | per firm | 个 | stations | 1.5”的小数位数“1.5”无效：应为 0 到 6 的整数 / the decimals "1.5" of denominator "it-firms × 1 | 每家 | per firm | 个 | stations | 1.5" are not a whole number from 0 to 6`,
    ]);
  });

  it("the indicator itself, a denominator given twice (whatever its scale), one not in the catalogue", async () => {
    const r = await run({
      "5g-base-stations":
        "5g-base-stations × 1 | 每站 | per station; admin-villages × 1 | 每村 | per village; admin-villages × 100 | 每百村 | per 100 villages",
      "it-firms": "population × 10000 | 人均 | per resident; GDP × 100 | 占比 | share",
    });
    expect(denominatorLines(r)).toEqual([
      `${at(4)}5g-base-stations 不能以它自身为分母 / 5g-base-stations cannot be its own denominator`,
      `${at(4)}分母指标“admin-villages”出现了两次：每个指标只能作为一次分母 / denominator "admin-villages" is given twice: each indicator may be a denominator once`,
      `${at(5)}分母指标“population”不在指标目录中：请把它加入目录，或删去这个分母 / denominator "population" is not in the catalogue: add it, or remove the denominator`,
      `${at(5)}分母指标“GDP”不在指标目录中：请把它加入目录，或删去这个分母 / denominator "GDP" is not in the catalogue: add it, or remove the denominator`,
    ]);
    expect(r.ok).toBe(false);
  });

  it("warnings for what the dashboard would ignore: a rate's or a base figure's denominators, one missing a level", async () => {
    const r = await run({
      "villages-5g-rate": "admin-villages × 1 | 每村 | per village",
      "admin-villages": "it-firms × 1 | 每家企业 | per firm",
      "5g-base-stations": "it-firms × 1 | 每家企业 | per firm; admin-villages × 1 | 每村 | per village",
    });
    expect(denominatorLines(r)).toEqual([
      `${at(2, "警告 warning")}admin-villages 是基础指标（context），仪表板按原值显示，不会除以分母：分母将被忽略 / admin-villages is a base figure (context), shown as it is: the dashboard divides only amounts, and will ignore its denominators`,
      `${at(3, "警告 warning")}villages-5g-rate 是比率（单位为 %），仪表板按原值显示，不会除以分母：分母将被忽略 / villages-5g-rate is a rate (in %), shown as it is: the dashboard divides only amounts, and will ignore its denominators`,
      `${at(4, "警告 warning")}分母指标 it-firms 没有市级数据，而本指标有：仪表板不会提供按它计算的相对值（请在 it-firms 的 levels 中加上 city，或删去这个分母） / denominator it-firms is not published at city level, where this indicator is: the dashboard will not offer it (add city to the levels of it-firms, or remove the denominator)`,
    ]);
    // Warnings only: the import goes on, the denominators as given.
    expect(indicator(r, "villages-5g-rate").denominators).toHaveLength(1);
    expect(indicator(r, "5g-base-stations").denominators?.map((d) => d.indicator)).toEqual(["it-firms", "admin-villages"]);
  });

  it("the export writes each entry as short as it can, and the template carries the catalogue's", () => {
    expect(denominatorsCell(undefined)).toBeNull();
    expect(denominatorsCell([])).toBeNull();
    expect(
      denominatorsCell([
        { indicator: "gdp", scale: 100, label: { zh: "占GDP比重", en: "share of GDP" }, unit: { zh: "%", en: "%" }, decimals: 2 },
        { indicator: "population", scale: 10000, label: { zh: "人均", en: "per resident" } },
        { indicator: "admin-villages", scale: 0.1, label: { zh: "每十村", en: "per 10 villages" }, decimals: 1 },
      ]),
    ).toBe(
      "gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; population × 10000 | 人均 | per resident; admin-villages × 0.1 | 每十村 | per 10 villages |  |  | 1",
    );
    const catalogue = templateTables().find((t) => t.kind === "catalogue");
    const column = catalogue?.header.indexOf("denominators 分母") ?? -1;
    expect(column).toBeGreaterThan(0);
    const cell = (id: string) => catalogue?.rows.find((r) => r[0] === id)?.[column];
    expect(cell("core-digital-va")).toBe(
      "gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; population × 10000 | 人均 | per resident | 元/人 | yuan per resident | 0",
    );
    expect(cell("gdp")).toBeNull();
    // Every amount of the simulated catalogue has its denominators in the template.
    const withDenominators = CATALOGUE.map(toIndicator).filter((i) => i.denominators?.length);
    expect(withDenominators.length).toBeGreaterThan(10);
    for (const i of withDenominators) expect(cell(i.id), i.id).toBe(denominatorsCell(i.denominators));
    expect(exportLong({ regions: [], indicators: [], observations: new Map() })[1].header).toContain("denominators 分母");
  });
});
