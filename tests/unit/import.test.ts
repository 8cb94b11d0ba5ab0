/**
 * The importer (tools/import): a statistics office's long tables in, a contract-v1 snapshot
 * out, or the exact list of what to fix. Fixtures are in tests/fixtures/import; the
 * GB18030, UTF-16, BOM and XLSX variants are made here from the UTF-8 ones.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotFiles } from "../../mock/snapshot";
import { IndicatorSchema, type Region } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { csvName, exportLong, toCsv } from "../../tools/import/export";
import { importFiles, loadInputs, writeTemplates } from "../../tools/import/files";
import { type ImportOptions, type ImportResult, importTables } from "../../tools/import/import";
import { formatIssue } from "../../tools/import/issues";
import type { ImportInput } from "../../tools/import/read";
import { dataset } from "../support/msw";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/import");
const EXAMPLE = resolve(import.meta.dirname, "../../tools/import/example");
const UPDATED = "2026-04-01T00:00:00+08:00";

/** A fixture as an input named by its file name, so that messages read `data.csv, 第3行…`. */
const fixture = async (name: string): Promise<ImportInput> => ({
  name,
  bytes: new Uint8Array(await readFile(join(FIXTURES, name))),
});
const run = async (names: string[], options: ImportOptions = {}) =>
  importTables(await Promise.all(names.map(fixture)), { updatedAt: UPDATED, ...options });
const lines = (r: ImportResult, severity?: "error" | "warning") =>
  r.issues.filter((i) => severity === undefined || i.severity === severity).map(formatIssue);
const bytesOf = (r: ImportResult) => {
  if (!r.ok) throw new Error(lines(r).join("\n"));
  return new Map([...snapshotFiles(r.dataset)].map(([name, body]) => [name, JSON.stringify(body)]));
};
const observations = (r: ImportResult, id: string) => (r.ok ? r.dataset.observations.get(id) : undefined);

describe("round trip: the simulated dataset, exported to the long format and imported back", () => {
  let result: ImportResult;
  beforeAll(async () => {
    const inputs = exportLong(dataset).map((t) => ({ name: csvName(t), bytes: new TextEncoder().encode(toCsv(t)) }));
    result = await importTables(inputs, { updatedAt: dataset.meta.updatedAt });
  });

  it("imports with no error and no warning", () => {
    expect(lines(result)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("gives every regions and observations file byte for byte", () => {
    const want = new Map([...snapshotFiles(dataset)].map(([name, body]) => [name, JSON.stringify(body)]));
    const got = bytesOf(result);
    expect([...got.keys()]).toEqual([...want.keys()]);
    // The catalogue, each indicator's whole file and one file per level it is published at,
    // one year file per level and year, and the province's and the cities' bundles (the
    // counties' is over mock/snapshot.ts's size limit).
    const years = dataset.meta.lastYear - dataset.meta.firstYear + 1;
    expect(got.size).toBe(dataset.indicators.reduce((n, i) => n + 1 + i.levels.length, 3) + 3 * years + 2);
    for (const [name, body] of want) {
      if (name === "meta.json" || name === "indicators.json") continue;
      expect(got.get(name), name).toBe(body);
    }
  });

  it("gives indicators.json byte for byte once keys are in the contract's order", () => {
    // The importer writes each indicator's keys (and each target's, and each base's) in the
    // contract's order; the generator in the order catalogue.ts happens to use (`caution`
    // before `source` in four entries). JSON key order means nothing, so only that is
    // normalised: every value and every other byte must match.
    const inOrder = <T extends object>(o: T, keys: string[]) =>
      Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k as keyof T]]));
    const shape = IndicatorSchema.def.shape;
    const target = shape.targets.def.element.def.shape;
    const targetKeys = Object.keys(target);
    const baseKeys = Object.keys(target.base.def.innerType.def.shape);
    const canonical = dataset.indicators.map((i) =>
      inOrder(
        {
          ...i,
          targets: i.targets.map((t) => inOrder(t.base ? { ...t, base: inOrder(t.base, baseKeys) } : t, targetKeys)),
        },
        Object.keys(shape),
      ),
    );
    expect(bytesOf(result).get("indicators.json")).toBe(JSON.stringify({ indicators: canonical }));
  });

  it("gives meta.json byte for byte except what must differ: not simulated, a version of its own", () => {
    const meta = JSON.parse(bytesOf(result).get("meta.json") as string);
    expect(meta.simulated).toBe(false);
    expect(meta.dataVersion).toMatch(/^import-[0-9a-f]{12}$/);
    // (`snapshot` is the snapshot's own manifest, not part of the contract's meta: see mock/snapshot.ts.)
    expect(JSON.stringify(meta)).toBe(
      JSON.stringify({
        ...dataset.meta,
        dataVersion: meta.dataVersion,
        simulated: false,
        snapshot: { bundles: ["province", "city"] },
      }),
    );
  });
});

