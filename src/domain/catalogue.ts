import { type Indicator, type Level, PILLARS } from "../api/contract";
import { byCodeUnits } from "./order";

/**
 * What the Overview features, from the catalogue alone: the indicators marked `headline`,
 * else the first indicator of each pillar. Base figures (context) are never featured.
 */
export function featured(indicators: readonly Indicator[]): Indicator[] {
  const candidates = indicators.filter((i) => !i.context);
  const headline = candidates.filter((i) => i.headline);
  if (headline.length) return headline;
  return PILLARS.flatMap((p) => candidates.find((i) => i.pillar === p) ?? []);
}

/** The indicator a view shows when the URL names none (or one the catalogue lacks). */
export function resolveIndicator(
  indicators: readonly Indicator[],
  id: string | null,
): { indicator: Indicator | undefined; unknown: boolean } {
  const found = id === null ? undefined : indicators.find((i) => i.id === id);
  return { indicator: found ?? featured(indicators)[0] ?? indicators[0], unknown: id !== null && !found };
}

export function byPillar(indicators: readonly Indicator[]): { pillar: (typeof PILLARS)[number]; indicators: Indicator[] }[] {
  return PILLARS.map((pillar) => ({ pillar, indicators: indicators.filter((i) => i.pillar === pillar) })).filter(
    (g) => g.indicators.length > 0,
  );
}

/**
 * The target a region is judged against today: its earliest whose year has not passed by
 * `lastYear` (the latest year of data), else its last one; undefined without a target.
 */
export function currentTarget(ind: Indicator, region: string, lastYear: number): Indicator["targets"][number] | undefined {
  const mine = ind.targets.filter((x) => x.region === region).sort((a, b) => byCodeUnits(a.period, b.period));
  return mine.find((x) => Number(x.period.slice(0, 4)) >= lastYear) ?? mine.at(-1);
}

/**
 * Indicators with a target of the province (not base figures): what the targets panel lists;
 * with `level`, those also published there (a region's progress is judged on them).
 */
export function targetIndicators(indicators: readonly Indicator[], province: string, level?: Level): Indicator[] {
  return indicators.filter(
    (i) =>
      !i.context &&
      i.levels.includes("province") &&
      (level === undefined || i.levels.includes(level)) &&
      i.targets.some((x) => x.region === province),
  );
}

/** Indicators watched for warnings at a level: every published one that is not a base figure. */
export const watched = (indicators: readonly Indicator[], level: Level): Indicator[] =>
  indicators.filter((i) => !i.context && i.levels.includes(level));
