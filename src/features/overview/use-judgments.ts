import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Indicator, Level, Observation, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useManyObservations } from "../../api/hooks";
import { isSettled } from "../../api/queries";
import { assessTargets, type Shortfall, shortfalls, type TargetAssessment } from "../../domain/assessment";
import { currentTarget } from "../../domain/catalogue";
import { type Findings, keyFindings } from "../../domain/findings";
import { targetProgress } from "../../domain/targets";
import { detectWarnings, type Warning } from "../../domain/warnings";

/** Everything the Overview judges, computed once from the same data for every panel. */
export interface Judgments {
  /** The province's targets with both verdicts, projection and effort. */
  assessments: TargetAssessment[];
  /** The regions of `level` behind on the most targets, by progress. */
  shortfalls: Shortfall[];
  warnings: Warning[];
  findings: Findings;
}

/**
 * The last judgments per catalogue: the Overview's judged panels each ask for them (each its
 * own lazy part of the page) and get the same object, computed once.
 */
const cache = new WeakMap<readonly Indicator[], { key: string; value: Judgments }>();

/** Indicators with a target of the province (not base figures): what the targets panel lists. */
export function targetIndicators(indicators: readonly Indicator[], province: string): Indicator[] {
  return indicators.filter((i) => !i.context && i.levels.includes("province") && i.targets.some((x) => x.region === province));
}

/** Indicators watched for warnings at a level: every published one that is not a base figure. */
const watched = (indicators: readonly Indicator[], level: Level) =>
  indicators.filter((i) => !i.context && i.levels.includes(level));

/**
 * The Overview's data and judgments: the province's series of every target indicator, every
 * watched indicator at `level` (the cities, or the counties), and what the domain's pure
 * functions make of them. `judgments` is null until every series has loaded for its own key.
 */
export function useJudgments({
  indicators,
  regions,
  province,
  level,
  lastYear,
}: {
  indicators: readonly Indicator[];
  regions: readonly Region[];
  province: string;
  level: Level;
  lastYear: number;
}): { queries: UseQueryResult<Observation[]>[]; judgments: Judgments | null } {
  const targeted = useMemo(() => targetIndicators(indicators, province), [indicators, province]);
  const atLevel = useMemo(() => watched(indicators, level), [indicators, level]);
  const provinceResults = useManyObservations(targeted.map((i) => ({ indicator: i.id, level: "province" as const })));
  const levelResults = useManyObservations(atLevel.map((i) => ({ indicator: i.id, level })));
  const queries = [...provinceResults, ...levelResults];
  const ready = queries.every(isSettled);
  // The results arrays are new on every render: their answers' timestamps say when the data changed.
  const stamp = queries.map((q) => q.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` stands for the data of `provinceResults` and `levelResults`
  const judgments = useMemo(() => {
    if (!ready) return null;
    const key = [stamp, province, level, lastYear, regions.length].join("|");
    const hit = cache.get(indicators);
    if (hit?.key === key) return hit.value;
    const provinceData = provinceResults.map((q) => q.data);
    const levelData = levelResults.map((q) => q.data);
    const byIdProvince = new Map(targeted.map((ind, k) => [ind.id, provinceData[k] ?? []]));
    const byIdLevel = new Map(atLevel.map((ind, k) => [ind.id, levelData[k] ?? []]));
    const assessments = assessTargets(targeted, byIdProvince, province);
    const units = regionsAtLevel(regions, level);
    const behind = shortfalls(
      units,
      targeted.flatMap((indicator) => {
        const target = currentTarget(indicator, province, lastYear);
        const progress = target && targetProgress(indicator, target, byIdProvince.get(indicator.id) ?? []);
        const observations = byIdLevel.get(indicator.id);
        return progress && observations ? [{ indicator, progress, observations }] : [];
      }),
    );
    const warnings = detectWarnings(atLevel, byIdLevel, regions);
    const value = { assessments, shortfalls: behind, warnings, findings: keyFindings(assessments, behind, warnings) };
    cache.set(indicators, { key, value });
    return value;
  }, [ready, stamp, indicators, targeted, atLevel, regions, province, level, lastYear]);
  return { queries, judgments };
}
