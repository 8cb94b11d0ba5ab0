import type { Indicator, Text } from "../api/contract";
import type { Lang } from "../state/url";
import { MESSAGES, type MessageKey } from "./messages";

const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-GB" };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translator for one language: `{name}` placeholders are filled from `vars`, as text. */
export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}

/** A bilingual text from the API in the current language. */
export const pick = (text: Text, lang: Lang): string => text[lang];

export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A value in its indicator's unit and decimals; "%" sticks to the number, other units follow a space. */
export function formatValue(value: number | null, ind: Indicator, lang: Lang, noData = "—"): string {
  if (value === null) return noData;
  const n = formatNumber(value, ind.decimals, lang);
  const unit = pick(ind.unit, lang);
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  }).format(new Date(iso));
}