describe("derivation: county values only, as many offices have them", () => {
  it("gives the cities and the province the simulated dataset publishes, sums and weighted means alike", async () => {
    const ids = ["admin-villages", "villages-5g-rate", "5g-base-stations"];
    const units = new Set(regionsAtLevel(dataset.regions, "county").map((r) => r.code));
    const tables = exportLong({
      regions: dataset.regions,
      // A part of the catalogue: denominators must name indicators of it (as weights do).
      indicators: dataset.indicators
        .filter((i) => ids.includes(i.id))
        .map((i) => ({ ...i, denominators: i.denominators?.filter((d) => ids.includes(d.indicator)) })),
      observations: new Map(ids.map((id) => [id, (dataset.observations.get(id) ?? []).filter((o) => units.has(o.region))])),
    });
    const r = await importTables(
      tables.map((t) => ({ name: csvName(t), bytes: new TextEncoder().encode(toCsv(t)) })),
      { updatedAt: UPDATED },
    );
    if (!r.ok) throw new Error(lines(r).join("\n"));
    let compared = 0;
    for (const id of ids) {
      const published = new Map((dataset.observations.get(id) ?? []).map((o) => [`${o.region}@${o.period}`, o.value]));
      for (const o of r.dataset.observations.get(id) ?? []) {
        if (units.has(o.region)) continue;
        expect(o.status, `${id} ${o.region} ${o.period}`).toBe("estimated");
        expect(o.value, `${id} ${o.region} ${o.period}`).toBe(published.get(`${o.region}@${o.period}`));
        compared++;
      }
    }
    // 19 cities with counties and the province, over many periods; the few a withheld county
    // makes underivable are reported, never guessed.
    expect(compared).toBeGreaterThan(500);
    expect(new Set(r.issues.map((i) => i.rule))).toEqual(new Set(["derive.incomplete"]));
  });
});

