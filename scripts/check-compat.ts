/**
 * `npm run compat`, and part of `npm run budgets` (after the build; a counted check in .ci/run):
 * does the built JavaScript run in the oldest browsers the site supports (vite.config.ts,
 * BROWSERSLIST)? Three checks over every script in dist/assets:
 *
 * - es-check, against the browserslist query: no syntax or ECMAScript built-in newer than those
 *   browsers, except the two that src/polyfills.ts installs (ALLOWED below, each with why);
 * - the two V8 defects the build leaves to this check rather than lowering every class and
 *   optional chain for them (see JS_TARGETS in vite.config.ts): a call in an optional chain with
 *   a spread argument (wrong in Chrome 80–90) and a static class field named `name` or `length`
 *   (throws in Chrome < 98); and regular expressions the oldest browsers cannot parse, which no
 *   transform lowers and es-check does not look at (the `d` flag: Chrome 90; lookbehind: Safari 16.4);
 * - browser APIs newer than the list that es-check does not know, by name (WEB_APIS).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Node, parse } from "acorn";
import { runChecks } from "es-check";
import { BROWSER_TARGETS, BROWSERSLIST } from "../vite.config";

/**
 * Features es-check reports that are not a problem, each with its reason. es-check derives an
 * ECMAScript version from the list (ES2021 here) and reports any newer feature, supported or not;
 * MIN_VERSIONS below keeps the ones let through for that reason honest.
 */
export const ALLOWED: Record<string, string> = {
  ArrayPrototypeAt: "installed by src/polyfills.ts before any other module runs",
  ObjectHasOwn: "installed by src/polyfills.ts before any other module runs",
  PrivateClassFields: "ES2022, but in every listed browser (see MIN_VERSIONS)",
  // jsPDF and canvg name a method of their colour class toHex(): not Uint8Array.prototype.toHex.
  Uint8ArrayToHex: "a false positive: `.toHex()` of jsPDF's and canvg's RGBColor",
};

/** From which version each browser has a feature let through above for its ES version only. */
const MIN_VERSIONS: Record<string, Record<string, number>> = {
  // Private fields and methods (es-check checks `#x in o` on its own: ErgonomicBrandChecks).
  PrivateClassFields: { chrome: 84, edge: 84, firefox: 90, safari: 15 },
};

/** Browser APIs es-check does not know, with the first versions that have them. */
export const WEB_APIS: { pattern: RegExp; name: string; since: string }[] = [
  { pattern: /\bAbortSignal\.any\b/, name: "AbortSignal.any", since: "Chrome 116, Firefox 124, Safari 17.4" },
  { pattern: /\bAbortSignal\.timeout\b/, name: "AbortSignal.timeout", since: "Chrome 103, Firefox 100, Safari 16" },
  { pattern: /\bAbortSignal\.abort\b/, name: "AbortSignal.abort", since: "Chrome 93, Firefox 88, Safari 15" },
  { pattern: /\.throwIfAborted\(/, name: "AbortSignal.prototype.throwIfAborted", since: "Chrome 100, Safari 15.4" },
  { pattern: /\bstructuredClone\(/, name: "structuredClone", since: "Chrome 98, Firefox 94, Safari 15.4" },
];

export interface CompatReport {
  files: number;
  failures: string[];
}

type AnyNode = Node & Record<string, unknown>;

/** Every node of an ESTree, depth first. */
function* walk(node: AnyNode): Generator<AnyNode> {
  yield node;
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === "object" && typeof (child as AnyNode).type === "string") yield* walk(child as AnyNode);
    }
  }
}

/** The calls that belong to an optional chain's own spine (`a?.b(…)`, `f?.(…)`, `a?.b.c(…)`). */
function chainCalls(chain: AnyNode): AnyNode[] {
  const calls: AnyNode[] = [];
  let node = chain.expression as AnyNode | undefined;
  while (node && (node.type === "CallExpression" || node.type === "MemberExpression")) {
    if (node.type === "CallExpression") calls.push(node);
    node = (node.type === "CallExpression" ? node.callee : node.object) as AnyNode;
  }
  return calls;
}

