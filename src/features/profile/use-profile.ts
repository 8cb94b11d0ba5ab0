import type { UseQueryResult } from "@tanstack/react-query";
import { startTransition, useEffect, useMemo, useState } from "react";
import type { Indicator, Observation, Region } from "../../api/contract";
import { useLandedSeries } from "../../api/landed";
import { isSettled } from "../../api/queries";
import { targetIndicators } from "../../domain/catalogue";
import type { Norm } from "../../domain/index-score";
import { buildProfile, type Profile, type ProfileInput, profileIndicators, profileLevel, profileSteps } from "./profile-model";

/**
 * A region's profile: every indicator published at its level (one query each, the level's
 * file in a static snapshot) and the province's series of the targeted indicators, judged by
 * buildProfile once all have loaded. `profile` is null until then.
 *
 * Below the province it loads in two steps. First the same indicators for the profile's year
 * only (the URL's, else meta.lastYear: one year's file each in a static snapshot, a tenth of
 * the bytes), from which `first` is judged: its standing (index, rank, tier, pillars, base
 * figures) is the full profile's, since those read nothing but that year. Everything else in
 * `first` (changes, series, warnings, progress, the years to pick from) needs every year and
 * must not be shown. The full reads start once that first screen is painted, so that they do
 * not compete with it for the main thread; once they are in, `profile` supersedes `first`.
 *
 * On a phone (4× CPU) judging the full profile is about a second of main thread: the first time
 * it is judged in steps (profileSteps), one task each, and drawn in a transition (React renders
 * it in slices); `first` stays on screen meanwhile. A later change of year, weights or norm is
 * judged at once, in the render that asks for it, as before. The series are read as one set
 * (useLandedSeries): one render when the last lands, not one per answer, and the full reads'
 * observers exist only once those reads start.
 */
export function useProfile({
  region,
  regions,
  indicators,
  year,
  weights,
  norm,
  lastYear,
}: {
  region: Region;
  regions: readonly Region[];
  indicators: readonly Indicator[];
  year: string | null;
  weights: readonly number[] | null;
  norm: Norm;
  lastYear: number;
}): {
  queries: UseQueryResult<Observation[]>[];
  profile: Profile | null;
  /** The first screen's queries (the profile's year only), while `profile` is null. */
  firstQueries: UseQueryResult<Observation[]>[];
  /** Judged from the profile's year alone, while `profile` is null: only its standing and base figures may be shown. */
  first: Profile | null;
} {
  const level = profileLevel(region, regions);
  const province = regions.find((r) => r.level === "province")?.code ?? "";
  const staged = level !== "province";
  const atLevel = useMemo(() => profileIndicators(indicators, level), [indicators, level]);
  const targeted = useMemo(
    () => (level === "province" ? [] : targetIndicators(indicators, province, level)),
    [indicators, province, level],
  );
  const wanted = year ?? String(lastYear);

  // The full reads: every year.
  const [started, setStarted] = useState(!staged);
  const levelResults = useLandedSeries(started ? atLevel.map((i) => ({ indicator: i.id, level })) : []);
  const provinceResults = useLandedSeries(started ? targeted.map((i) => ({ indicator: i.id, level: "province" as const })) : []);
  const queries = [...levelResults, ...provinceResults];
  const ready = started && queries.every(isSettled) && queries.every((q) => q.isSuccess);
  // The results arrays are new on every render: their answers' timestamps say when the data changed.
  const stamp = queries.map((q) => q.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` stands for the data of `levelResults` and `provinceResults`
  const input = useMemo((): ProfileInput | null => {
    if (!ready) return null;
    const data = new Map(atLevel.map((ind, k) => [ind.id, levelResults[k]?.data ?? []]));
    const provinceData =
      level === "province" ? data : new Map(targeted.map((ind, k) => [ind.id, provinceResults[k]?.data ?? []]));
    return { region, regions, indicators, data, provinceData, year, weights, norm, lastYear };
  }, [ready, stamp, region, regions, indicators, atLevel, targeted, level, year, weights, norm, lastYear]);

  // The first full profile, judged a step per task and drawn in a transition.
  const [stepped, setStepped] = useState<{ input: ProfileInput; profile: Profile } | null>(null);
  useEffect(() => {
    if (!input || stepped) return;
    const steps = profileSteps(input);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const next = steps.next();
      if (next.done) startTransition(() => setStepped({ input, profile: next.value }));
      else timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [input, stepped]);
  // Later inputs (another year, weights, norm, or data refetched) at once.
  const now = useMemo(() => (input && stepped && stepped.input !== input ? buildProfile(input) : null), [input, stepped]);
  const profile = input === null ? null : stepped?.input === input ? stepped.profile : now;

  // The first screen's reads: the profile's year, until the first full profile is judged.
  const firstResults = useLandedSeries(
    staged && !stepped ? atLevel.map((i) => ({ indicator: i.id, level, from: wanted, to: wanted })) : [],
  );
  const firstDone = firstResults.every((q) => q.isSuccess || q.isError);
  const firstReady = firstResults.length > 0 && firstResults.every(isSettled);
  const firstStamp = firstResults.map((q) => q.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `firstStamp` stands for the data of `firstResults`
  const first = useMemo(() => {
    if (!firstReady) return null;
    const data = new Map(atLevel.map((ind, k) => [ind.id, firstResults[k]?.data ?? []]));
    // Its standing alone: nothing else of it may be shown (see above).
    const p = buildProfile(
      { region, regions, indicators, data, provinceData: new Map(), year, weights, norm, lastYear },
      "standing",
    );
    // Another year (the wanted one is no index year): only the full data can say which.
    return p.year === wanted ? p : null;
  }, [firstReady, firstStamp, region, regions, indicators, atLevel, wanted, year, weights, norm, lastYear]);

  // Start the full reads after the first screen's frame (or its failure) is painted.
  useEffect(() => {
    if (started || !firstDone) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setStarted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [started, firstDone]);

  return { queries, profile, firstQueries: profile ? [] : firstResults, first: profile ? null : first };
}
