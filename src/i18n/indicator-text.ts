/** An indicator's catalogue fields in words, as Data & methods and Explore's metadata show them. */
import type { Indicator, Target } from "../api/contract";
import { measureOf } from "../domain/measure";
import type { Lang } from "../state/url";
import { formatValue, pick, type Translate } from "./format";

/** The aggregation rule, naming the weight indicator of a weighted mean. */
export function aggregationText(ind: Indicator, all: readonly Indicator[], lang: Lang, t: Translate): string {
  if (ind.aggregation.method === "sum") return t("aggregation.sum");
  const weightId = ind.aggregation.weight;
  const weight = all.find((i) => i.id === weightId);
  return t("aggregation.weighted-mean", { weight: weight ? pick(weight.name, lang) : weightId });
}

/** Stock, flow or rate, and what that means for its years and quarters; null when unknown. */
export function measureText(ind: Indicator, t: Translate): string | null {
  const measure = measureOf(ind);
  return measure ? t(`measure.${measure}`) : null;
}

/** "2027: 16% (from 2024) (plan)": a target with its base and source. */
export function targetText(target: Target, ind: Indicator, lang: Lang, t: Translate): string {
  const base = target.base
    ? target.base.value === undefined
      ? t("target.base", { period: target.base.period })
      : t("target.baseValue", { period: target.base.period, value: formatValue(target.base.value, ind, lang) })
    : t("target.noBase");
  return `${target.period}: ${formatValue(target.value, ind, lang)} (${base}; ${pick(target.source, lang)})`;
}
