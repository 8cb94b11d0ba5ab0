/**
 * Numbers written as Intl.NumberFormat writes them in zh-CN and en-GB (both group by three
 * with "," and use "." for decimals), composed by hand: a page's first NumberFormat loads ICU's
 * number data, 25–40 ms of main thread on a desktop and 90–150 ms at a phone's 4× slowdown,
 * in the first render that shows a figure (Lighthouse's trace of every view). Unit-tested
 * against Intl; returns null where it does not follow Intl (|x| < 1e-6 or ≥ 1e21, NaN, ±∞),
 * and the caller asks Intl.
 *
 * Intl rounds the shortest decimal that reads back as the number (12345.675 → "12,345.68"),
 * half away from zero, not the binary value as toFixed does ("12345.67"): so do these, on the
 * digits of String(x).
 */

/** The digits of `|x|` as String writes them, and where the decimal point is; null in exponent form. */
function digitsOf(x: number): { digits: string; point: number } | null {
  const s = String(Math.abs(x));
  if (s.includes("e")) return null;
  const dot = s.indexOf(".");
  return dot < 0 ? { digits: s, point: s.length } : { digits: s.slice(0, dot) + s.slice(dot + 1), point: dot };
}

/** `digits` (a decimal string of digits) rounded half up to its first `keep` digits; the carry may add one digit in front. */
function roundDigits(digits: string, keep: number): { digits: string; carried: boolean } {
  if (keep < 0) return { digits: "", carried: false };
  if (digits.length <= keep) return { digits: digits.padEnd(keep, "0"), carried: false };
  const head = digits.slice(0, keep).split("");
  if (digits.charCodeAt(keep) < 53 /* "5" */) return { digits: head.join(""), carried: false };
  let i = head.length - 1;
  while (i >= 0 && head[i] === "9") head[i--] = "0";
  if (i >= 0) {
    head[i] = String(Number(head[i]) + 1);
    return { digits: head.join(""), carried: false };
  }
  return { digits: `1${head.join("")}`, carried: true };
}

const group = (int: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const signOf = (x: number) => (x < 0 || Object.is(x, -0) ? "-" : "");

const inRange = (x: number) => Number.isFinite(x) && (x === 0 || (Math.abs(x) >= 1e-6 && Math.abs(x) < 1e21));

/** `x` with exactly `decimals` decimals, grouped: Intl's `{ minimumFractionDigits: d, maximumFractionDigits: d }`. */
export function fixedText(x: number, decimals: number): string | null {
  if (!inRange(x) || !Number.isInteger(decimals) || decimals < 0 || decimals > 20) return null;
  const d = digitsOf(x);
  if (!d) return null;
  const r = roundDigits(d.digits, d.point + decimals);
  const point = d.point + (r.carried ? 1 : 0);
  const all = r.digits.padStart(point + decimals, "0");
  const int = all.slice(0, all.length - decimals).replace(/^0+(?=\d)/, "") || "0";
  const frac = all.slice(all.length - decimals);
  return `${signOf(x)}${group(int)}${decimals ? `.${frac}` : ""}`;
}

/** `x` to `n` significant digits, trailing zeros dropped, grouped: Intl's `{ maximumSignificantDigits: n }`. */
export function significantText(x: number, n: number): string | null {
  if (!inRange(x) || !Number.isInteger(n) || n < 1 || n > 21) return null;
  if (x === 0) return `${signOf(x)}0`;
  const d = digitsOf(x);
  if (!d) return null;
  // Leading zeros (0.00123) are not significant.
  const lead = d.digits.length - d.digits.replace(/^0+/, "").length;
  const r = roundDigits(d.digits.slice(lead), n);
  const point = d.point - lead + (r.carried ? 1 : 0);
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = "0";
    frac = "0".repeat(-point) + r.digits;
  } else {
    int = r.digits.slice(0, point).padEnd(point, "0");
    frac = r.digits.slice(point);
  }
  frac = frac.replace(/0+$/, "");
  return `${signOf(x)}${group(int)}${frac ? `.${frac}` : ""}`;
}