/** The forms of `code` that the oldest supported browsers run wrongly or not at all, each as "what (line)". */
export function unsafeForms(code: string): string[] {
  const found: string[] = [];
  const ast = parse(code, { ecmaVersion: "latest", sourceType: "module", locations: true }) as unknown as AnyNode;
  const at = (n: AnyNode) => `line ${n.loc?.start.line}`;
  for (const node of walk(ast)) {
    if (node.type === "ChainExpression") {
      for (const call of chainCalls(node)) {
        if ((call.arguments as AnyNode[]).some((a) => a.type === "SpreadElement")) {
          found.push(`a call with a spread argument in an optional chain, wrong in Chrome 80–90 (${at(call)})`);
        }
      }
    }
    const regex = node.regex as { pattern: string; flags: string } | undefined;
    if (regex?.flags.includes("d")) found.push(`a regular expression with the d flag, from Chrome 90 (${at(node)})`);
    if (regex && /\(\?<[=!]/.test(regex.pattern))
      found.push(`a lookbehind in a regular expression, from Safari 16.4 (${at(node)})`);
    if (node.type === "PropertyDefinition" && node.static && !node.computed) {
      const key = node.key as AnyNode;
      const name = key.type === "Identifier" ? key.name : key.value;
      if (name === "name" || name === "length") {
        found.push(`a static class field named ${String(name)}, which Chrome < 98 refuses (${at(node)})`);
      }
    }
  }
  return found;
}

/** The features let through for their ES version that a listed browser lacks, as messages. */
export function unsupportedAllowances(targets: readonly string[] = BROWSER_TARGETS): string[] {
  const problems: string[] = [];
  for (const target of targets) {
    const [, browser, version] = /^([a-z]+)(\d+(?:\.\d+)?)$/.exec(target) ?? [];
    for (const [feature, since] of Object.entries(MIN_VERSIONS)) {
      if (browser in since && Number(version) < since[browser]) {
        problems.push(`${feature} is allowed, but ${target} lacks it (from ${browser} ${since[browser]})`);
      }
    }
  }
  return problems;
}

/** Checks every script of `dist/assets` against the supported browsers. */
export async function checkCompat(
  dist = join(fileURLToPath(new URL("..", import.meta.url)), "dist"),
  query = BROWSERSLIST,
): Promise<CompatReport> {
  const assets = join(dist, "assets");
  const files = readdirSync(assets).filter((f) => f.endsWith(".js"));
  const failures = unsupportedAllowances();
  const result = await runChecks([
    {
      ecmaVersion: "checkBrowser",
      checkBrowser: true,
      browserslistQuery: query,
      files: files.map((f) => join(assets, f)),
      module: true,
      checkFeatures: true,
      ignore: Object.keys(ALLOWED).join(","),
    },
  ]);
  for (const e of result.errors) failures.push(`${e.file.replace(`${dist}/`, "")}: ${e.err.message}`);
  for (const f of files) {
    const code = readFileSync(join(assets, f), "utf8");
    for (const d of unsafeForms(code)) failures.push(`assets/${f}: ${d}`);
    for (const api of WEB_APIS) {
      if (api.pattern.test(code)) failures.push(`assets/${f}: uses ${api.name} (${api.since})`);
    }
  }
  return { files: files.length, failures };
}

export function printCompat(report: CompatReport): void {
  console.log(`browser compatibility (${BROWSERSLIST}), ${report.files} scripts:`);
  if (report.failures.length) for (const f of report.failures) console.log(`  FAIL ${f}`);
  else console.log("  ok: es-check, no V8 defect forms or unparsable regular expressions, no newer browser API");
  console.log(report.failures.length ? `compat: ${report.failures.length} failed` : "compat: all passed");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await checkCompat();
  printCompat(report);
  process.exit(report.failures.length ? 1 : 0);
}
