import type { Text } from "../api/contract";

/**
 * How an indicator's unit scales to whole things, for compact numbers: 亿元 is 1e8 yuan, 万人
 * 1e4 people, 个 one station. Only counts and money scale; rates, indices and physical units
 * (%, EFLOPS) do not.
 */
export interface UnitScale {
  multiplier: number;
  base: Text;
}

const ZH_PREFIX: [string, number][] = [
  ["万亿", 1e12],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];
const EN_PREFIX = /^(100 million|10,000|thousand|million|billion|trillion)\s+/i;
/** Bases that are counts of things or money. */
const COUNTABLE = /^(元|人|人次|户|个|家|所|件|块|套|项|座|台|次)$/;

export function unitScale(unit: Text): UnitScale | null {
  let multiplier = 1;
  let zh = unit.zh.trim();
  for (const [prefix, m] of ZH_PREFIX) {
    if (zh.startsWith(prefix) && COUNTABLE.test(zh.slice(prefix.length))) {
      multiplier = m;
      zh = zh.slice(prefix.length);
      break;
    }
  }
  if (!COUNTABLE.test(zh)) return null;
  return { multiplier, base: { zh, en: unit.en.trim().replace(EN_PREFIX, "") } };
}
