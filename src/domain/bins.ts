import { ckmeans, quantileSorted } from "simple-statistics";

import type { BinMethod } from "./bin-methods";

/**
 * Class breaks [b0 = min, b1, …, bn = max] for a choropleth: n classes, at most `k`, fewer
 * when there are fewer distinct values. Quantiles and natural breaks never leave a class
 * empty (a break that falls on a tie, or that would leave no value between it and the next,
 * is dropped); equal intervals may, by design. Nulls are ignored; no values gives [].
 */
export function computeBreaks(values: readonly (number | null)[], method: BinMethod, k = 5): number[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const distinct = new Set(sorted).size;
  if (distinct === 1) return [min, max];
  // Equal intervals may leave a class empty; quantiles and natural breaks cannot split ties.
  const n = method === "equal" ? k : Math.min(k, distinct);
  let inner: number[];
  if (method === "equal") {
    inner = Array.from({ length: n - 1 }, (_, i) => min + ((max - min) * (i + 1)) / n);
  } else if (method === "quantile") {
    inner = Array.from({ length: n - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / n));
  } else {
    // Natural breaks: Ckmeans, the optimal 1-D k-means (Wang & Song 2011), Jenks' modern successor.
    inner = ckmeans(sorted, n)
      .slice(1)
      .map((cluster) => cluster[0]);
  }
  const breaks = [...new Set([min, ...inner, max])].sort((a, b) => a - b);
  return method === "equal" ? breaks : withoutEmptyClasses(breaks, sorted);
}

/** Drops breaks until every class (as `classify` assigns them) holds at least one value. */
function withoutEmptyClasses(breaks: number[], sorted: readonly number[]): number[] {
  const out = [...breaks];
  for (;;) {
    const counts = new Array<number>(Math.max(out.length - 1, 1)).fill(0);
    for (const v of sorted) counts[classify(v, out)] += 1;
    const empty = counts.indexOf(0);
    if (empty < 0 || out.length <= 2) return out;
    // An empty class merges into its neighbour: drop its upper break (the lower one for the last class).
    out.splice(empty === counts.length - 1 ? empty : empty + 1, 1);
  }
}

/** The class of `value`: i where breaks[i] ≤ value < breaks[i+1], the last class closed; -1 for null. */
export function classify(value: number | null, breaks: readonly number[]): number {
  if (value === null || breaks.length === 0) return -1;
  for (let i = Math.max(breaks.length - 2, 0); i > 0; i--) if (value >= breaks[i]) return i;
  return 0;
}
