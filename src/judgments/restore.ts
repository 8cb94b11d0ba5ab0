/**
 * Putting the page's own catalogue objects back into a judgment that crossed to or from the
 * judgments worker. Types only: the page loads no domain code for this.
 */
import type { Indicator, Region } from "../api/contract";
import type { TargetAssessment } from "../domain/assessment";
import type { JudgeResult } from "../domain/judgments";

/**
 * A result that crossed to or from a worker holds copies of the catalogue's indicators, targets
 * and regions: put the page's own objects back (indicators by id, regions by code, targets by
 * region, period and value), so that a judged panel gets what a direct call would have given it.
 */
export function restore(result: JudgeResult, indicators: readonly Indicator[], regions: readonly Region[]): JudgeResult {
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const indicator = (copy: Indicator) => indicatorById.get(copy.id) ?? copy;
  const target = (ind: Indicator, copy: TargetAssessment["target"]) =>
    ind.targets.find((t) => t.region === copy.region && t.period === copy.period && t.value === copy.value) ?? copy;
  const out: JudgeResult = { ...result };
  if (result.targets)
    out.targets = result.targets.map((a) => {
      const ind = indicator(a.indicator);
      const t = target(ind, a.target);
      return { ...a, indicator: ind, target: t, progress: { ...a.progress, target: t } };
    });
  if (result.behind)
    out.behind = result.behind.map((s) => {
      const ind = indicator(s.worst.indicator);
      return {
        ...s,
        region: regionByCode.get(s.region.code) ?? s.region,
        worst: { ...s.worst, indicator: ind, target: target(ind, s.worst.target) },
      };
    });
  return out;
}
