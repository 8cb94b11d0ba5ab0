import { ckmeans, quantileSorted } from "simple-statistics";

import type { BinMethod } from "./bin-methods";

/**
 * Class breaks [b0 = min, b1, …, bn = max] for a choropleth: n classes, at most `k`, fewer
 * when there are fewer distinct values (a quantile break may fall on a tie and is dropped).
 * Nulls are ignored; no values gives [].
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
  return [...new Set([min, ...inner, max])].sort((a, b) => a - b);
}

/** The class of `value`: i where breaks[i] ≤ value < breaks[i+1], the last class closed; -1 for null. */
export function classify(value: number | null, breaks: readonly number[]): number {
  if (value === null || breaks.length === 0) return -1;
  for (let i = Math.max(breaks.length - 2, 0); i > 0; i--) if (value >= breaks[i]) return i;
  return 0;
}
