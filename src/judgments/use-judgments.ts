import type { UseQueryResult } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import type { Indicator, Level, Observation, Region } from "../api/contract";
import { regionsAtLevel } from "../api/filter";
import { useLandedSeries } from "../api/landed";
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
 * The results arrays are new on every render: their answers' identities say when the data
 * changed, and the judged panels (each its own lazy part of the page) share one computation per
 * part and key, cached per catalogue. Identity, not `dataUpdatedAt`: a refetch that brings the
 * same figures keeps the same array (React Query's structural sharing) and a new timestamp, and
 * on the command screen, where every series goes stale after 5 minutes and is refetched as its
 * indicator comes up, the timestamp re-judged every target and county warning at every step.
 */
const ids = new WeakMap<readonly Observation[], number>();
let lastId = 0;
const idOf = (data: readonly Observation[] | undefined) => {
  if (!data) return 0;
  let id = ids.get(data);
  if (id === undefined) {
    id = ++lastId;
    ids.set(data, id);
  }
  return id;
};
const stampOf = (queries: Results) => queries.map((q) => idOf(q.data)).join();
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
  const provinceResults = useLandedSeries(targeted.map((i) => ({ indicator: i.id, level: "province" as const })));
  const levelResults = useLandedSeries(atLevel.map((i) => ({ indicator: i.id, level })));
  const targetedIds = new Set(targeted.map((i) => i.id));
  const levelTargeted = levelResults.filter((_, k) => targetedIds.has(atLevel[k].id));
  const behindQueries = [...provinceResults, ...levelTargeted];
  const all = [...provinceResults, ...levelResults];
  // Judged in a deferred render: the series' last answer lands in a synchronous render (an
  // external store's update), and the judgments and their panels — a quarter of a second at a
  // phone's speed — then follow in one React may interrupt and split, not in the same task.
  const input = useMemo(
    () => ({ indicators, regions, province, level, lastYear, targeted, atLevel, provinceResults, levelResults }),
    [indicators, regions, province, level, lastYear, targeted, atLevel, provinceResults, levelResults],
  );
  const deferred = useDeferredValue(input);
  // Another level, province or catalogue than asked: a skeleton until judged, never the old one's verdicts under the new heading.
  const same =
    deferred.level === level &&
    deferred.province === province &&
    deferred.lastYear === lastYear &&
    deferred.indicators === indicators &&
    deferred.regions === regions;
  const { targets, behind, warnings, findings } = same ? judge(deferred) : NONE;
  return {
    targets: { queries: provinceResults, value: targets },
    behind: { queries: behindQueries, value: behind },
    warnings: { queries: levelResults, value: warnings },
    findings: { queries: all, value: findings },
  };
}

const NONE = { targets: null, behind: null, warnings: null, findings: null } as const;

/** The judgments of one set of answers, each computed once per part and stamp (see `cached`). */
function judge({
  indicators,
  regions,
  province,
  level,
  lastYear,
  targeted,
  atLevel,
  provinceResults,
  levelResults,
}: {
  indicators: readonly Indicator[];
  regions: readonly Region[];
  province: string;
  level: Level;
  lastYear: number;
  targeted: readonly Indicator[];
  atLevel: readonly Indicator[];
  provinceResults: Results;
  levelResults: Results;
}) {
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
  return { targets, behind, warnings, findings };
}
