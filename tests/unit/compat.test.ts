import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { checkCompat, unsafeForms, unsupportedAllowances } from "../../scripts/check-compat";
import { installPolyfills } from "../../src/polyfills";
import config, { BROWSER_TARGETS, BROWSERSLIST } from "../../vite.config";

describe("supported browsers", () => {
  it("builds for the browsers the README names, and checks dist against the same list", () => {
    expect(BROWSER_TARGETS).toEqual(["chrome87", "edge88", "firefox91", "safari16"]);
    expect((config as { build: { target: unknown } }).build.target).toEqual(BROWSER_TARGETS);
    for (const t of BROWSER_TARGETS) {
      const [, browser, version] = /^([a-z]+)(\d+)$/.exec(t) ?? [];
      expect(BROWSERSLIST).toContain(`${browser} >= ${version}`);
    }
  });

  it("installs Array.prototype.at and Object.hasOwn where the browser lacks them", () => {
    // A fresh realm without them, as in Chrome 87 (deleting them here would break the test runner).
    const realm = createContext();
    const run = (code: string) => runInContext(code, realm);
    run("delete Array.prototype.at; delete Object.hasOwn");
    expect(run("typeof [].at + typeof Object.hasOwn")).toBe("undefinedundefined");
    installPolyfills(run("({ Array, Object })"));
    expect(run("const l = [10, 20, 30]; [l.at(0), l.at(-1), l.at(-3), l.at(3), l.at(-4), l.at(1.7), l.at(NaN)]")).toEqual([
      10,
      30,
      10,
      undefined,
      undefined,
      20,
      10,
    ]);
    expect(run("const k = []; for (const i in [1]) k.push(i); k")).toEqual(["0"]); // not enumerable
    expect(
      run(
        'const o = Object.assign(Object.create({ up: 1 }), { mine: 2 }); [Object.hasOwn(o, "mine"), Object.hasOwn(o, "up"), Object.hasOwn([1], 0)]',
      ),
    ).toEqual([true, false, true]);
    expect(() => run('Object.hasOwn(null, "x")')).toThrow(TypeError);
    // Where the browser has them, its own are kept.
    const native = Array.prototype.at;
    installPolyfills();
    expect(Array.prototype.at).toBe(native);
  });
});

describe("the check of dist against the supported browsers", () => {
  let dist: string;
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function site(files: Record<string, string>) {
    dist = mkdtempSync(join(tmpdir(), "compat-test-"));
    mkdirSync(join(dist, "assets"));
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dist, "assets", name), code);
    return checkCompat(dist);
  }

  it("passes today's syntax of the supported browsers, and the polyfilled APIs", async () => {
    const report = await site({
      "ok.js": `export class Q { #x = 1; static count = 0; get x() { return this.#x } }
        export const f = (a, o) => [a?.b?.(1, 2), o?.m(a), a ?? 1, [1, 2].at(-1), Object.hasOwn(o, "x"), f(...a)];`,
    });
    expect(report.failures).toEqual([]);
  });

  it("fails on a feature newer than the list, the two V8 defect forms and newer browser APIs", async () => {
    const report = await site({
      "static-block.js": "export class A { static { this.x = 1 } }",
      "spread.js": "export const g = (f, a, o) => [f?.(...a, 1), o?.m.n(...a)];",
      "name.js": 'export class B { static name = "b" }',
      "signal.js": "export const s = (a, b) => AbortSignal.any([a, b]);",
      "clone.js": "export const c = (v) => structuredClone(v);",
      "regex.js": "export const r = [/a(?<=b)/, /(?<n>x)/d];",
    });
    const text = report.failures.join("\n");
    expect(text).toMatch(/static-block\.js: .*ClassStaticBlocks/);
    expect(text).toMatch(/spread\.js: a call with a spread argument in an optional chain.*line 1/);
    expect(report.failures.filter((f) => f.includes("spread.js"))).toHaveLength(2);
    expect(text).toMatch(/name\.js: a static class field named name/);
    expect(text).toMatch(/signal\.js: uses AbortSignal\.any/);
    expect(text).toMatch(/clone\.js: uses structuredClone/);
    expect(text).toMatch(/regex\.js: a regular expression with the d flag/);
    expect(text).toMatch(/regex\.js: a lookbehind in a regular expression, from Safari 16\.4/);
    expect(report.failures).toHaveLength(8);
  });

  it("finds the optional-chain spread only in the chain's own calls, and lookbehinds only in regular expressions", () => {
    expect(unsafeForms("a?.b(x => f(...y)); g(...z); (a?.b)(...c);")).toEqual([]);
    expect(unsafeForms("a?.b.c(...y)")).toHaveLength(1);
    expect(unsafeForms('const s = "(?<=x)"; const r = /(?<y>z)\\k<y>/u;')).toEqual([]);
  });

  it("refuses to let private class members through for a browser that lacks them", () => {
    expect(unsupportedAllowances()).toEqual([]);
    expect(unsupportedAllowances(["chrome87", "firefox78", "safari14"])).toEqual([
      "PrivateClassFields is allowed, but firefox78 lacks it (from firefox 90)",
      "PrivateClassFields is allowed, but safari14 lacks it (from safari 15)",
    ]);
  });
});
