import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useConfig } from "../../api/context";
import type { Region } from "../../api/contract";
import { type Boundaries, subset } from "./geo";
import { loadBoundaries } from "./geo-client";
import { registerMap } from "./register";

/** The deployment's boundaries (config.json `boundaries.url`), fetched once per session (when `enabled`). */
export function useBoundaries(enabled = true) {
  const { boundaries, timeoutMs } = useConfig();
  return useQuery({
    enabled,
    queryKey: ["boundaries", boundaries.url],
    queryFn: ({ signal }) => loadBoundaries(boundaries.url, timeoutMs, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/**
 * Registers (once) and names the ECharts map for a view: all cities, all county-level units,
 * or the units of one city (drill-down, framed to fit them).
 */
export function useMapName(
  boundaries: Boundaries | undefined,
  level: "city" | "county",
  city: string | null,
  units: readonly Region[],
): string | null {
  return useMemo(() => {
    if (!boundaries) return null;
    if (city) return registerMap(`gd-county-${city}`, subset(boundaries.counties, new Set(units.map((u) => u.code))));
    return level === "city" ? registerMap("gd-city", boundaries.cities) : registerMap("gd-county", boundaries.counties);
  }, [boundaries, level, city, units]);
}
