import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/i18n/format";
import { fixedText, significantText } from "../../src/i18n/number";

const LOCALES = ["zh-CN", "en-GB"] as const;
const fixed = (locale: string, d: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
const sig3 = (locale: string) => new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });

/** Figures as the data holds them (rounded to a few decimals) and any double. */
const figure = fc.oneof(
  fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 })).map(([n, e]) => n / 10 ** e),
  fc.double({ min: -1e20, max: 1e20, noNaN: true }),
  fc.double({ min: -10, max: 10, noNaN: true }),
);

describe("numbers written by hand as Intl writes them", () => {
  it("rounds the shortest decimal half away from zero, as Intl does (not toFixed's binary value)", () => {
    expect(fixedText(12345.675, 2)).toBe("12,345.68");
    expect((12345.675).toFixed(2)).toBe("12345.67");
    expect(fixedText(-0.001, 1)).toBe("-0.0");
    expect(fixedText(-0, 0)).toBe("-0");
    expect(fixedText(999.95, 1)).toBe("1,000.0");
    expect(fixedText(1234567.25, 0)).toBe("1,234,567");
    expect(significantText(999.5, 3)).toBe("1,000");
    expect(significantText(0.000123, 3)).toBe("0.000123");
    expect(significantText(1234567, 3)).toBe("1,230,000");
  });

  it("leaves to Intl what it does not write like Intl (exponents, NaN, infinities)", () => {
    for (const x of [1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(fixedText(x, 1)).toBeNull();
      expect(significantText(x, 3)).toBeNull();
    }
    expect(formatNumber(Number.POSITIVE_INFINITY, 1, "en")).toBe(fixed("en-GB", 1).format(Number.POSITIVE_INFINITY));
    expect(formatNumber(1e21, 0, "zh")).toBe(fixed("zh-CN", 0).format(1e21));
  });

  it("equals Intl.NumberFormat in zh-CN and en-GB with 0–4 decimals, and to three significant digits", () => {
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 4 }), (x, d) => {
        for (const locale of LOCALES) {
          const f = fixedText(x, d);
          if (f !== null) expect(f).toBe(fixed(locale, d).format(x));
          const s = significantText(x, 3);
          if (s !== null) expect(s).toBe(sig3(locale).format(x));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("formatNumber still writes what Intl writes", () => {
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 3 }), fc.constantFrom("zh" as const, "en" as const), (x, d, lang) => {
        expect(formatNumber(x, d, lang)).toBe(fixed(lang === "zh" ? "zh-CN" : "en-GB", d).format(x));
      }),
      { numRuns: 2000 },
    );
  });
});
