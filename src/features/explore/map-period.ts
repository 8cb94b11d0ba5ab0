import type { Observation } from "../../api/contract";
import { isQuarter } from "../../domain/periods";
import type { ViewState } from "../../state/url";
import type { PeriodRange } from "./range";

/**
 * The period the map shows: the range's end when the URL sets one, else the latest year with
 * a value at this level (the data's last year may not be published everywhere yet).
 */
export function mapPeriod(range: PeriodRange, explicitEnd: boolean, observations: readonly Observation[]): string {
  if (explicitEnd) return range.to;
  const years = observations.filter((o) => !isQuarter(o.period) && o.value !== null).map((o) => o.period);
  return years.sort().at(-1) ?? range.to;
}

/** The Map view's URL for the same indicator, period and level (drill-down is the Map view's job). */
export function mapViewPatch(indicator: string, period: string, level: ViewState["level"]): Partial<ViewState> {
  return { view: "map", indicator, year: period, level, city: null, tab: "map" };
}
