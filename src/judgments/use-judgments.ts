import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Indicator, Level, Observation, Region } from "../api/contract";
import { regionsAtLevel } from "../api/filter";
import { useManyObservations } from "../api/hooks";
import { isSettled } from "../api/queries";
import { assessTargets, type Shortfall, shortfalls, type TargetAssessment } from "../domain/assessment";
import { currentTarget, targetIndicators } from "../domain/catalogue";
import { type Findings, keyFindings } from "../domain/findings";
import { targetProgress } from "../domain/targets";
import { detectWarnings, type Warning } from "../domain/warnings";

type Results = UseQueryResult<Observation[]>[];

/** One judged part: the series it is computed from (for its panel's gate) and its value once they have loaded. */
export interface Part<T> {
  queries: Results;
  value: T | null;
}

/** Everything the Overview judges. Each part waits only for its own series: a failing city endpoint never blanks the province's targets. */
export interface Judgments {
  /** The province's targets with both verdicts, projection and effort. */
  targets: Part<TargetAssessment[]>;
  /** The regions of `level` behind on the most targets, by progress. */
  behind: Part<Shortfall[]>;
  warnings: Part<Warning[]>;
  /** Built from the three above. */
  findings: Part<Findings>;
}

/** Indicators watched for warnings at a level: every published one that is not a base figure. */
const watched = (indicators: readonly Indicator[], level: Level) =>
  indicators.filter((i) => !i.context && i.levels.includes(level));

/**
 * The results arrays are new on every render: their answers' timestamps say when the data
 * changed, and the judged panels (each its own lazy part of the page) share one computation per
 * part and key, cached per catalogue.
 */
const stampOf = (queries: Results) => queries.map((q) => q.dataUpdatedAt).join();
const cache = new WeakMap<readonly Indicator[], Map<string, unknown>>();
function cached<T>(indicators: readonly Indicator[], key: string, compute: () => T): T {
  const byKey = cache.get(indicators) ?? new Map<string, unknown>();
  cache.set(indicators, byKey);
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  // One entry per part is enough: a new stamp replaces the old.
  for (const k of byKey.keys()) if (k.split("|")[0] === key.split("|")[0]) byKey.delete(k);
  byKey.set(key, value);
  return value;
}

/**
 * The Overview's data and judgments: the province's series of every target indicator, every
 * watched indicator at `level` (the cities, or the counties), and what the domain's pure
 * functions make of them. A part's value is null until its series have loaded for their own key.
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
}): Judgments {
  const targeted = useMemo(() => targetIndicators(indicators, province), [indicators, province]);
  const atLevel = useMemo(() => watched(indicators, level), [indicators, level]);
  const provinceResults = useManyObservations(targeted.map((i) => ({ indicator: i.id, level: "province" as const })));
  const levelResults = useManyObservations(atLevel.map((i) => ({ indicator: i.id, level })));
  const targetedIds = new Set(targeted.map((i) => i.id));
  const levelTargeted = levelResults.filter((_, k) => targetedIds.has(atLevel[k].id));
  const behindQueries = [...provinceResults, ...levelTargeted];
  const all = [...provinceResults, ...levelResults];
  const context = `${province}|${level}|${lastYear}|${regions.length}`;

  const provinceData = () => new Map(targeted.map((ind, k) => [ind.id, provinceResults[k].data ?? []]));
  const levelData = () => new Map(atLevel.map((ind, k) => [ind.id, levelResults[k].data ?? []]));

  const targets = provinceResults.every(isSettled)
    ? cached(indicators, `targets|${context}|${stampOf(provinceResults)}`, () =>
        assessTargets(targeted, provinceData(), province),
      )
    : null;
  const behind = behindQueries.every(isSettled)
    ? cached(indicators, `behind|${context}|${stampOf(behindQueries)}`, () => {
        const byProvince = provinceData();
        const byLevel = levelData();
        return shortfalls(
          regionsAtLevel(regions, level),
          targeted.flatMap((indicator) => {
            const target = currentTarget(indicator, province, lastYear);
            const progress = target && targetProgress(indicator, target, byProvince.get(indicator.id) ?? []);
            const observations = byLevel.get(indicator.id);
            return progress && observations ? [{ indicator, progress, observations }] : [];
          }),
        );
      })
    : null;
  const warnings = levelResults.every(isSettled)
    ? cached(indicators, `warnings|${context}|${stampOf(levelResults)}`, () => detectWarnings(atLevel, levelData(), regions))
    : null;
  const findings =
    targets && behind && warnings
      ? cached(indicators, `findings|${context}|${stampOf(all)}`, () => keyFindings(targets, behind, warnings))
      : null;
  return {
    targets: { queries: provinceResults, value: targets },
    behind: { queries: behindQueries, value: behind },
    warnings: { queries: levelResults, value: warnings },
    findings: { queries: all, value: findings },
  };
}
