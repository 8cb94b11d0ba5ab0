/**
 * The templates a data officer fills in: an empty data table, the project's catalogue and
 * targets to start from (edit them, delete the rows you have no figures for), the region
 * codes for reference, and a readme, in both languages.
 */
import { CATALOGUE } from "../../mock/catalogue";
import { toIndicator } from "../../mock/generate";
import { buildRegions } from "../../mock/regions";
import { exportLong, type LongTable } from "./export";

export const TEMPLATE_README: readonly string[] = [
  "广东省数字经济发展监测 · 数据导入模板 / Guangdong Digital Economy Monitor · data import template",
  "",
  "data 数据：每行一个数值 / one value a row —— region 地区（代码或名称 code or name）, indicator 指标代码 id, period 时期（2023 或 or 2023Q2）, value 数值（留空 = 暂缺 empty = not available；百分比格式的单元格仅用于单位为 % 的指标 percent-formatted cells for indicators in % only）, status 状态（final 终值 / preliminary 初步 / estimated 估计；留空 = final）, note 备注（不发布 not published）",
  "catalogue 指标目录：每行一个指标 / one indicator a row —— 已预填本项目的指标：请改写来源 source，删去没有数据的指标 / prefilled with the project's indicators: rewrite source, delete the indicators you have no figures for",
  "  levels 层级: province|city|county；aggregation 汇总方式: sum 或 or weighted-mean:<权重指标 weight id>；decimals 小数位数 0–6；tolerance 容差（相对值 relative, 默认 default 0.005）",
  "  measure 计量类型（可选 optional）: stock 存量（年度值 = 第四季度 a year is its Q4）, flow 流量（年度值 = 四季度之和 a year is the sum of its quarters）, rate 比率（单位 unit %）",
  "  targets 目标: 440000:2025:90（地区:时期:目标值 region:period:value）, 440000:2027:95@2023（@基期 base period）, 440000:2027:95@2023=88.5（@基期=基期值 base period=base value）；多个以 ; 分隔 several separated by ; + target_source_zh / target_source_en，或填在 targets 表 or use the targets sheet",
  "  denominators 分母（可选 optional，用于按人口、GDP 等计算相对值 to compare per resident, per GDP…）: gdp × 100 | 占GDP比重 | share of GDP | % | % | 2（分母指标代码 × 倍数 | 名称中文 | 名称英文 [| 单位中文 | 单位英文 [| 小数位数]] indicator × scale | label_zh | label_en [| unit_zh | unit_en [| decimals]]；数值 = 本指标 ÷ 分母 × 倍数 value = this ÷ denominator × scale；× 也可写作 * 或 x also * or x；多个以 ; 分隔或换行 several separated by ; or line breaks，首个为默认 the first is the default）",
  "targets 目标：indicator, region, period, value, base_period 基期（可选 optional）, base_value 基期值（可选 optional）, source_zh, source_en",
  "milestones 里程碑（可选 optional）：date YYYY-MM-DD, label_zh, label_en",
  "regions 地区代码：仅供查阅，导入时忽略 / for reference only, ignored on import",
  "",
  "只有县级数值时，市级、省级数值按指标的汇总方式推算，状态记为 estimated / where only county values are given, city and province values are derived by the indicator's rule, with status estimated",
  "检查 check: npm run data:import -- <本文件 this file> --dry-run",
  "发布 publish: npm run build && npm run data:import -- <本文件 this file> --out dist/data/v1   （详见 see README「Importing your own data」）",
];

/** The template's tables: an empty data table, the project's catalogue, targets and region list. */
export function templateTables(): LongTable[] {
  return exportLong({ regions: buildRegions(), indicators: CATALOGUE.map(toIndicator), observations: new Map() });
}
