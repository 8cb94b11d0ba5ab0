import type { Indicator, Meta, Observation, ObservationQuery, Region } from "./contract";

export interface Opts {
  signal?: AbortSignal;
}

/** Everything the UI may ask of a backend (contract v1); every answer is already validated. */
export interface DataSource {
  meta(o?: Opts): Promise<Meta>;
  regions(o?: Opts): Promise<Region[]>;
  indicators(o?: Opts): Promise<Indicator[]>;
  observations(q: ObservationQuery, o?: Opts): Promise<Observation[]>;
}
