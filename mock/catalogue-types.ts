import type { Indicator } from "../src/api/contract";

/** The size a region's share of a summed indicator scales with. */
export type Basis = "gdp" | "population" | "villages" | "enterprises" | "retail";

/** What every simulated indicator states, however its values are made. */
interface SimCommon {
  /**
   * Stock = a level at the period's end (the year is its Q4 value; e.g. base stations in
   * service), flow = accumulated over the period (the year is the sum of its quarters), rate =
   * a percentage (annual only). Served as the indicator's `measure`. Stocks are simulated
   * smooth: no year-specific noise, and a bounded drift of each region's share (STOCK_DRIFT).
   */
  measure: "stock" | "flow" | "rate";
  /**
   * Published city figures the data must meet exactly (at the indicator's decimals): { cityCode: { year: value } }.
   * Sums may give a city several years (its share of the province moves geometrically between
   * them and stays before the first and after the last; where every city has a figure in a
   * year, the province is their sum); rates one year per city.
   */
  cityAnchors?: Record<string, Record<number, number>>;
  /**
   * Decompose the province's targets over the cities (simulated 分解目标, `mock/decompose.ts`):
   * each city gets a target for the same period, from the same base, labelled as simulated.
   */
  decompose?: boolean;
}

/** An indicator simulated from a province path spread over the regions. */
export interface PathSim extends SimCommon {
  /**
   * Province values by year, calibrated to the facts file where a figure exists. Years in
   * between are interpolated geometrically (linearly for rates), years outside extrapolated
   * at the growth of the nearest segment.
   */
  anchors: Record<number, number>;
  /** First year with data; earlier years are null at every level (e.g. 5G before 2019). */
  since?: number;
  /** Sums: what a region's share scales with. Ignored for rates and for `partOf`. */
  basis?: Basis;
  /**
   * How strongly the digital factor (Pearl River Delta > east/west wings > north, districts >
   * county-level cities > counties) tilts a region's value: 0 = not at all, 1 = strongly.
   */
  tilt: number;
  /** Log-normal sigma of the random spread between regions (0.1 mild … 0.6 wide). */
  spread: number;
  /** Upper bound, in %, of a rate or of a `partOf` sum's share of its whole (default 100); lower bound 0. */
  max?: number;
  /**
   * A sum that is a part of another sum (core digital value added of GDP): each region's value
   * is the whole's published value times a share drawn like a rate (within 0…max %), so that
   * the part never exceeds its whole and a ratio of the two stays a plausible percentage.
   */
  partOf?: string;
}

/**
 * A share of one catalogue indicator in another, ×100, computed at every level and period
 * from their published (rounded) values and then rounded: never simulated on its own, so a
 * reader dividing the two gets the share shown. Null where a part is withheld.
 */
export interface RatioSim extends SimCommon {
  measure: "rate";
  ratio: { numerator: string; denominator: string };
}

/** How the generator simulates one indicator (never served: the API serves only `Indicator`). */
export type SimSpec = PathSim | RatioSim;

export const isRatio = (sim: SimSpec): sim is RatioSim => "ratio" in sim;

/** A catalogue entry of the simulated dataset: the contract's fields plus how to simulate it. */
export interface IndicatorSpec extends Omit<Indicator, "measure"> {
  sim: SimSpec;
}