describe("encodings and XLSX give the same snapshot", () => {
  let utf8: string;
  let catalogue: string;
  beforeAll(async () => {
    utf8 = await readFile(join(FIXTURES, "data.csv"), "utf8");
    catalogue = await readFile(join(FIXTURES, "catalogue.csv"), "utf8");
  });

  /** A workbook with a catalogue sheet and a data sheet, numbers typed as Excel types them. */
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (const [sheet, text] of [
      ["指标目录", catalogue],
      ["数据", utf8],
    ]) {
      const ws = wb.addWorksheet(sheet);
      for (const row of Papa.parse<string[]>(text.trim()).data) {
        ws.addRow(row.map((c) => (c === "" ? null : /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
      }
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("UTF-8, UTF-8 with BOM, GB18030, UTF-16 and XLSX", async () => {
    const cat = await fixture("catalogue.csv");
    const gb = iconv.encode(utf8, "gb18030");
    // The GB18030 bytes really are not UTF-8, so detection is exercised.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    const variants: Record<string, ImportInput[]> = {
      "UTF-8": [cat, { name: "data.csv", bytes: new TextEncoder().encode(utf8) }],
      "UTF-8 BOM": [cat, { name: "data.csv", bytes: new TextEncoder().encode(`\uFEFF${utf8}`) }],
      GB18030: [cat, { name: "data.csv", bytes: new Uint8Array(gb) }],
      "UTF-16LE": [cat, { name: "data.csv", bytes: new Uint8Array(iconv.encode(utf8, "utf-16le", { addBOM: true })) }],
      XLSX: [{ name: "tables.xlsx", bytes: await workbook() }],
    };
    const results = new Map<string, ImportResult>();
    for (const [name, inputs] of Object.entries(variants)) results.set(name, await importTables(inputs, { updatedAt: UPDATED }));
    const reference = bytesOf(results.get("UTF-8") as ImportResult);
    for (const [name, r] of results) {
      expect(lines(r), name).toEqual([]);
      expect(bytesOf(r), name).toEqual(reference);
    }
    const encodings = [...results].map(([, r]) => r.tables.find((t) => t.kind === "data")?.encoding);
    expect(encodings).toEqual(["UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", undefined]);
  });

  it("--encoding forces the decoding: GB18030 bytes are refused as UTF-8, read as GB18030", async () => {
    const gb = { name: "data.csv", bytes: new Uint8Array(iconv.encode(utf8, "gb18030")) };
    const cat = await fixture("catalogue.csv");
    const forcedUtf8 = await importTables([cat, gb], { updatedAt: UPDATED, encoding: "utf-8" });
    expect(lines(forcedUtf8)).toEqual([
      "错误 error  data.csv: 文件不是有效的 UTF-8 编码：请去掉 --encoding utf-8，或改用 --encoding gb18030 / the file is not valid UTF-8: drop --encoding utf-8, or use --encoding gb18030",
    ]);
    // Forced means every CSV input: the catalogue too is GB18030 here.
    const gbCat = { name: "catalogue.csv", bytes: new Uint8Array(iconv.encode(catalogue, "gb18030")) };
    const forcedGb = await importTables([gbCat, gb], { updatedAt: UPDATED, encoding: "gb18030" });
    expect(bytesOf(forcedGb)).toEqual(bytesOf(await run(["catalogue.csv", "data.csv"])));
  });
});

describe("a clean import", () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await run(["catalogue.csv", "data.csv"]);
  });

  it("matches regions by code, Chinese and English name, and reads thousands separators and Chinese statuses", () => {
    expect(lines(r)).toEqual([]);
    expect(observations(r, "5g-base-stations")).toEqual([
      { region: "440000", period: "2023", value: 300000, status: "final" },
      { region: "440000", period: "2023Q4", value: 300000, status: "final" },
      { region: "440100", period: "2023", value: 91700, status: "final" },
      { region: "440300", period: "2023", value: 52000, status: "final" },
      { region: "440400", period: "2023", value: 8000, status: "estimated" },
    ]);
    expect(observations(r, "villages-5g-rate")?.find((o) => o.region === "440000")?.status).toBe("preliminary");
  });

  it("derives a city given only by its counties by the indicator's rule, status estimated", () => {
    const zhuhai = (id: string) => observations(r, id)?.find((o) => o.region === "440400");
    expect(zhuhai("admin-villages")).toEqual({ region: "440400", period: "2023", value: 150, status: "estimated" });
    // (95.5·20 + 80·100 + 90·30) / 150 = 84.07: weighted by villages, never the plain mean 88.5.
    expect(zhuhai("villages-5g-rate")).toEqual({ region: "440400", period: "2023", value: 84.1, status: "estimated" });
    expect(r.ok && r.indicators.find((i) => i.id === "admin-villages")).toEqual({
      id: "admin-villages",
      given: 4,
      derived: { province: 0, city: 1, county: 0 },
      published: 5,
    });
  });

  it("writes the catalogue as the contract has it: levels, weights, inline targets, flags; no tolerance", () => {
    if (!r.ok) throw new Error("import failed");
    const [villages, rate, stations] = r.dataset.indicators;
    expect(villages).toMatchObject({ levels: ["province", "city", "county"], aggregation: { method: "sum" }, context: true });
    expect(rate.aggregation).toEqual({ method: "weighted-mean", weight: "admin-villages" });
    expect(rate.targets).toEqual([
      {
        region: "440000",
        period: "2025",
        value: 90,
        source: { zh: "《数字乡村发展工作要点》", en: "Digital village development work points" },
      },
    ]);
    expect(rate.headline).toBe(true);
    expect(stations).toMatchObject({ frequency: "quarterly", levels: ["province", "city"], headline: true });
    expect(Object.keys(rate)).not.toContain("tolerance");
    expect(r.dataset.meta).toMatchObject({ simulated: false, firstYear: 2023, lastYear: 2023, updatedAt: UPDATED });
  });

  it("versions the data by its content: same figures same version, one changed figure another", async () => {
    const data = await readFile(join(FIXTURES, "data.csv"), "utf8");
    const again = await run(["catalogue.csv", "data.csv"]);
    const changed = await importTables(
      [await fixture("catalogue.csv"), { name: "data.csv", bytes: new TextEncoder().encode(data.replace("91700", "91701")) }],
      { updatedAt: UPDATED },
    );
    const version = (x: ImportResult) => (x.ok ? x.dataset.meta.dataVersion : undefined);
    expect(version(again)).toBe(version(r));
    expect(version(changed)).toMatch(/^import-/);
    expect(version(changed)).not.toBe(version(r));
    expect((await run(["catalogue.csv", "data.csv"], { dataVersion: "2024-annual" })).ok && "ok").toBe("ok");
  });
});

