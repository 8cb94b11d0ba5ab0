/**
 * The Overview's judgments as one pure function of plain data: what the judgments worker runs
 * (src/judgments/judge.worker.ts) and what the page runs itself where there is no worker. The verdicts are the
 * domain's (assessment.ts, warnings.ts, targets.ts); this file only feeds them the series, the
 * same way for both, so there is still one place every verdict comes from.
 */
import type { Indicator, Level, Observation, Region } from "../api/contract";
import { regionsAtLevel } from "../api/filter";
import { assessTargets, type Shortfall, shortfalls, type TargetAssessment } from "./assessment";
import { currentTarget, targetIndicators, watched } from "./catalogue";
import { targetProgress } from "./targets";
import { detectWarnings, type Warning } from "./warnings";

/** The parts computed from series (the key findings are counted from these three). */
export type SeriesPart = "targets" | "behind" | "warnings";

/** One request: the parts asked for and everything they are computed from (structured-cloneable). */
export interface JudgeRequest {
  parts: SeriesPart[];
  indicators: readonly Indicator[];
  regions: readonly Region[];
  province: string;
  level: Level;
  lastYear: number;
  /** The province's series of the indicators with targets, by indicator id (needed by targets, behind). */
  provinceSeries: Record<string, Observation[]>;
  /** The series at `level` of the watched indicators, by indicator id (needed by behind, warnings). */
  levelSeries: Record<string, Observation[]>;
}

/** The parts asked for, each as the domain computed it. */
export interface JudgeResult {
  targets?: TargetAssessment[];
  behind?: Shortfall[];
  warnings?: Warning[];
}

const seriesMap = (list: readonly Indicator[], series: Record<string, Observation[]>) =>
  new Map(list.map((ind) => [ind.id, series[ind.id] ?? []]));

/** The asked parts of one set of answers (the domain's functions, called as the page always has). */
export function judgeParts(req: JudgeRequest): JudgeResult {
  const { indicators, regions, province, level, lastYear } = req;
  const targeted = targetIndicators(indicators, province);
  const out: JudgeResult = {};
  if (req.parts.includes("targets")) out.targets = assessTargets(targeted, seriesMap(targeted, req.provinceSeries), province);
  if (req.parts.includes("behind")) {
    out.behind = shortfalls(
      regionsAtLevel(regions, level),
      targeted.flatMap((indicator) => {
        const target = currentTarget(indicator, province, lastYear);
        const progress = target && targetProgress(indicator, target, req.provinceSeries[indicator.id] ?? []);
        const observations = req.levelSeries[indicator.id];
        return progress && observations ? [{ indicator, progress, observations }] : [];
      }),
    );
  }
  if (req.parts.includes("warnings")) {
    const atLevel = watched(indicators, level);
    out.warnings = detectWarnings(atLevel, seriesMap(atLevel, req.levelSeries), regions);
  }
  return out;
}
