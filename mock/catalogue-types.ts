import type { Indicator } from "../src/api/contract";

/** The size a region's share of a summed indicator scales with. */
export type Basis = "gdp" | "population" | "villages" | "enterprises" | "retail";

/** How the generator simulates one indicator (never served: the API serves only `Indicator`). */
export interface SimSpec {
  /**
   * How a year relates to its quarters (quarterly indicators only):
   * stock = the Q4 value (e.g. base stations in service), flow = the sum of the quarters.
   * Rates (weighted means) are annual only.
   */
  measure: "stock" | "flow" | "rate";
  /**
   * Province values by year, calibrated to the facts file where a figure exists. Years in
   * between are interpolated geometrically (linearly for rates), years outside extrapolated
   * at the growth of the nearest segment.
   */
  anchors: Record<number, number>;
  /** First year with data; earlier years are null at every level (e.g. 5G before 2019). */
  since?: number;
  /** Sums: what a region's share scales with. Ignored for rates. */
  basis?: Basis;
  /**
   * How strongly the digital factor (Pearl River Delta > east/west wings > north, districts >
   * county-level cities > counties) tilts a region's value: 0 = not at all, 1 = strongly.
   */
  tilt: number;
  /** Log-normal sigma of the random spread between regions (0.1 mild … 0.6 wide). */
  spread: number;
  /** Upper bound for rates (default 100); lower bound is 0. */
  max?: number;
  /** Published city figures to match: { cityCode: { year: value } }. */
  cityAnchors?: Record<string, Record<number, number>>;
}

/** A catalogue entry of the simulated dataset: the contract's fields plus how to simulate it. */
export interface IndicatorSpec extends Indicator {
  sim: SimSpec;
}