describe("validation: each rule, with its exact message in both languages", () => {
  it("rows: unknown region and indicator, bad period and frequency, not a number, rate outside 0–100, duplicate, bad status, rounding", async () => {
    const r = await run(["catalogue.csv", "data.csv", "bad-rows.csv"]);
    expect(r.ok).toBe(false);
    expect(lines(r)).toEqual([
      '警告 warning  bad-rows.csv, 第1行 row 1, F列 column F (comment): 未知列“comment”，已忽略 / unknown column "comment", ignored',
      '错误 error  bad-rows.csv, 第2行 row 2, A列 column A (region): 未知地区“440999”：不是广东省行政区划的代码或名称 / unknown region "440999": not the code or name of a division of Guangdong',
      '错误 error  bad-rows.csv, 第3行 row 3, B列 column B (indicator): 未知指标“5g-stations”：指标目录中没有这个指标代码 / unknown indicator "5g-stations": the catalogue has no indicator with this id',
      '错误 error  bad-rows.csv, 第4行 row 4, C列 column C (period): 时期“2023Q5”格式不对：应为年份（如 2023）或季度（如 2023Q2） / period "2023Q5" is not a year (like 2023) or a quarter (like 2023Q2)',
      '错误 error  bad-rows.csv, 第5行 row 5, C列 column C (period): 时期“2023Q1”不符合指标频率：admin-villages 是年度指标，只能填年份 / period "2023Q1" is outside the indicator\'s frequency: admin-villages is annual, so years only',
      '错误 error  bad-rows.csv, 第6行 row 6, D列 column D (value): 数值“约3万”不是数字 / value "约3万" is not a number',
      "错误 error  bad-rows.csv, 第7行 row 7, D列 column D (value): 比率 101.5 超出 0—100（villages-5g-rate 的单位是 %） / rate 101.5 is outside 0–100 (villages-5g-rate is in %)",
      "错误 error  bad-rows.csv, 第9行 row 9: 重复行：440100 5g-base-stations 2022 已在 bad-rows.csv 第8行给出 / duplicate row: 440100 5g-base-stations 2022 is already given in bad-rows.csv, row 8",
      '错误 error  bad-rows.csv, 第10行 row 10, E列 column E (status): 状态“revised”无效：应为 final（终值）、preliminary（初步）或 estimated（估计），留空即 final / status "revised" is not final, preliminary or estimated (empty means final)',
      "警告 warning  bad-rows.csv, 第11行 row 11, D列 column D (value): 数值 19400.6 多于 0 位小数，已四舍五入为 19401 / value 19400.6 has more than 0 decimals; rounded to 19401",
      // Row 8 is valid: Guangzhou alone cannot make the province's 2022.
      "警告 warning  catalogue.csv, 第4行 row 4, M列 column M (levels): 5g-base-stations：1 个省级数值表中未给出，也无法推算（下级数值不全），如 440000 2022 / 5g-base-stations: 1 province value is neither given nor derivable (children incomplete), e.g. 440000 2022",
    ]);
  });

  it("a county total that disagrees with its city beyond the tolerance (sum, weighted mean); within it, none", async () => {
    const r = await run(["catalogue.csv", "data.csv", "bad-total.csv"]);
    expect(lines(r, "error")).toEqual([
      "错误 error  bad-total.csv, 第5行 row 5, D列 column D (value): 珠海市（440400）2022：县级合计 150 与市级数值 160 相差 6.25%，超出容差 0.5% / Zhuhai (440400) 2022: the county total 150 differs from the city figure 160 by 6.25%, beyond the tolerance of 0.5%",
      "错误 error  bad-total.csv, 第9行 row 9, D列 column D (value): 珠海市（440400）2022：县级加权平均 84.07 与市级数值 86 相差 2.25%，超出容差 1% / Zhuhai (440400) 2022: the county weighted mean 84.07 differs from the city figure 86 by 2.25%, beyond the tolerance of 1%",
    ]);
    // 2021: 84.07 against 84.5 is 0.51% off: within this indicator's 1%, beyond the default 0.5%.
    const strict = await importTables(
      [
        {
          name: "catalogue.csv",
          bytes: new TextEncoder().encode((await readFile(join(FIXTURES, "catalogue.csv"), "utf8")).replace(",1%", ",")),
        },
        await fixture("data.csv"),
        await fixture("bad-total.csv"),
      ],
      { updatedAt: UPDATED },
    );
    expect(lines(strict, "error")).toContain(
      "错误 error  bad-total.csv, 第17行 row 17, D列 column D (value): 珠海市（440400）2021：县级加权平均 84.07 与市级数值 84.5 相差 0.513%，超出容差 0.5% / Zhuhai (440400) 2021: the county weighted mean 84.07 differs from the city figure 84.5 by 0.513%, beyond the tolerance of 0.5%",
    );
  });

  it("a level the catalogue promises and the tables do not give", async () => {
    const r = await run(["catalogue.csv", "missing-level.csv"]);
    expect(lines(r)).toEqual([
      "错误 error  catalogue.csv, 第2行 row 2, M列 column M (levels): admin-villages：目录承诺发布市级、县级数据，但表中没有这些数值，也无法由下级推算：请补上数据，或从 levels 中删去 city|county（没有任何数据的指标请从目录中删去） / admin-villages: the catalogue promises city, county values, but the tables give none and none can be derived: add them, or remove city|county from levels (delete indicators you have no figures for)",
      "错误 error  catalogue.csv, 第3行 row 3, M列 column M (levels): villages-5g-rate：目录承诺发布市级、县级数据，但表中没有这些数值，也无法由下级推算：请补上数据，或从 levels 中删去 city|county（没有任何数据的指标请从目录中删去） / villages-5g-rate: the catalogue promises city, county values, but the tables give none and none can be derived: add them, or remove city|county from levels (delete indicators you have no figures for)",
      "错误 error  catalogue.csv, 第4行 row 4, M列 column M (levels): 5g-base-stations：目录承诺发布市级数据，但表中没有这些数值，也无法由下级推算：请补上数据，或从 levels 中删去 city（没有任何数据的指标请从目录中删去） / 5g-base-stations: the catalogue promises city values, but the tables give none and none can be derived: add them, or remove city from levels (delete indicators you have no figures for)",
    ]);
  });

  it("the catalogue: id, choices, levels, aggregation, weights, decimals, tolerance, yes/no, targets, required texts", async () => {
    const r = await run(["bad-catalogue.csv"]);
    const at = (row: number, col: string) => `错误 error  bad-catalogue.csv, 第${row}行 row ${row}, ${col[0]}列 column ${col}: `;
    expect(lines(r)).toEqual([
      `${at(2, "A (id)")}指标代码“5G_Stations”格式不对：应为小写字母和数字，以“-”连接（如 5g-base-stations） / indicator id "5G_Stations" is not lower-case letters and digits joined by '-' (like 5g-base-stations)`,
      `${at(3, "B (pillar)")}“economy”不是可选值：industry、enterprise、countryside、services、government、investment、talent / "economy" is not one of industry, enterprise, countryside, services, government, investment, talent`,
      `${at(4, "K (levels)")}层级“province|town”无效：应为 province、city、county 中的一个或几个，以“|”分隔（如 province|city|county） / levels "province|town" are not province, city, county joined by '|' (like province|city|county)`,
      `${at(5, "L (aggregation)")}汇总方式“mean”无效：应为 sum（求和）或 weighted-mean:<权重指标代码>（加权平均，如 weighted-mean:gdp） / aggregation "mean" is not sum or weighted-mean:<weight indicator id> (like weighted-mean:gdp)`,
      `${at(7, "M (decimals)")}小数位数“1.5”无效：应为 0 到 6 的整数 / decimals "1.5" is not a whole number from 0 to 6`,
      `${at(8, "R (tolerance)")}容差“-1”无效：应为非负的相对值（如 0.005 或 0.5%） / tolerance "-1" is not a relative value of 0 or more (like 0.005 or 0.5%)`,
      `${at(9, "Q (headline)")}“maybe”不是“是/否”（true/false、yes/no、1/0、是/否，或留空） / "maybe" is not yes or no (true/false, yes/no, 1/0, 是/否, or empty)`,
      `${at(10, "N (targets)")}目标“440000-2025-90”格式不对：应为 地区代码:时期:目标值，可加 @基期 或 @基期=基期值（如 440000:2025:90、440000:2027:95@2023=88.5），多个以“;”分隔 / target "440000-2025-90" is not region:period:value, optionally with @base period or @base period=base value (like 440000:2025:90, 440000:2027:95@2023=88.5), several separated by ';'`,
      `${at(11, "O (target_source_zh)")}填写了目标，就须填写目标出处 target_source_zh 和 target_source_en / targets need their source: fill in target_source_zh and target_source_en`,
      `${at(12, "D (name_en)")}必填项为空 / required, but empty`,
      `${at(14, "I (frequency)")}“monthly”不是可选值：annual、quarterly / "monthly" is not one of annual, quarterly`,
      `${at(6, "L (aggregation)")}权重指标“no-such”不在指标目录中 / weight indicator "no-such" is not in the catalogue`,
      `${at(13, "L (aggregation)")}self-weighted 的权重指标直接或间接以它自身为权重 / the weight of self-weighted is, directly or through other weights, self-weighted itself`,
    ]);
  });

  it("a catalogue id given twice, a missing source (warning), a missing column, a column twice", async () => {
    const cat = (await readFile(join(FIXTURES, "catalogue.csv"), "utf8")).split("\n");
    const twice = [...cat.slice(0, 4), cat[3].replace("测试数据,Test data", ",")].join("\n");
    const r = await importTables([{ name: "c.csv", bytes: new TextEncoder().encode(twice) }, await fixture("data.csv")]);
    expect(lines(r)).toEqual([
      '错误 error  c.csv, 第5行 row 5, A列 column A (id): 指标代码“5g-base-stations”重复（第4行已有） / indicator id "5g-base-stations" appears twice (first at row 4)',
    ]);
    const noSource = cat.map((l, i) => (i === 3 ? l.replace("测试数据,Test data", ",") : l)).join("\n");
    const r2 = await importTables([{ name: "c.csv", bytes: new TextEncoder().encode(noSource) }, await fixture("data.csv")]);
    expect(lines(r2)).toEqual([
      "警告 warning  c.csv, 第4行 row 4, I列 column I (source_zh): 未填写来源（source_zh、source_en）：仪表板会显示空白来源 / no source given (source_zh, source_en): the dashboard will show an empty source",
    ]);
    const table = (text: string) => importTables([{ name: "d.csv", bytes: new TextEncoder().encode(text) }]);
    expect(lines(await table("region,indicator,period\n440000,gdp,2023\n"))).toContain(
      '错误 error  d.csv, 第1行 row 1: 缺少必填列“value” / required column "value" is missing',
    );
    expect(lines(await table("region,地区,indicator,period,value\n"))).toContain(
      '错误 error  d.csv, 第1行 row 1, B列 column B (地区): 列“region”出现了两次 / column "region" appears twice',
    );
  });

  it("warnings: a parent that cannot be derived, rows at a level not published, a table not recognised", async () => {
    const r = await run(["catalogue.csv", "data.csv", "partial.csv", "stray.csv"]);
    expect(r.ok).toBe(true);
    expect(lines(r)).toEqual([
      "警告 warning  stray.csv, 第1行 row 1: 无法识别的表格，已跳过：数据表的表头须有 region、indicator、period、value，指标目录须有 id、name_zh、name_en 等列 / table not recognised, skipped: a data table's header needs region, indicator, period, value; a catalogue needs id, name_zh, name_en…",
      "警告 warning  catalogue.csv, 第2行 row 2, M列 column M (levels): admin-villages：1 个市级数值表中未给出，也无法推算（下级数值不全），如 441500 2022 / admin-villages: 1 city value is neither given nor derivable (children incomplete), e.g. 441500 2022",
      "警告 warning  catalogue.csv, 第4行 row 4, M列 column M (levels): 5g-base-stations 的目录层级不含县级：1 行县级数据只用于推算上级数值，不予发布 / 5g-base-stations is not published at county level: its 1 county row is used to derive parents only",
    ]);
    expect(observations(r, "5g-base-stations")?.some((o) => o.region === "440106")).toBe(false);
  });

  it("an ambiguous region name, with a tree that has one (Guangdong's names are all unique)", async () => {
    const region = (code: string, level: Region["level"], parent: string | null, zh: string, en: string): Region => ({
      code,
      level,
      parent,
      name: { zh, en },
      zone: level === "province" ? null : "prd",
      kind: level === "county" ? "district" : null,
    });
    const regions = [
      region("440000", "province", null, "广东省", "Guangdong"),
      region("440100", "city", "440000", "甲市", "Jia"),
      region("440101", "county", "440100", "城区", "Chengqu District"),
      region("440200", "city", "440000", "乙市", "Yi"),
      region("440201", "county", "440200", "城区", "Chengqu District"),
    ];
    const data = {
      name: "d.csv",
      bytes: new TextEncoder().encode("region,indicator,period,value\n城区,admin-villages,2023,5\n"),
    };
    const r = await importTables([await fixture("catalogue.csv"), data], { regions });
    expect(lines(r)).toContain(
      '错误 error  d.csv, 第2行 row 2, A列 column A (region): 地区名称“城区”有歧义（440101 城区、440201 城区），请填写代码 / ambiguous region name "城区" (440101 城区, 440201 城区): give the code',
    );
  });

  it("files: no catalogue, an unsupported type, a broken XLSX, malformed CSV", async () => {
    expect(lines(await run(["data.csv"]))[0]).toBe(
      "错误 error  data.csv: 输入中没有列出指标的指标目录表（含 id、name_zh、name_en 等列）：请一并导入指标目录 / no input is an indicator catalogue listing indicators (columns id, name_zh, name_en…): import one with the data",
    );
    const bytes = new TextEncoder().encode("not a workbook");
    const r = await importTables([
      { name: "old.xls", bytes },
      { name: "broken.xlsx", bytes },
      { name: "quote.csv", bytes: new TextEncoder().encode('region,indicator,period,value\n"440000,gdp,2023,1\n') },
    ]);
    expect(lines(r)).toEqual([
      '错误 error  old.xls: 不支持的文件类型“.xls”：请使用 .csv 或 .xlsx（.xls 请在表格软件中另存为 .xlsx） / unsupported file type ".xls": use .csv or .xlsx (save .xls files as .xlsx)',
      "错误 error  broken.xlsx: 不是有效的 XLSX 文件（已损坏，或不是 Excel 2007 及以后的工作簿）：Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html / not a valid XLSX file (damaged, or not an Excel 2007+ workbook): Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html",
      "错误 error  quote.csv, 第2行 row 2: CSV 格式错误：Quoted field unterminated / malformed CSV: Quoted field unterminated",
    ]);
  });
});

