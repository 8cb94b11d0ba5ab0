import { useQuery } from "@tanstack/react-query";
import { useDataSource } from "./context";
import type { ObservationQuery } from "./contract";
import { indicatorsQuery, metaQuery, observationsQuery, regionsQuery } from "./queries";

export const useMeta = () => useQuery(metaQuery(useDataSource()));
export const useRegions = () => useQuery(regionsQuery(useDataSource()));
export const useIndicators = () => useQuery(indicatorsQuery(useDataSource()));
export const useObservations = (q: ObservationQuery, enabled = true) =>
  useQuery({ ...observationsQuery(useDataSource(), q), enabled });
