import type { Indicator, Text } from "../api/contract";
import type { Change } from "../domain/change";
import { unitScale } from "../domain/units";
import type { Lang } from "../state/url";
import { MESSAGES, type MessageKey } from "./messages";
import { fixedText, significantText } from "./number";

const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-GB" };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The translator for one language: `{name}` placeholders are filled from `vars`, as text. */
export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, vars) => {
    // A key whose texts have not been added yet shows as itself: visibly wrong, never a crash.
    const text = table[key] ?? key;
    // Most texts have nothing to fill (labels, headings): no regular expression for those, a
    // first render calls this hundreds of times. Without `vars` a placeholder stays as written.
    if (vars === undefined || !text.includes("{")) return text;
    return text.replace(PLACEHOLDER, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** A bilingual text from the API in the current language. */
export const pick = (text: Text, lang: Lang): string => text[lang];

/**
 * Intl formatters are costly to create (tens of microseconds each, the first far more): one per
 * language and style, kept for the page's life. A table of 124 units × 8 years formats ~1,000
 * numbers per render.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, decimals: number, lang: Lang): string {
  // By hand where it writes what Intl writes (number.ts): no ICU number data on the first render.
  const text = fixedText(value, decimals);
  if (text !== null) return text;
  return cached(
    `n:${lang}:${decimals}`,
    () => new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  ).format(value);
}

/** Up to three significant digits, trailing zeros dropped (English scaled amounts). */
const sig3 = (value: number, lang: Lang) =>
  significantText(value, 3) ??
  cached(`s3:${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { maximumSignificantDigits: 3 })).format(value);

const EN_STEPS: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * The one way a figure is shown (cards, tables, tooltips, axes, legends, exports; CSV files keep
 * the raw number and the unit column). `withUnit: false` gives the number alone, for a column or
 * axis whose unit is said once by `unitLabel`.
 *
 * Units without a Chinese scale word (%, EFLOPS, 个, 家, 人…): the indicator's decimals, in both
 * languages. Units in 万/亿/万亿 of a count or money (亿元, 万人, 万户, 亿件…):
 * - Chinese keeps the unit, with up to three significant digits but at least one decimal, never
 *   more decimals than the data has: 28.000 亿元 → "28.0 亿元", 2.345 → "2.35", 23,089.7 → "23,089.7".
 * - English says the whole amount with a scale word, to three significant digits, trailing zeros
 *   dropped: 28.000 亿元 → "2.8 billion yuan", 30,000 亿元 → "3 trillion yuan"; under a million it is
 *   written out: 92.0 万人 → "920,000 people". The stored value is already rounded to the data's
 *   decimals, so dropping trailing zeros never shows more precision than the data has.
 */
export function formatValue(value: number | null, ind: Indicator, lang: Lang, noData = "—", withUnit = true): string {
  if (value === null || !Number.isFinite(value)) return noData;
  const unit = pick(ind.unit, lang);
  const scale = unitScale(ind.unit);
  let n: string;
  let shownUnit = unit;
  if (!scale || scale.multiplier === 1) {
    n = formatNumber(value, ind.decimals, lang);
  } else if (lang === "zh") {
    const digits = Math.abs(value) < 1 ? 0 : Math.floor(Math.log10(Math.abs(value))) + 1;
    n = formatNumber(value, Math.min(ind.decimals, Math.max(1, 3 - digits)), lang);
  } else {
    const whole = value * scale.multiplier;
    const step = EN_STEPS.find(([size]) => Math.abs(whole) >= size);
    n = step ? `${sig3(whole / step[0], lang)} ${step[1]}` : sig3(whole, lang);
    shownUnit = scale.base.en;
  }
  if (!withUnit) return n;
  return unit === "%" ? `${n}%` : `${n} ${shownUnit}`;
}

/** The unit a column or axis of `formatValue(…, false)` figures is in: "亿元", but "yuan" in English. */
export function unitLabel(ind: Indicator, lang: Lang): string {
  const scale = lang === "en" ? unitScale(ind.unit) : null;
  return scale && scale.multiplier !== 1 ? scale.base.en : pick(ind.unit, lang);
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Asia/Shanghai has kept UTC+8 all year since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * A date as Intl.DateTimeFormat writes it with `month: "long"` in Asia/Shanghai ("2026年3月31日",
 * "31 March 2026"), composed by hand: the first DateTimeFormat of a page loads ICU's calendar
 * data, 25–45 ms of main thread on a desktop (×4 on a phone) in the header's first render.
 * Unit-tested against Intl.
 */
export function formatDate(iso: string, lang: Lang): string {
  const time = new Date(iso).getTime();
  if (!Number.isFinite(time)) throw new RangeError(`Invalid time value: ${iso}`);
  const d = new Date(time + SHANGHAI_OFFSET_MS);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  return lang === "zh" ? `${y}年${m + 1}月${day}日` : `${day} ${MONTHS_EN[m]} ${y}`;
}

/** A change on an earlier period: "+1.2%" for amounts, "+0.4 pp" (个百分点) for rates. */
export function formatChange(c: Change, lang: Lang, t: Translate): string {
  return t(c.kind === "pp" ? "change.pp" : "change.pct", {
    sign: c.value > 0 ? "+" : c.value < 0 ? "−" : "±",
    value: formatNumber(Math.abs(c.value), 1, lang),
  });
}
