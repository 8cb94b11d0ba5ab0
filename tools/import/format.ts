/**
 * The long format a statistics office fills in: which tables exist, their columns (English
 * keys, with Chinese aliases for the data table), and how a cell's text becomes a period,
 * a number, a status or a yes/no. Pure: no files, no I/O.
 */
import { MEASURES, type Measure, PERIOD, STATUSES, type Status } from "../../src/api/contract";

/** The kinds of table an input may hold; each is recognised by its header. */
export type TableKind = "data" | "catalogue" | "targets" | "milestones" | "regions";

/** One column of a table: its key, whether it must be present, and its bilingual header. */
interface ColumnSpec {
  key: string;
  required: boolean;
  /** Header written in templates: the key, then what it means in Chinese. */
  zh: string;
  /** Chinese names accepted in place of the key (data tables, and the targets table's base). */
  aliases?: readonly string[];
}

const col = (key: string, required: boolean, zh: string, aliases?: readonly string[]): ColumnSpec => ({
  key,
  required,
  zh,
  aliases,
});

export const COLUMNS: Record<TableKind, readonly ColumnSpec[]> = {
  data: [
    col("region", true, "地区", ["地区", "地区代码", "区划代码", "行政区划", "行政区划代码"]),
    col("indicator", true, "指标", ["指标", "指标代码"]),
    col("period", true, "时期", ["时期", "期别", "年份"]),
    col("value", true, "数值", ["数值", "值"]),
    col("status", false, "状态", ["状态"]),
    col("note", false, "备注", ["备注", "notes"]),
  ],
  catalogue: [
    col("id", true, "指标代码"),
    col("pillar", true, "支柱"),
    col("name_zh", true, "名称（中文）"),
    col("name_en", true, "名称（英文）"),
    col("unit_zh", true, "单位（中文）"),
    col("unit_en", true, "单位（英文）"),
    col("description_zh", false, "定义（中文）"),
    col("description_en", false, "定义（英文）"),
    col("source_zh", false, "来源（中文）"),
    col("source_en", false, "来源（英文）"),
    col("frequency", true, "频率"),
    col("measure", false, "存量/流量/比率"),
    col("direction", true, "方向"),
    col("levels", true, "层级"),
    col("aggregation", true, "汇总方式"),
    col("decimals", true, "小数位数"),
    col("targets", false, "目标"),
    col("target_source_zh", false, "目标出处（中文）"),
    col("target_source_en", false, "目标出处（英文）"),
    col("headline", false, "重点指标"),
    col("context", false, "基础指标"),
    col("caution_zh", false, "提示（中文）"),
    col("caution_en", false, "提示（英文）"),
    col("denominators", false, "分母"),
    col("tolerance", false, "容差"),
  ],
  targets: [
    col("indicator", true, "指标"),
    col("region", true, "地区"),
    col("period", true, "时期"),
    col("value", true, "目标值"),
    col("base_period", false, "基期", ["基期"]),
    col("base_value", false, "基期值", ["基期值", "基期数值"]),
    col("source_zh", true, "出处（中文）"),
    col("source_en", true, "出处（英文）"),
  ],
  milestones: [col("date", true, "日期"), col("label_zh", true, "事件（中文）"), col("label_en", true, "事件（英文）")],
  regions: [
    col("code", true, "代码"),
    col("level", true, "层级"),
    col("parent", false, "上级代码"),
    col("name_zh", false, "名称（中文）"),
    col("name_en", false, "名称（英文）"),
  ],
};

/** The header cell a template writes: `region 地区`. */
export const headerLabel = (c: ColumnSpec): string => `${c.key} ${c.zh}`;
export const headerOf = (kind: TableKind): string[] => COLUMNS[kind].map(headerLabel);

/**
 * The column key a header cell names, or undefined. A header may be the key (`region`), a
 * Chinese alias (`地区`) or both with anything after (`region 地区`, `name_zh（名称）`): the
 * first word that is a key or an alias wins. Keys are matched without case.
 */
export function columnKey(header: string, kind: TableKind): string | undefined {
  const specs = COLUMNS[kind];
  for (const word of header.split(/[\s/|()（）:：]+/)) {
    const w = word.toLowerCase();
    const hit = specs.find((c) => c.key === w || c.aliases?.includes(word));
    if (hit) return hit.key;
  }
  return undefined;
}

/**
 * Which table a header row belongs to, or undefined when it is none of them. The most
 * specific kinds are tried first: a targets table has the data table's columns plus sources.
 */
