import type * as z from "zod/mini";

type Issue = z.core.$ZodIssue;

/** The value at an issue's path in the input, or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * One line on what a value breaks ("expected number, received string"), in the words zod's
 * English locale would use, without loading that locale into the page (zod/mini has none of its
 * own: about 1 KB gzipped saved on every view's first load). Messages the schemas give
 * themselves (regex checks, refinements) are kept as they are.
 */
export function issueText(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}, received ${kindOf(valueAt(input, issue.path))}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join("|")}`;
    case "too_small":
      return `expected ${issue.origin} ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}${issue.origin === "array" || issue.origin === "string" ? " items" : ""}`;
    case "too_big":
      return `expected ${issue.origin} ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}${issue.origin === "array" || issue.origin === "string" ? " items" : ""}`;
    case "unrecognized_keys":
      return `unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      return "matches none of the allowed shapes";
    case "invalid_format":
      return issue.message && issue.message !== "Invalid input" ? issue.message : `invalid ${issue.format}`;
    default:
      return issue.message;
  }
}
