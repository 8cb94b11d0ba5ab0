import type { Indicator, Text } from "../api/contract";
import type { Change } from "../domain/change";
import { unitScale } from "../domain/units";
import type { Lang } from "../state/url";
import { MESSAGES, type MessageKey } from "./messages";

const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-GB" };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translator for one language: `{name}` placeholders are filled from `vars`, as text. */
export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  // A key whose texts have not been added yet shows as itself: visibly wrong, never a crash.
  return (key, vars) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
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
  return cached(
    `n:${lang}:${decimals}`,
    () => new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  ).format(value);
}

/** A value in its indicator's unit and decimals; "%" sticks to the number, other units follow a space. */
export function formatValue(value: number | null, ind: Indicator, lang: Lang, noData = "—"): string {
  if (value === null) return noData;
  const n = formatNumber(value, ind.decimals, lang);
  const unit = pick(ind.unit, lang);
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

const ZH_STEPS: [number, string][] = [
  [1e12, "万亿"],
  [1e8, "亿"],
  [1e4, "万"],
];
const EN_STEPS: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
  [1e3, "thousand"],
];

/**
 * A count or an amount of money in 万/亿 (Chinese) or thousand/million/billion (English), to
 * three significant digits: 23,089.7 亿元 → "2.31万亿元" / "2.31 trillion yuan". Other units
 * (rates, EFLOPS) keep the indicator's own decimals.
 */
export function formatCompact(value: number | null, ind: Indicator, lang: Lang, noData = "—"): string {
  const scale = unitScale(ind.unit);
  if (value === null || scale === null) return formatValue(value, ind, lang, noData);
  const whole = value * scale.multiplier;
  const step = (lang === "zh" ? ZH_STEPS : EN_STEPS).find(([size]) => Math.abs(whole) >= size);
  const base = pick(scale.base, lang);
  if (!step) return `${formatNumber(whole, scale.multiplier === 1 ? ind.decimals : 0, lang)}${lang === "zh" ? "" : " "}${base}`;
  const n = cached(`s3:${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { maximumSignificantDigits: 3 })).format(
    whole / step[0],
  );
  return lang === "zh" ? `${n}${step[1]}${base}` : `${n} ${step[1]} ${base}`;
}

export function formatDate(iso: string, lang: Lang): string {
  return cached(
    `d:${lang}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[lang], {
        year: "numeric",
        month: "long",
        day: "numeric",
        timeZone: "Asia/Shanghai",
      }),
  ).format(new Date(iso));
}

/** A change on an earlier period: "+1.2%" for amounts, "+0.4 pp" (个百分点) for rates. */
export function formatChange(c: Change, lang: Lang, t: Translate): string {
  return t(c.kind === "pp" ? "change.pp" : "change.pct", {
    sign: c.value > 0 ? "+" : c.value < 0 ? "−" : "±",
    value: formatNumber(Math.abs(c.value), 1, lang),
  });
}