export function classify(header: readonly string[]): TableKind | undefined {
  const has = (kind: TableKind, ...keys: string[]) => {
    const found = new Set(header.map((h) => columnKey(h, kind)));
    return keys.every((k) => found.has(k));
  };
  if (has("catalogue", "id") && (has("catalogue", "name_zh") || has("catalogue", "name_en"))) return "catalogue";
  if (has("milestones", "date") && (has("milestones", "label_zh") || has("milestones", "label_en"))) return "milestones";
  if (has("regions", "code", "level")) return "regions";
  if (has("targets", "indicator", "value") && (has("targets", "source_zh") || has("targets", "source_en"))) return "targets";
  const data = COLUMNS.data.filter((c) => c.required).map((c) => c.key);
  if (data.filter((k) => has("data", k)).length >= 2) return "data";
  return undefined;
}

/** A cell as read from CSV (always text) or XLSX (text, number or boolean); null when empty. */
export type Cell = string | number | boolean | null;

/** A cell as trimmed text, "" when empty. */
export const text = (c: Cell | undefined): string => (c === null || c === undefined ? "" : String(c).trim());

const QUARTER_ZH: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4" };

/**
 * A period as the contract writes it (`2023`, `2023Q2`), or undefined. Accepts what
 * spreadsheets hold: `2023`, `2023年`, `2023Q2`, `2023 Q2`, `2023-Q2`, `2023q2`, `2023年第二季度`.
 */
export function parsePeriod(c: Cell): string | undefined {
  const s = text(c).replace(/\s+/g, "");
  const zh = /^(\d{4})年第([1-4一二三四])季度?$/.exec(s);
  const p = zh ? `${zh[1]}Q${QUARTER_ZH[zh[2]] ?? zh[2]}` : s.replace(/年$/, "").replace(/^(\d{4})[-年]?[Qq]/, "$1Q");
  const m = PERIOD.exec(p);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 1949 && year <= 2100 ? p : undefined;
}

/**
 * Whether an XLSX number format shows a number as a percentage (`0%`, `0.0%`, `#,##0.00%`):
 * Excel then shows the cell's number times 100. A `%` in quotes (`0.0"%"`), escaped (`0.0\%`)
 * or in brackets is a literal sign that scales nothing.
 */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt?.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").includes("%") === true;
}

/**
 * The percentage a percent-formatted cell shows (0.875 → 87.5), to 15 significant digits as
 * Excel keeps them, so that binary noise (0.923 × 100 = 92.30000000000001) does not read as an
 * extra decimal.
 */
export const shownPercent = (v: number): number => Number((v * 100).toPrecision(15));

/** Cells read as "no value" (withheld or not available): empty, dashes, ellipses, NA. */
const NO_VALUE = new Set(["", "-", "—", "–", "－", "…", "...", "……", "na", "n/a", "null"]);

/**
 * A value cell as a number, null for "no value", or undefined when it is not a number.
 * Thousands separators (`36,988`) are dropped; a trailing `%` only when `percent`.
 */
export function parseValue(c: Cell, percent: boolean): number | null | undefined {
  if (typeof c === "number") return Number.isFinite(c) ? c : undefined;
  if (typeof c === "boolean") return undefined;
  let s = text(c);
  if (NO_VALUE.has(s.toLowerCase())) return null;
  if (percent) s = s.replace(/\s*[%％]$/, "");
  if (/^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,，]/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

const STATUS_ALIASES: Record<string, Status> = {
  终值: "final",
  正式: "final",
  最终: "final",
  初步: "preliminary",
  初值: "preliminary",
  快报: "preliminary",
  估计: "estimated",
  估算: "estimated",
  推算: "estimated",
};

/** A status cell: the contract's word or a Chinese equivalent; empty means `final`. Undefined when neither. */
export function parseStatus(c: Cell): Status | undefined {
  const s = text(c);
  if (s === "") return "final";
  const lower = s.toLowerCase();
  if ((STATUSES as readonly string[]).includes(lower)) return lower as Status;
  return STATUS_ALIASES[s];
}

const MEASURE_ALIASES: Record<string, Measure> = {
  存量: "stock",
  时点指标: "stock",
  流量: "flow",
  时期指标: "flow",
  比率: "rate",
  比例: "rate",
};

/** A measure cell: the contract's word or a Chinese equivalent; undefined when empty, or "invalid". */
export function parseMeasure(c: Cell): Measure | undefined | "invalid" {
  const s = text(c);
  if (s === "") return undefined;
  const lower = s.toLowerCase();
  if ((MEASURES as readonly string[]).includes(lower)) return lower as Measure;
  return MEASURE_ALIASES[s] ?? "invalid";
}

const YES = new Set(["true", "yes", "y", "1", "是", "√"]);
const NO = new Set(["false", "no", "n", "0", "否"]);

/** A yes/no cell: true, false, undefined when empty, or "invalid". */
export function parseBoolean(c: Cell): boolean | undefined | "invalid" {
  if (typeof c === "boolean") return c;
  const s = text(c).toLowerCase();
  if (s === "") return undefined;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return "invalid";
}
