/**
 * Deliberate irregularities in the simulated data, so that the early warnings (预警) have
 * something true to find. Each is placed at county level on a flow that is neither a context
 * figure nor anyone's weight, ratio part or whole, and is applied to the county's published
 * value before its city and the province aggregate it: the parents' totals carry it exactly
 * by the indicator's rule (except the discontinued series, whose withheld values still count
 * in the city's total, as every withheld value does). Each is described in its indicator's
 * `caution`, which Data & methods shows.
 */
import type { Text } from "../src/api/contract";

/** What kind of irregularity, as an early-warning panel would name it. */
export type IrregularityKind =
  /** A level shift that stays (a change of coverage): the value is multiplied by `factor` from `period` on. */
  | "break"
  /** An entry slip (a unit mistake): the value is multiplied by `factor` in `period` only. */
  | "slip"
  /** The region stops reporting: null from `period` (the first year missing) to the last year. */
  | "discontinued"
  /** A fall two years running: `period` and the year after each change on the year before by `falls`. */
  | "decline";

/** One deliberate irregularity of the simulated dataset (machine-readable, for tests of the early warnings). */
export interface Irregularity {
  kind: IrregularityKind;
  indicator: string;
  /** A county-level region code. */
  region: string;
  /** The first year the irregularity shows in the data (annual indicators only). */
  period: string;
  /**
   * The years whose change on the year before (or whose missing value) the irregularity makes:
   * a break its first year; a slip its year and the year after (back to normal); a
   * discontinued series every year missing; a decline its two falls.
   */
  periods: string[];
  /** Break and slip: the multiplier of the published value. */
  factor?: number;
  /** Decline: the two changes on the year before, as fractions (−0.07 = a fall of 7%). */
  falls?: [number, number];
  /** The sentence the indicator's caution carries (what happened, where and when). */
  note: Text;
}

export const IRREGULARITIES: readonly Irregularity[] = [
  {
    kind: "break",
    indicator: "software-it-services-revenue",
    region: "441302",
    period: "2022",
    periods: ["2022"],
    factor: 2.5,
    note: {
      zh: "惠城区（惠州市）自2022年起把新设软件园区的企业纳入统计，数值跃升为原来的2.5倍并保持：统计口径变化造成的断点，2022年前后不可直接比较。",
      en: "Huicheng District (Huizhou) counts the firms of a new software park from 2022 on, which lifts its figure 2.5-fold for good: a statistical break (a change of coverage); values before and after 2022 are not comparable.",
    },
  },
  {
    kind: "slip",
    indicator: "farm-online-retail",
    region: "441803",
    period: "2021",
    periods: ["2021", "2022"],
    factor: 10,
    note: {
      zh: "清新区（清远市）2021年的数值误按千万元填报，为正确值的10倍（录入差错），并已计入清远市和全省2021年合计。",
      en: "Qingxin District (Qingyuan) reported 2021 in units of 10 million yuan instead of 100 million, ten times the true value (an entry slip), which is carried into Qingyuan's and the province's 2021 totals.",
    },
  },
  {
    kind: "discontinued",
    indicator: "transformation-projects-supported",
    region: "440402",
    period: "2023",
    periods: ["2023", "2024", "2025"],
    note: {
      zh: "香洲区（珠海市）2022年后不再报送（2023年起无数据），其他地区照常报送；珠海市合计仍含其估计值。",
      en: "Xiangzhou District (Zhuhai) stopped reporting after 2022 (no values from 2023) while every other region still reports; Zhuhai's total still includes an estimate for it.",
    },
  },
  {
    kind: "decline",
    indicator: "industrial-robot-output",
    region: "440704",
    period: "2024",
    periods: ["2024", "2025"],
    falls: [-0.07, -0.1],
    note: {
      zh: "江海区（江门市）产量2024年下降7%、2025年再降10%（连续两年下降，模拟一家主要企业迁出生产线）。",
      en: "Jianghai District (Jiangmen) fell 7% in 2024 and another 10% in 2025 (two years running, up to the latest year; simulated: a major producer moved a line elsewhere).",
    },
  },
];

/** An indicator's caution text for its deliberate irregularities, or undefined if it has none. */
export function irregularityCaution(indicator: string): Text | undefined {
  const notes = IRREGULARITIES.filter((x) => x.indicator === indicator).map((x) => x.note);
  if (!notes.length) return undefined;
  return {
    zh: `模拟数据中刻意设置的异常（用于检验预警），非真实情况：${notes.map((n) => n.zh).join("")}`,
    en: `A deliberate irregularity in the simulated data (to test the early warnings), not a real event: ${notes.map((n) => n.en).join(" ")}`,
  };
}
