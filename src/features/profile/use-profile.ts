import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
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
}): { queries: UseQueryResult<Observation[]>[]; profile: Profile | null } {
  const level = profileLevel(region, regions);
  const province = regions.find((r) => r.level === "province")?.code ?? "";
  const atLevel = useMemo(() => profileIndicators(indicators, level), [indicators, level]);
  const targeted = useMemo(
    () => (level === "province" ? [] : targetIndicators(indicators, province, level)),
    [indicators, province, level],
  );
  const levelResults = useManyObservations(atLevel.map((i) => ({ indicator: i.id, level })));
  const provinceResults = useManyObservations(targeted.map((i) => ({ indicator: i.id, level: "province" as const })));
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
  return { queries, profile };
}