describe("on disk", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gd-import-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Every file under `root` with its bytes. */
  async function tree(root: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) out.set(join(e.parentPath, e.name), await readFile(join(e.parentPath, e.name), "utf8"));
    }
    return out;
  }

  it("a failed import leaves the published snapshot untouched; a successful one replaces it whole", async () => {
    const out = join(dir, "v1");
    const good = ["catalogue.csv", "data.csv"].map((n) => join(FIXTURES, n));
    expect((await importFiles(good, out, { updatedAt: UPDATED })).ok).toBe(true);
    const before = await tree(out);
    expect([...before.keys()].map((f) => f.slice(out.length + 1)).sort()).toEqual([
      // Every indicator of a level in one file: all three levels, each far under the size limit.
      "bundles/city.json",
      "bundles/county.json",
      "bundles/province.json",
      "indicators.json",
      "meta.json",
      // Each indicator's whole file, and one per level it is published at (5G: province and city).
      "observations/5g-base-stations.json",
      "observations/5g-base-stations/city.json",
      "observations/5g-base-stations/province.json",
      ...["admin-villages", "villages-5g-rate"].flatMap((id) => [
        `observations/${id}.json`,
        `observations/${id}/city.json`,
        `observations/${id}/county.json`,
        `observations/${id}/province.json`,
      ]),
      "regions.json",
      // Every indicator's answers for one level and year (the fixture: 2023 only).
      "years/city/2023.json",
      "years/county/2023.json",
      "years/province/2023.json",
    ]);

    const failed = await importFiles([...good, join(FIXTURES, "bad-rows.csv")], out, { updatedAt: "2030-01-01T00:00:00Z" });
    expect(failed.ok).toBe(false);
    expect(await tree(out)).toEqual(before);
    expect(await readdir(dir)).toEqual(["v1"]); // no temporary folder left behind

    // The comparison can tell: a successful import into the same folder does change it.
    const example = await importFiles([EXAMPLE], out, { updatedAt: UPDATED });
    expect(example.ok).toBe(true);
    const after = await tree(out);
    expect(after).not.toEqual(before);
    expect([...after.keys()].some((f) => f.endsWith("admin-villages.json"))).toBe(false);
    expect(await readdir(dir)).toEqual(["v1"]);
  });

  it("the README's worked example: the province's 5G base stations, real published figures", async () => {
    const r = await importTables(await loadInputs([EXAMPLE]), { updatedAt: UPDATED });
    expect(observations(r, "5g-base-stations")).toEqual([
      { region: "440000", period: "2019", value: 36988, status: "final" },
      { region: "440000", period: "2021", value: 170000, status: "final" },
      { region: "440100", period: "2023", value: 91700, status: "final" },
      { region: "440300", period: "2020", value: 47600, status: "final" },
    ]);
    expect(r.issues.map((i) => i.rule)).toEqual(["derive.incomplete"]);
  });

  it("the templates: XLSX and CSV hold the same tables, and untouched they only lack data", async () => {
    const written = await writeTemplates(join(dir, "template"));
    expect(written.map((f) => f.slice(dir.length + 1))).toEqual([
      "template/template.xlsx",
      "template/csv/data.csv",
      "template/csv/catalogue.csv",
      "template/csv/targets.csv",
      "template/csv/milestones.csv",
      "template/csv/regions.csv",
      "template/csv/README.txt",
    ]);
    const xlsx = await importTables(await loadInputs([join(dir, "template/template.xlsx")]));
    const csv = await importTables(await loadInputs([join(dir, "template/csv")]));
    const kinds = (x: ImportResult) => x.tables.map((t) => `${t.kind} ${t.rows}`).sort();
    expect(kinds(xlsx)).toEqual(kinds(csv));
    expect(kinds(csv)).toEqual(["catalogue 46", "data 0", "milestones 0", "regions 144", "targets 12"]);
    // Every indicator is refused for want of data, and nothing else is wrong with the template.
    for (const x of [xlsx, csv]) {
      expect(new Set(x.issues.map((i) => i.rule))).toEqual(new Set(["level.missing"]));
      expect(x.issues).toHaveLength(46);
    }
  });
});
