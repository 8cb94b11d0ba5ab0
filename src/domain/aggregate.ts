import type { Aggregation } from "../api/contract";

/** One child's contribution: its value and, for weighted means, its weight. */
export interface Part {
  value: number | null;
  weight?: number | null;
}

/** Rounds half away from zero to `decimals` places, as statistical tables do. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f + 1e-9) / f;
  return value < 0 ? -r : r;
}

/**
 * Aggregates children into their parent by the indicator's rule, or null when no child
 * has a value. A weighted mean is Σ value·weight / Σ weight over the children that have
 * both, never a plain mean of rates.
 */
export function aggregate(parts: readonly Part[], rule: Aggregation): number | null {
  if (rule.method === "sum") {
    let total = 0;
    let any = false;
    for (const p of parts) {
      if (p.value === null) continue;
      total += p.value;
      any = true;
    }
    return any ? total : null;
  }
  let num = 0;
  let den = 0;
  for (const p of parts) {
    if (p.value === null || p.weight === null || p.weight === undefined) continue;
    num += p.value * p.weight;
    den += p.weight;
  }
  return den > 0 ? num / den : null;
}
