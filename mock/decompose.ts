/**
 * Simulated city targets (分解目标): a provincial target decomposed over the cities, as a
 * province hands its plan down. Not official: every such target's source says so.
 */
import type { Target, Text } from "../src/api/contract";
import { roundTo } from "../src/domain/aggregate";
import { type IndicatorSpec, isRatio } from "./catalogue-types";

/**
 * How strongly a city's GDP per head raises the increase asked of it: the increase is
 * proportional to (GDP per head ÷ the province's) to this power, so a city twice as rich as
 * another is asked about 1.26 times its increase (a cube root: richer cities carry more,
 * the poorest are still asked for a real increase).
 */
export const DECOMPOSE_ELASTICITY = 1 / 3;

/** The source of every decomposed target: simulated, how, and not official. */
export const decomposedSource = (basePeriod: string): Text => ({
  zh: `模拟的分解目标（将全省目标按${basePeriod}年各市人均地区生产总值分解，人均越高承担的增幅越大），非官方`,
  en: `Simulated decomposition of the provincial target (by each city's ${basePeriod} GDP per head: the richer the city, the larger the increase asked), not official`,
});

/** A published value, or null: (indicator id, region code, period). */
type Lookup = (indicator: string, region: string, period: string) => number | null;

/**
 * Every city's part of each provincial target of `spec` that has a base period, measured
 * from the same base. The increase asked of a city (over its own base-year value) is the
 * province's, scaled by its relative GDP per head to the power DECOMPOSE_ELASTICITY:
 * - amounts (sums): city target = base × (1 + g × a), g the province's growth to its target
 *   and a the city's richness factor normalised so that the base-weighted mean of a is 1;
 *   the targets are apportioned at the indicator's decimals so that they add up exactly to
 *   the province's target;
 * - rates (weighted means): city target = base + k × a, k the province's increase (target −
 *   the weighted mean of the cities' base values) and a normalised so that its mean, weighted
 *   by the indicator's weight in the base year, is 1: the cities' targets, weighted by the
 *   base year's weights, average to the province's target (within half a unit of the last
 *   decimal, from rounding).
 * Empty when a base value or GDP per head is missing.
 */
export function decomposeTargets(
  spec: IndicatorSpec,
  cities: readonly string[],
  province: string,
  value: Lookup,
  apportion: (values: readonly number[], decimals: number) => number[],
): Target[] {
  const d = spec.decimals;
  const agg = spec.aggregation;
  const out: Target[] = [];
  for (const target of spec.targets) {
    if (target.region !== province || !target.base) continue;
    const base = target.base.period;
    const perHead = (code: string) => {
      const [gdp, pop] = [value("gdp", code, base), value("population", code, base)];
      return gdp === null || pop === null || pop <= 0 ? null : gdp / pop;
    };
    const p = perHead(province);
    const rich = cities.map((c) => {
      const x = perHead(c);
      return x === null || p === null ? null : (x / p) ** DECOMPOSE_ELASTICITY;
    });
    const own = cities.map((c) => value(spec.id, c, base));
    const weights = agg.method === "weighted-mean" ? cities.map((c) => value(agg.weight, c, base)) : own;
    if ([...rich, ...own, ...weights].some((x) => x === null)) continue;
    const [a, v, w] = [rich, own, weights] as number[][];
    const W = w.reduce((s, x) => s + x, 0);
    const meanA = a.reduce((s, x, i) => s + x * w[i], 0) / W;
    let values: number[];
    if (agg.method === "sum") {
      const g = target.value / W - 1;
      values = apportion(
        v.map((x, i) => x * (1 + (g * a[i]) / meanA)),
        d,
      );
    } else {
      const k = target.value - v.reduce((s, x, i) => s + x * w[i], 0) / W;
      const max = isRatio(spec.sim) ? 100 : (spec.sim.max ?? 100);
      values = v.map((x, i) => Math.min(max, Math.max(0, roundTo(x + (k * a[i]) / meanA, d))));
    }
    cities.forEach((c, i) => {
      out.push({ region: c, period: target.period, value: values[i], source: decomposedSource(base), base: { period: base } });
    });
  }
  return out;
}
