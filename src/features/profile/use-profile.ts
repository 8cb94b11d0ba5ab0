import type { UseQueryResult } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { Indicator, Observation, Region } from "../../api/contract";
import { useManyObservations } from "../../api/hooks";
import { isSettled } from "../../api/queries";
import { targetIndicators } from "../../domain/catalogue";
import type { Norm } from "../../domain/index-score";
import { buildProfile, type Profile, profileIndicators, profileLevel } from "./profile-model";

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
  const levelResults = useManyObservations(
    atLevel.map((i) => ({ indicator: i.id, level })),
    started,
  );
  const provinceResults = useManyObservations(
    targeted.map((i) => ({ indicator: i.id, level: "province" as const })),
    started,
  );
  const queries = [...levelResults, ...provinceResults];
  const ready = queries.every(isSettled) && queries.every((q) => q.isSuccess);
  // The results arrays are new on every render: their answers' timestamps say when the data changed.
  const stamp = queries.map((q) => q.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` stands for the data of `levelResults` and `provinceResults`
  const profile = useMemo(() => {
    if (!ready) return null;
    const data = new Map(atLevel.map((ind, k) => [ind.id, levelResults[k]?.data ?? []]));
    const provinceData =
      level === "province" ? data : new Map(targeted.map((ind, k) => [ind.id, provinceResults[k]?.data ?? []]));
    return buildProfile({ region, regions, indicators, data, provinceData, year, weights, norm, lastYear });
  }, [ready, stamp, region, regions, indicators, atLevel, targeted, level, year, weights, norm, lastYear]);

  // The first screen's reads: the profile's year, not asked for once the full reads are in.
  const firstResults = useManyObservations(
    atLevel.map((i) => ({ indicator: i.id, level, from: wanted, to: wanted })),
    staged && !ready,
  );
  const firstDone = firstResults.every((q) => q.isSuccess || q.isError);
  const firstReady = staged && !ready && firstResults.every(isSettled);
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

  return { queries, profile, firstQueries: ready ? [] : firstResults, first: ready ? null : first };
}
