import { INDICATOR_ID, PERIOD, PILLARS, REGION_CODE } from "../api/contract";
import { BIN_METHODS, type BinMethod } from "../domain/bin-methods";

export const VIEWS = ["overview", "map", "compare", "explore", "profile", "data"] as const;
export const LANGS = ["zh", "en"] as const;
export const MAP_LEVELS = ["city", "county"] as const;
export const TABS = ["chart", "map", "table"] as const;
export const MAX_REGIONS = 8;
export const NORMS = ["minmax", "zscore"] as const;
export const SCREENS = ["normal", "big"] as const;
/** The value axis of time-series charts (Compare, Explore). */
export const AXIS_SCALES = ["linear", "log"] as const;
/** The command screen's limits: seconds per indicator, indicators cycled, minutes between refreshes. */
export const CYCLE_S = { min: 1, max: 3600, default: 20 } as const;
export const MAX_CYCLED = 20;
export const REFRESH_MIN = { min: 1, max: 1440, default: 30 } as const;
export const PILLAR_COUNT = PILLARS.length;

export type View = (typeof VIEWS)[number];
export type Lang = (typeof LANGS)[number];

/** The view as the URL holds it. `null` means "the default the data implies" (first headline indicator, latest year). */
export interface ViewState {
  view: View;
  lang: Lang;
  indicator: string | null;
  year: string | null;
  level: (typeof MAP_LEVELS)[number];
  city: string | null;
  regions: string[];
  tab: (typeof TABS)[number];
  /** How the map classes its values. */
  bins: BinMethod;
  /** Digital Development Index: pillar weights in PILLARS order (0–10 each), null = equal. */
  weights: number[] | null;
  /** Digital Development Index: how indicators are normalised across regions. */
  norm: (typeof NORMS)[number];
  /** `big`: the wall-display mode of the Overview (dark, large type, no chrome, cycling panels). */
  screen: (typeof SCREENS)[number];
  /** Command screen: seconds each indicator stays up. */
  cycle: number;
  /** Command screen: the indicators cycled through, [] = the headline ones. */
  indicators: string[];
  /** Command screen: minutes between checks for a new data version. */
  refresh: number;
  /** A period range (Explore), either end open. */
  from: string | null;
  to: string | null;
  /** The region a profile is about (the profile view). */
  region: string | null;
  /**
   * How an amount is shown: `total`, `area` or a denominator indicator's id (per resident, per
   * GDP…); null = the indicator's natural intensive form (its first denominator).
   */
  per: string | null;
  /** Time-series charts' value axis. */
  scale: (typeof AXIS_SCALES)[number];
  /** Time-series charts as relative change: the first period of the range = 100. */
  relative: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  view: "overview",
  lang: "zh",
  indicator: null,
  year: null,
  level: "city",
  city: null,
  regions: [],
  tab: "chart",
  bins: "quantile",
  weights: null,
  norm: "minmax",
  screen: "normal",
  cycle: CYCLE_S.default,
  indicators: [],
  refresh: REFRESH_MIN.default,
  from: null,
  to: null,
  region: null,
  per: null,
  scale: "linear",
  relative: false,
};

/** A parameter the URL carried that could not be used. */
export interface Dropped {
  key: string;
  value: string;
}

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: string): T | undefined =>
    (list as readonly string[]).includes(v) ? (v as T) : undefined;
const matching = (re: RegExp) => (v: string) => (re.test(v) ? v : undefined);
const integer =
  ({ min, max }: { min: number; max: number }) =>
  (v: string) =>
    /^\d{1,5}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : undefined;

const DECODERS: { [K in keyof ViewState]: (v: string) => ViewState[K] | undefined } = {
  view: oneOf(VIEWS),
  lang: oneOf(LANGS),
  indicator: matching(INDICATOR_ID),
  year: matching(PERIOD),
  level: oneOf(MAP_LEVELS),
  city: matching(REGION_CODE),
  regions: (v) => {
    const codes = [...new Set(v.split(","))];
    return codes.length <= MAX_REGIONS && codes.every((c) => REGION_CODE.test(c)) ? codes : undefined;
  },
  tab: oneOf(TABS),
  bins: oneOf(BIN_METHODS),
  weights: (v) => {
    const w = v.split(",").map(Number);
    const valid = w.length === PILLAR_COUNT && w.every((x) => Number.isInteger(x) && x >= 0 && x <= 10) && w.some((x) => x > 0);
    return valid ? w : undefined;
  },
  norm: oneOf(NORMS),
  screen: oneOf(SCREENS),
  cycle: integer(CYCLE_S),
  indicators: (v) => {
    const ids = [...new Set(v.split(","))];
    return ids.length <= MAX_CYCLED && ids.every((id) => INDICATOR_ID.test(id)) ? ids : undefined;
  },
  refresh: integer(REFRESH_MIN),
  from: matching(PERIOD),
  to: matching(PERIOD),
  region: matching(REGION_CODE),
  per: matching(INDICATOR_ID),
  scale: oneOf(AXIS_SCALES),
  relative: (v) => (v === "1" ? true : v === "0" ? false : undefined),
};
const KEYS = Object.keys(DECODERS) as (keyof ViewState)[];
/** Longer values are junk, not a view: refused before any parsing. */
const MAX_VALUE_LENGTH = 200;

/** The URL's view: every invalid or unknown parameter falls back to its default and is reported. */
export function viewFromParams(params: URLSearchParams): { view: ViewState; dropped: Dropped[] } {
  const view: ViewState = { ...DEFAULT_VIEW, regions: [] };
  const dropped: Dropped[] = [];
  const seen = new Set<string>();
  for (const [key, value] of params) {
    // Own keys only: "__proto__" or "constructor" must not reach Object.prototype.
    const decode = Object.hasOwn(DECODERS, key) ? (DECODERS as Record<string, (v: string) => unknown>)[key] : undefined;
    const decoded = decode && !seen.has(key) && value.length <= MAX_VALUE_LENGTH ? decode(value) : undefined;
    seen.add(key);
    if (decoded === undefined) dropped.push({ key, value: value.slice(0, 40) });
    else (view as unknown as Record<string, unknown>)[key] = decoded;
  }
  return { view, dropped };
}

/** The URL of a view: only what differs from the defaults, in a stable order. */
export function viewToParams(view: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of KEYS) {
    const value = view[key];
    if (key === "regions" || key === "weights" || key === "indicators") {
      const list = view[key];
      if (list?.length && !(key === "weights" && list.every((x) => x === list[0]))) p.set(key, list.join(","));
    } else if (typeof value === "boolean") {
      if (value !== DEFAULT_VIEW[key]) p.set(key, value ? "1" : "0");
    } else if (value !== null && value !== DEFAULT_VIEW[key]) {
      p.set(key, String(value));
    }
  }
  return p;
}
