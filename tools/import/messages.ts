/**
 * Every message the importer can give, in Chinese and English. Each takes the facts of the
 * problem and says what is wrong and, where it helps, how to fix it.
 */
import type { Measure, Text } from "../../src/api/contract";

const q = (v: string): Text => ({ zh: `“${v}”`, en: `"${v}"` });
const num = (v: number): string => String(v);
/** "1 row", "2 rows" */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
/** 0.0123 → "1.23%" */
const pct = (r: number): string => `${Number((r * 100).toPrecision(3))}%`;
/** How far, relatively, `computed` is from `stated` (absolutely when stated is 0). */
const off = (computed: number, stated: number): number =>
  stated === 0 ? Math.abs(computed) : Math.abs(computed - stated) / Math.abs(stated);

export const LEVEL_TEXT: Record<string, Text> = {
  province: { zh: "省级", en: "province" },
  city: { zh: "市级", en: "city" },
  county: { zh: "县级", en: "county" },
};

export const msg = {
  // ── files and tables ──
  fileUnreadable: (reason: string): Text => ({ zh: `无法读取文件：${reason}`, en: `cannot read the file: ${reason}` }),
  fileType: (ext: string): Text => ({
    zh: `不支持的文件类型${q(ext).zh}：请使用 .csv 或 .xlsx（.xls 请在表格软件中另存为 .xlsx）`,
    en: `unsupported file type ${q(ext).en}: use .csv or .xlsx (save .xls files as .xlsx)`,
  }),
  notXlsx: (reason: string): Text => ({
    zh: `不是有效的 XLSX 文件（已损坏，或不是 Excel 2007 及以后的工作簿）：${reason}`,
    en: `not a valid XLSX file (damaged, or not an Excel 2007+ workbook): ${reason}`,
  }),
  notUtf8: (): Text => ({
    zh: "文件不是有效的 UTF-8 编码：请去掉 --encoding utf-8，或改用 --encoding gb18030",
    en: "the file is not valid UTF-8: drop --encoding utf-8, or use --encoding gb18030",
  }),
  csvSyntax: (detail: string): Text => ({ zh: `CSV 格式错误：${detail}`, en: `malformed CSV: ${detail}` }),
  tableUnknown: (): Text => ({
    zh: "无法识别的表格，已跳过：数据表的表头须有 region、indicator、period、value，指标目录须有 id、name_zh、name_en 等列",
    en: "table not recognised, skipped: a data table's header needs region, indicator, period, value; a catalogue needs id, name_zh, name_en…",
  }),
  columnMissing: (key: string): Text => ({ zh: `缺少必填列${q(key).zh}`, en: `required column ${q(key).en} is missing` }),
  columnTwice: (key: string): Text => ({ zh: `列${q(key).zh}出现了两次`, en: `column ${q(key).en} appears twice` }),
  columnUnknown: (header: string): Text => ({
    zh: `未知列${q(header).zh}，已忽略`,
    en: `unknown column ${q(header).en}, ignored`,
  }),
  noCatalogue: (): Text => ({
    zh: "输入中没有列出指标的指标目录表（含 id、name_zh、name_en 等列）：请一并导入指标目录",
    en: "no input is an indicator catalogue listing indicators (columns id, name_zh, name_en…): import one with the data",
  }),

  // ── cells ──
  required: (): Text => ({ zh: "必填项为空", en: "required, but empty" }),
  regionUnknown: (v: string): Text => ({
    zh: `未知地区${q(v).zh}：不是广东省行政区划的代码或名称`,
    en: `unknown region ${q(v).en}: not the code or name of a division of Guangdong`,
  }),
  regionAmbiguous: (v: string, candidates: string[]): Text => ({
    zh: `地区名称${q(v).zh}有歧义（${candidates.join("、")}），请填写代码`,
    en: `ambiguous region name ${q(v).en} (${candidates.join(", ")}): give the code`,
  }),
  indicatorUnknown: (v: string): Text => ({
    zh: `未知指标${q(v).zh}：指标目录中没有这个指标代码`,
    en: `unknown indicator ${q(v).en}: the catalogue has no indicator with this id`,
  }),
  periodInvalid: (v: string): Text => ({
    zh: `时期${q(v).zh}格式不对：应为年份（如 2023）或季度（如 2023Q2）`,
    en: `period ${q(v).en} is not a year (like 2023) or a quarter (like 2023Q2)`,
  }),
  periodFrequency: (v: string, id: string): Text => ({
    zh: `时期${q(v).zh}不符合指标频率：${id} 是年度指标，只能填年份`,
    en: `period ${q(v).en} is outside the indicator's frequency: ${id} is annual, so years only`,
  }),
  valueNotNumber: (v: string): Text => ({ zh: `数值${q(v).zh}不是数字`, en: `value ${q(v).en} is not a number` }),
  rateOutOfRange: (v: number, id: string): Text => ({
    zh: `比率 ${num(v)} 超出 0—100（${id} 的单位是 %）`,
    en: `rate ${num(v)} is outside 0–100 (${id} is in %)`,
  }),
  percentFormat: (held: number, shown: number, id: string, unit: Text): Text => ({
    zh: `单元格设为百分比格式（显示为 ${num(shown)}%，实为 ${num(held)}），但 ${id} 的单位是${q(unit.zh).zh}而不是 %：请把单元格格式改为“常规”或“数值”，填写以${q(unit.zh).zh}计的数值`,
    en: `the cell is formatted as a percentage (shows ${num(shown)}%, holds ${num(held)}), but ${id} is in ${q(unit.en).en}, not %: format the cell as General or Number and enter the value in ${q(unit.en).en}`,
  }),
  valueRounded: (v: number, decimals: number, r: number): Text => ({
    zh: `数值 ${num(v)} 多于 ${decimals} 位小数，已四舍五入为 ${num(r)}`,
    en: `value ${num(v)} has more than ${decimals} decimals; rounded to ${num(r)}`,
  }),
  statusInvalid: (v: string): Text => ({
    zh: `状态${q(v).zh}无效：应为 final（终值）、preliminary（初步）或 estimated（估计），留空即 final`,
    en: `status ${q(v).en} is not final, preliminary or estimated (empty means final)`,
  }),
  duplicate: (key: string, first: { file: string; sheet?: string; row?: number }): Text => {
    const file = first.sheet === undefined ? first.file : `${first.file} [${first.sheet}]`;
    return {
      zh: `重复行：${key} 已在 ${file} 第${first.row}行给出`,
      en: `duplicate row: ${key} is already given in ${file}, row ${first.row}`,
    };
  },

  // ── catalogue ──
  idInvalid: (v: string): Text => ({
    zh: `指标代码${q(v).zh}格式不对：应为小写字母和数字，以“-”连接（如 5g-base-stations）`,
    en: `indicator id ${q(v).en} is not lower-case letters and digits joined by '-' (like 5g-base-stations)`,
  }),
  idTwice: (v: string, row: number): Text => ({
    zh: `指标代码${q(v).zh}重复（第${row}行已有）`,
    en: `indicator id ${q(v).en} appears twice (first at row ${row})`,
  }),
  notOneOf: (v: string, options: readonly string[]): Text => ({
    zh: `${q(v).zh}不是可选值：${options.join("、")}`,
    en: `${q(v).en} is not one of ${options.join(", ")}`,
  }),
  levelsInvalid: (v: string): Text => ({
    zh: `层级${q(v).zh}无效：应为 province、city、county 中的一个或几个，以“|”分隔（如 province|city|county）`,
    en: `levels ${q(v).en} are not province, city, county joined by '|' (like province|city|county)`,
  }),
  aggregationInvalid: (v: string): Text => ({
    zh: `汇总方式${q(v).zh}无效：应为 sum（求和）或 weighted-mean:<权重指标代码>（加权平均，如 weighted-mean:gdp）`,
    en: `aggregation ${q(v).en} is not sum or weighted-mean:<weight indicator id> (like weighted-mean:gdp)`,
  }),
  weightUnknown: (w: string): Text => ({
    zh: `权重指标${q(w).zh}不在指标目录中`,
    en: `weight indicator ${q(w).en} is not in the catalogue`,
  }),
  weightCycle: (id: string): Text => ({
    zh: `${id} 的权重指标直接或间接以它自身为权重`,
    en: `the weight of ${id} is, directly or through other weights, ${id} itself`,
  }),
  decimalsInvalid: (v: string): Text => ({
    zh: `小数位数${q(v).zh}无效：应为 0 到 6 的整数`,
    en: `decimals ${q(v).en} is not a whole number from 0 to 6`,
  }),
  toleranceInvalid: (v: string): Text => ({
    zh: `容差${q(v).zh}无效：应为非负的相对值（如 0.005 或 0.5%）`,
    en: `tolerance ${q(v).en} is not a relative value of 0 or more (like 0.005 or 0.5%)`,
  }),
  booleanInvalid: (v: string): Text => ({
    zh: `${q(v).zh}不是“是/否”（true/false、yes/no、1/0、是/否，或留空）`,
    en: `${q(v).en} is not yes or no (true/false, yes/no, 1/0, 是/否, or empty)`,
  }),
  measureInvalid: (v: string): Text => ({
    zh: `计量类型${q(v).zh}无效：应为 stock（存量）、flow（流量）或 rate（比率），或留空`,
    en: `measure ${q(v).en} is not stock, flow or rate (or empty)`,
  }),
  measureRateUnit: (unit: Text): Text => ({
    zh: `计量类型为 rate（比率）的指标，单位须为 %（现为${q(unit.zh).zh}）`,
    en: `a rate's unit must be % (it is ${q(unit.en).en})`,
  }),
  measurePercentUnit: (measure: Measure): Text => ({
    zh: `单位为 % 的指标是比率，计量类型不能为 ${measure}：请填写 rate 或留空`,
    en: `an indicator in % is a rate, not a ${measure}: fill in rate or leave empty`,
  }),
  targetInvalid: (v: string): Text => ({
    zh: `目标${q(v).zh}格式不对：应为 地区代码:时期:目标值，可加 @基期 或 @基期=基期值（如 440000:2025:90、440000:2027:95@2023=88.5），多个以“;”分隔`,
    en: `target ${q(v).en} is not region:period:value, optionally with @base period or @base period=base value (like 440000:2025:90, 440000:2027:95@2023=88.5), several separated by ';'`,
  }),
  baseNotBefore: (base: string, period: string): Text => ({
    zh: `基期 ${base} 须早于目标期 ${period}`,
    en: `the base period ${base} must come before the target period ${period}`,
  }),
  baseValueAlone: (): Text => ({
    zh: "填写了基期值，就须填写基期（base_period）",
    en: "a base value needs its base period (base_period)",
  }),
  targetSourceMissing: (): Text => ({
    zh: "填写了目标，就须填写目标出处 target_source_zh 和 target_source_en",
    en: "targets need their source: fill in target_source_zh and target_source_en",
  }),
  denominatorInvalid: (v: string): Text => ({
    zh: `分母${q(v).zh}格式不对：应为 分母指标代码 × 倍数 | 名称（中文） | 名称（英文），可再加 | 单位（中文） | 单位（英文） | 小数位数（如 gdp × 100 | 占GDP比重 | share of GDP | % | % | 2；直接相除写 × 1），多个以“;”分隔或换行`,
    en: `denominator ${q(v).en} is not indicator × scale | label_zh | label_en, optionally followed by | unit_zh | unit_en | decimals (like gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; × 1 for a plain ratio), several separated by ';' or line breaks`,
  }),
  denominatorScale: (v: string, scale: string): Text => ({
    zh: `分母${q(v).zh}的倍数${q(scale).zh}无效：应为大于 0 的数（如 100、10000、0.1）`,
    en: `the scale ${q(scale).en} of denominator ${q(v).en} is not a number greater than 0 (like 100, 10000, 0.1)`,
  }),
  denominatorLabel: (v: string): Text => ({
    zh: `分母${q(v).zh}缺少名称：须填写中文和英文名称（如 gdp × 100 | 占GDP比重 | share of GDP）`,
    en: `denominator ${q(v).en} needs its label in Chinese and in English (like gdp × 100 | 占GDP比重 | share of GDP)`,
  }),
  denominatorUnit: (v: string): Text => ({
    zh: `分母${q(v).zh}的单位须中英文都填写（如 | % | %），或都留空（即以名称为单位）`,
    en: `denominator ${q(v).en}: give its unit in both Chinese and English (like | % | %), or neither (the label is then the unit)`,
  }),
  denominatorDecimals: (v: string, decimals: string): Text => ({
    zh: `分母${q(v).zh}的小数位数${q(decimals).zh}无效：应为 0 到 6 的整数`,
    en: `the decimals ${q(decimals).en} of denominator ${q(v).en} are not a whole number from 0 to 6`,
  }),
  denominatorSelf: (id: string): Text => ({
    zh: `${id} 不能以它自身为分母`,
    en: `${id} cannot be its own denominator`,
  }),
  denominatorTwice: (den: string): Text => ({
    zh: `分母指标${q(den).zh}出现了两次：每个指标只能作为一次分母`,
    en: `denominator ${q(den).en} is given twice: each indicator may be a denominator once`,
  }),
  denominatorUnknown: (den: string): Text => ({
    zh: `分母指标${q(den).zh}不在指标目录中：请把它加入目录，或删去这个分母`,
    en: `denominator ${q(den).en} is not in the catalogue: add it, or remove the denominator`,
  }),
  denominatorLevels: (den: string, levels: readonly string[]): Text => ({
    zh: `分母指标 ${den} 没有${levels.map((l) => LEVEL_TEXT[l].zh).join("、")}数据，而本指标有：仪表板不会提供按它计算的相对值（请在 ${den} 的 levels 中加上 ${levels.join("|")}，或删去这个分母）`,
    en: `denominator ${den} is not published at ${levels.map((l) => LEVEL_TEXT[l].en).join(", ")} level, where this indicator is: the dashboard will not offer it (add ${levels.join("|")} to the levels of ${den}, or remove the denominator)`,
  }),
  denominatorNotAmount: (id: string, rate: boolean): Text =>
    rate
      ? {
          zh: `${id} 是比率（单位为 %），仪表板按原值显示，不会除以分母：分母将被忽略`,
          en: `${id} is a rate (in %), shown as it is: the dashboard divides only amounts, and will ignore its denominators`,
        }
      : {
          zh: `${id} 是基础指标（context），仪表板按原值显示，不会除以分母：分母将被忽略`,
          en: `${id} is a base figure (context), shown as it is: the dashboard divides only amounts, and will ignore its denominators`,
        },
  sourceMissing: (): Text => ({
    zh: "未填写来源（source_zh、source_en）：仪表板会显示空白来源",
    en: "no source given (source_zh, source_en): the dashboard will show an empty source",
  }),
  dateInvalid: (v: string): Text => ({
    zh: `日期${q(v).zh}格式不对：应为 YYYY-MM-DD`,
    en: `date ${q(v).en} is not YYYY-MM-DD`,
  }),

  // ── across rows ──
  levelNotPublished: (id: string, level: string, rows: number): Text => ({
    zh: `${id} 的目录层级不含${LEVEL_TEXT[level].zh}：${rows} 行${LEVEL_TEXT[level].zh}数据只用于推算上级数值，不予发布`,
    en: `${id} is not published at ${LEVEL_TEXT[level].en} level: its ${plural(rows, `${LEVEL_TEXT[level].en} row`)} ${rows === 1 ? "is" : "are"} used to derive parents only`,
  }),
  totalDisagrees: (a: {
    name: Text;
    code: string;
    period: string;
    childLevel: string;
    parentLevel: string;
    weighted: boolean;
    /** The children's total or weighted mean, as computed (not rounded). */
    computed: number;
    stated: number;
    decimals: number;
    tolerance: number;
  }): Text => {
    // One decimal more than published, so that the difference shown is the one checked.
    const computed = Number(a.computed.toFixed(a.decimals + 1));
    const child = LEVEL_TEXT[a.childLevel];
    const what = a.weighted
      ? { zh: `${child.zh}加权平均`, en: `the ${child.en} weighted mean` }
      : { zh: `${child.zh}合计`, en: `the ${child.en} total` };
    return {
      zh: `${a.name.zh}（${a.code}）${a.period}：${what.zh} ${num(computed)} 与${LEVEL_TEXT[a.parentLevel].zh}数值 ${num(a.stated)} 相差 ${pct(off(a.computed, a.stated))}，超出容差 ${pct(a.tolerance)}`,
      en: `${a.name.en} (${a.code}) ${a.period}: ${what.en} ${num(computed)} differs from the ${LEVEL_TEXT[a.parentLevel].en} figure ${num(a.stated)} by ${pct(off(a.computed, a.stated))}, beyond the tolerance of ${pct(a.tolerance)}`,
    };
  },
  quartersDisagree: (a: {
    name: Text;
    code: string;
    id: string;
    year: string;
    measure: "stock" | "flow";
    /** The quarters' sum (flow) or the fourth quarter (stock). */
    computed: number;
    stated: number;
    decimals: number;
    tolerance: number;
  }): Text => {
    // A sum of figures with `decimals` decimals has no more: only binary noise is cut.
    const computed = Number(a.computed.toFixed(a.decimals));
    const by = pct(off(a.computed, a.stated));
    const head = { zh: `${a.name.zh}（${a.code}）${a.id} ${a.year}：`, en: `${a.name.en} (${a.code}) ${a.id} ${a.year}: ` };
    return a.measure === "flow"
      ? {
          zh: `${head.zh}四个季度合计 ${num(computed)} 与年度数值 ${num(a.stated)} 相差 ${by}，超出容差 ${pct(a.tolerance)}（流量指标的年度数值是四个季度之和）`,
          en: `${head.en}the sum of the four quarters, ${num(computed)}, differs from the year's figure ${num(a.stated)} by ${by}, beyond the tolerance of ${pct(a.tolerance)} (a flow's year is the sum of its quarters)`,
        }
      : {
          zh: `${head.zh}第四季度数值 ${num(computed)} 与年度数值 ${num(a.stated)} 相差 ${by}，超出容差 ${pct(a.tolerance)}（存量指标的年度数值即第四季度末的数值）`,
          en: `${head.en}the fourth quarter's figure ${num(computed)} differs from the year's figure ${num(a.stated)} by ${by}, beyond the tolerance of ${pct(a.tolerance)} (a stock's year is its fourth quarter)`,
        };
  },
  levelMissing: (id: string, levels: readonly string[]): Text => {
    const zh = levels.map((l) => LEVEL_TEXT[l].zh).join("、");
    const en = levels.map((l) => LEVEL_TEXT[l].en).join(", ");
    return {
      zh: `${id}：目录承诺发布${zh}数据，但表中没有这些数值，也无法由下级推算：请补上数据，或从 levels 中删去 ${levels.join("|")}（没有任何数据的指标请从目录中删去）`,
      en: `${id}: the catalogue promises ${en} values, but the tables give none and none can be derived: add them, or remove ${levels.join("|")} from levels (delete indicators you have no figures for)`,
    };
  },
  cannotDerive: (id: string, level: string, count: number, example: string): Text => ({
    zh: `${id}：${count} 个${LEVEL_TEXT[level].zh}数值表中未给出，也无法推算（下级数值不全），如 ${example}`,
    en: `${id}: ${plural(count, `${LEVEL_TEXT[level].en} value`)} ${count === 1 ? "is" : "are"} neither given nor derivable (children incomplete), e.g. ${example}`,
  }),
  contractBroken: (file: string, detail: string): Text => ({
    zh: `生成的 ${file} 不符合数据契约：${detail}`,
    en: `the generated ${file} breaks the data contract: ${detail}`,
  }),
};
