/**
 * The Digital Development Index, after the OECD/JRC Handbook on Constructing Composite
 * Indicators (2008): normalise each indicator across the units of one level, average the
 * normalised indicators of a pillar, then take the weighted mean of the pillar scores.
 */
import { PILLARS, type Pillar } from "../api/contract";

export type Norm = "minmax" | "zscore";

/**
 * Min-max scores run 0 (worst unit) to 100 (best). When every unit has the same value the
 * range is zero and the score is undefined: all get the middle, neither best nor worst, so
 * the indicator moves no one (z-scores likewise all get 0).
 */
export const MINMAX_FLAT = 50;

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/**
 * One indicator's values normalised across units, in input order; null stays null. The
 * direction is respected: for a lower-is-better indicator the lowest value scores best.
 * z-scores use the population standard deviation of the units with a value.
 */
export function normalise(values: readonly (number | null)[], direction: "higher" | "lower", norm: Norm): (number | null)[] {
  const xs = values.filter(present);
  if (!xs.length) return values.map(() => null);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const sign = direction === "higher" ? 1 : -1;
  // Equal values (up to floating-point noise, 0.1 * 3 vs 0.3) have no spread to normalise by:
  // tested on the range, not on the standard deviation, which noise would make tiny, not zero.
  if (max - min <= 1e-9 * Math.max(Math.abs(min), Math.abs(max), 1))
    return values.map((v) => (present(v) ? (norm === "minmax" ? MINMAX_FLAT : 0) : null));
  if (norm === "minmax") {
    return values.map((v) =>
      present(v) ? (direction === "higher" ? (v - min) / (max - min) : (max - v) / (max - min)) * 100 : null,
    );
  }
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return values.map((v) => (present(v) ? (sign * (v - mean)) / sd : null));
}

/**
 * Ranks, 1 = highest; ties share a rank (1, 1, 3); null without a value. A rank is one more
 * than the count of strictly greater values, found by binary search in the values sorted high
 * to low: O(n log n), where counting per value took 0.2–0.35 s at 3,000 regions (bench/scale.ts).
 */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
  const desc = values.filter(present).sort((a, b) => b - a);
  return values.map((v) => {
    if (!present(v)) return null;
    let [lo, hi] = [0, desc.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (desc[mid] > v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}

/** One indicator entering the index: its pillar, direction and value per unit for the year. */
export interface IndexIndicator {
  id: string;
  pillar: Pillar;
  direction: "higher" | "lower";
  values: ReadonlyMap<string, number | null>;
}

/** One unit's pillar scores, index and rank among the units of its level. */
export interface IndexRow {
  code: string;
  pillars: Record<Pillar, number | null>;
  index: number | null;
  rank: number | null;
  /** How many units have an index. */
  of: number;
}

export interface IndexResult {
  rows: IndexRow[];
  /** The pillars that have at least one indicator with a value (the others are left out for everyone). */
  pillars: Pillar[];
  /** The indicators that entered each pillar. */
  indicators: Record<Pillar, string[]>;
}

/** Pillar weights in PILLARS order; null means equal. */
export const weightsOrEqual = (weights: readonly number[] | null): number[] => (weights ? [...weights] : PILLARS.map(() => 1));

/**
 * The index of every unit (all of one level: normalisation compares each unit with the rest).
 *
 * - An indicator no unit has a value for in the year carries no information and is left out.
 * - Pillar score: the mean of the unit's normalised indicators in that pillar; a unit missing
 *   more than half of them gets no pillar score (exactly half is still enough).
 * - Index: Σ weight·score / Σ weight over the pillars with a positive weight that the unit has
 *   a score for; a unit whose missing pillars carry more than half of the total weight gets
 *   none. Leaving a missing pillar out amounts to giving it the unit's mean of the others.
 */
export function computeIndex(
  units: readonly string[],
  indicators: readonly IndexIndicator[],
  weights: readonly number[] | null,
  norm: Norm,
): IndexResult {
  const informative = indicators.filter((ind) => units.some((u) => present(ind.values.get(u))));
  // Normalised scores by unit position: arrays, not a map per indicator (3,000 units × 40
  // indicators made the index's render at scale spend most of its time in Map set and get).
  const scored = informative.map((ind) => ({
    ind,
    scores: normalise(
      units.map((u) => ind.values.get(u) ?? null),
      ind.direction,
      norm,
    ),
  }));
  const pillars = PILLARS.filter((p) => informative.some((i) => i.pillar === p));
  const indicatorsOf = Object.fromEntries(
    PILLARS.map((p) => [p, informative.filter((i) => i.pillar === p).map((i) => i.id)]),
  ) as Record<Pillar, string[]>;
  const w = weightsOrEqual(weights);
  const weighted = pillars.filter((p) => w[PILLARS.indexOf(p)] > 0);
  const totalWeight = weighted.reduce((a, p) => a + w[PILLARS.indexOf(p)], 0);

  const byPillar = PILLARS.map((p) => scored.filter((s) => s.ind.pillar === p).map((s) => s.scores));
  const partial = units.map((code, i) => {
    const scores = {} as Record<Pillar, number | null>;
    PILLARS.forEach((p, k) => {
      const mine = byPillar[k];
      // The mean of the unit's scores present, summed in the pillar's indicator order.
      let sum = 0;
      let got = 0;
      for (const column of mine) {
        const v = column[i];
        if (present(v)) {
          sum += v;
          got++;
        }
      }
      scores[p] = !mine.length || mine.length - got > mine.length / 2 ? null : sum / got;
    });
    const available = weighted.filter((p) => scores[p] !== null);
    const have = available.reduce((a, p) => a + w[PILLARS.indexOf(p)], 0);
    const index =
      have === 0 || totalWeight - have > totalWeight / 2
        ? null
        : available.reduce((a, p) => a + w[PILLARS.indexOf(p)] * (scores[p] as number), 0) / have;
    return { code, pillars: scores, index };
  });
  const ranks = rankDescending(partial.map((r) => r.index));
  const of = ranks.filter((r) => r !== null).length;
  return { rows: partial.map((r, i) => ({ ...r, rank: ranks[i], of })), pillars, indicators: indicatorsOf };
}
