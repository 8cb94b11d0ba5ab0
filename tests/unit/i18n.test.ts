import { describe, expect, it } from "vitest";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { translator } from "../../src/i18n/format";
import type { MessageKey } from "../../src/i18n/messages";

const CJK = /[\u3400-\u9fff]/;
/** English texts that carry Chinese on purpose: the language switch and bilingual marks. */
const BILINGUAL = new Set(["lang.switchTo", "export.simulated", "data.codes", "compare.emptySelection"]);

describe("message catalogues", () => {
  const zh = MESSAGES.zh as Record<string, string>;
  const en = MESSAGES.en as Record<string, string>;

  it("have the same keys in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("have no empty or untranslated text", () => {
    for (const key of Object.keys(zh)) {
      expect(zh[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      if (!BILINGUAL.has(key)) expect(CJK.test(en[key]), `en ${key}: ${en[key]}`).toBe(false);
    }
    // Chinese texts are Chinese (or a bare placeholder/number pattern like "{sign}{value}%").
    const untranslated = Object.keys(zh).filter((k) => /[a-z]{4,}/i.test(zh[k].replace(/\{\w+\}/g, "")) && !CJK.test(zh[k]));
    expect(untranslated.filter((k) => !["lang.switchTo"].includes(k))).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) expect(names(en[key]), key).toEqual(names(zh[key]));
  });
});

describe("translator", () => {
  const en = translator("en");

  it("fills placeholders from vars, as text, and leaves those it is not given as written", () => {
    expect(en("header.version", { version: "2024.3" })).toBe("Data version 2024.3");
    expect(en("header.version", { other: 1 })).toBe("Data version {version}");
    expect(en("header.version")).toBe("Data version {version}");
    expect(en("error.waitSeconds", { n: 0 })).toBe("0 s");
  });

  it("gives a text without placeholders as it is, and an unknown key as itself", () => {
    expect(en("nav.map", { unused: "x" })).toBe("Map");
    expect(en("no.such.key" as MessageKey)).toBe("no.such.key");
  });
});
