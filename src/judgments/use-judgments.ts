import type { UseQueryResult } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useRef } from "react";
import type { Indicator, Level, Observation, Region } from "../api/contract";
import { useLandedSeries } from "../api/landed";
import { isSettled } from "../api/queries";
import type { Shortfall, TargetAssessment } from "../domain/assessment";
import { targetIndicators, watched } from "../domain/catalogue";
import { type Findings, keyFindings } from "../domain/findings";
import type { JudgeRequest, SeriesPart } from "../domain/judgments";
import type { Warning } from "../domain/warnings";
import { judge } from "./judge-client";

type Results = UseQueryResult<Observation[]>[];

/** One judged part: the series it is computed from (for its panel's gate) and its value once they have loaded. */
export interface Part<T> {
  queries: Results;
  value: T | null;
  /** Why its judgment failed (the worker and the page's fallback both), shown in its panel; `retry` asks again. */
  error?: Error;
  retry?: () => void;
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

type Values = { targets: TargetAssessment[]; behind: Shortfall[]; warnings: Warning[] };

/** A part's judgment for one key: asked for, then its value (or why it failed). */
interface Entry<K extends SeriesPart = SeriesPart> {
  done: boolean;
  value?: Values[K];
  error?: Error;
  /** Settles when the value (or error) is in. */
  ready: Promise<void>;
}

/**
 * The results arrays are new on every render: their answers' identities say when the data
 * changed. Identity, not `dataUpdatedAt`: a refetch that brings the same figures keeps the same
 * array (React Query's structural sharing) and a new timestamp, and on the command screen, where
 * every series goes stale after 5 minutes and is refetched as its indicator comes up, the
 * timestamp re-judged every target and county warning at every step. The judged panels (each its
 * own lazy part of the page) share one judgment per part and key, cached per catalogue; `latest`
 * keeps each part's last value per province, level and year, shown while a refetch of the same
 * series is judged (never another level's).
 */
const ids = new WeakMap<readonly object[], number>();
let lastId = 0;
const idOf = (data: readonly object[] | undefined) => {
  if (!data) return 0;
  let id = ids.get(data);
  if (id === undefined) {
    id = ++lastId;
    ids.set(data, id);
  }
  return id;
};
const stampOf = (queries: Results) => queries.map((q) => idOf(q.data)).join();
interface Store {
  entries: Map<string, Entry>;
  latest: Map<string, unknown>;
}
const stores = new WeakMap<readonly Indicator[], Store>();
function storeOf(indicators: readonly Indicator[]): Store {
  const store = stores.get(indicators) ?? { entries: new Map(), latest: new Map() };
  stores.set(indicators, store);
  return store;
}
const partOf = (key: string) => key.split("|")[0] as SeriesPart;
const contextOf = (key: string) => key.split("|").slice(0, 5).join("|");

const findingsCache = new WeakMap<object, Findings>();

/**
 * The Overview's data and judgments: the province's series of every target indicator, every
 * watched indicator at `level` (the cities, or the counties), and what the domain's pure
 * functions make of them. A part's value is null until its series have loaded for their own key
 * and been judged. Judging runs in a worker (judge-client.ts): the last answer's render shows
 * skeletons, and the verdicts follow in a render of their own once judged, off the main thread.
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

  // A key says everything a part is computed from: province, level, year, the regions, the answers.
  // The regions by identity: a new regions answer of the same length (a renamed or moved unit) is judged again.
  const context = `${province}|${level}|${lastYear}|${idOf(regions)}`;
  const keys: Record<SeriesPart, string | null> = {
    targets: provinceResults.every(isSettled) ? `targets|${context}|${stampOf(provinceResults)}` : null,
    behind: behindQueries.every(isSettled) ? `behind|${context}|${stampOf(behindQueries)}` : null,
    warnings: levelResults.every(isSettled) ? `warnings|${context}|${stampOf(levelResults)}` : null,
  };
  const { targets: keyOfTargets, behind: keyOfBehind, warnings: keyOfWarnings } = keys;
  const store = storeOf(indicators);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Retry after a failed judgment: the failed entries go and the effect asks again.
  const [attempt, again] = useReducer((n: number) => n + 1, 0);
  // The effect runs when a key changes; the keys stand for these inputs, read from here.
  const inputs = { indicators, regions, province, level, lastYear, targeted, atLevel, provinceResults, levelResults };
  const current = useRef(inputs);
  current.current = inputs;

  // Ask for what is settled and not yet judged (one request for the parts that became ready
  // together), and render again as each of this render's parts comes in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` (Retry) asks again for the same keys
  useEffect(() => {
    const { indicators, regions, province, level, lastYear, targeted, atLevel, provinceResults, levelResults } = current.current;
    const keys: Record<SeriesPart, string | null> = { targets: keyOfTargets, behind: keyOfBehind, warnings: keyOfWarnings };
    let alive = true;
    const missing = (Object.keys(keys) as SeriesPart[]).filter((p) => keys[p] !== null && !store.entries.has(keys[p] as string));
    if (missing.length) {
      const request: JudgeRequest = {
        parts: missing,
        indicators,
        regions,
        province,
        level,
        lastYear,
        provinceSeries: Object.fromEntries(targeted.map((ind, k) => [ind.id, provinceResults[k].data ?? []])),
        levelSeries: missing.some((p) => p !== "targets")
          ? Object.fromEntries(atLevel.map((ind, k) => [ind.id, levelResults[k].data ?? []]))
          : {},
      };
      const answer = judge(request);
      for (const part of missing) {
        const key = keys[part] as string;
        const entry: Entry = { done: false, ready: Promise.resolve() };
        entry.ready = answer.then(
          (result) => {
            entry.done = true;
            entry.value = result[part];
            store.latest.set(contextOf(key), entry.value);
            // One judged key per part is enough: a new stamp (or level) replaces the old.
            for (const k of store.entries.keys())
              if (k !== key && partOf(k) === part && store.entries.get(k)?.done) store.entries.delete(k);
          },
          (e: unknown) => {
            entry.done = true;
            entry.error = e instanceof Error ? e : new Error(String(e));
          },
        );
        store.entries.set(key, entry);
      }
    }
    for (const key of Object.values(keys)) {
      const entry = key ? store.entries.get(key) : undefined;
      // The Overview passes this on to its panels in a transition (judged.tsx); the screen renders it at once.
      if (entry && !entry.done) entry.ready.then(() => alive && rerender());
    }
    return () => {
      alive = false;
    };
  }, [keyOfTargets, keyOfBehind, keyOfWarnings, store, attempt]);

  const judged = <K extends SeriesPart>(part: K): Values[K] | null => {
    const key = keys[part];
    if (!key) return null;
    const entry = store.entries.get(key);
    if (entry?.done && !entry.error) return (entry.value ?? null) as Values[K] | null;
    return (store.latest.get(contextOf(key)) ?? null) as Values[K] | null;
  };
  const errorOf = (part: SeriesPart): Error | undefined => {
    const key = keys[part];
    return key ? store.entries.get(key)?.error : undefined;
  };
  const retry = () => {
    for (const key of Object.values(keys)) if (key && store.entries.get(key)?.error) store.entries.delete(key);
    again();
  };
  const targets = judged("targets");
  const behind = judged("behind");
  const warnings = judged("warnings");
  const failed = { targets: errorOf("targets"), behind: errorOf("behind"), warnings: errorOf("warnings") };
  let findings: Findings | null = null;
  if (targets && behind && warnings) {
    // Counted from the very arrays the panels show (cheap, on the page), once per trio.
    const trio = findingsKey(targets, behind, warnings);
    findings = findingsCache.get(trio) ?? keyFindings(targets, behind, warnings);
    findingsCache.set(trio, findings);
  }
  return {
    targets: { queries: provinceResults, value: targets, error: failed.targets, retry },
    behind: { queries: behindQueries, value: behind, error: failed.behind, retry },
    warnings: { queries: levelResults, value: warnings, error: failed.warnings, retry },
    findings: { queries: all, value: findings, error: failed.targets ?? failed.behind ?? failed.warnings, retry },
  };
}

/** One object per trio of judged arrays, for the findings' cache. */
const trios = new WeakMap<object, WeakMap<object, WeakMap<object, object>>>();
function findingsKey(a: object, b: object, c: object): object {
  const byA = trios.get(a) ?? new WeakMap<object, WeakMap<object, object>>();
  trios.set(a, byA);
  const byB = byA.get(b) ?? new WeakMap<object, object>();
  byA.set(b, byB);
  const key = byB.get(c) ?? {};
  byB.set(c, key);
  return key;
}
