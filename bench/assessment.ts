/**
 * The cost of the Overview's judgments (src/domain/assessment, warnings, findings) on the main
 * thread, computed as use-judgments computes them: every province target assessed, every unit
 * of a level judged on every target indicator (shortfalls), every watched indicator of that
 * level checked for warnings, and the key findings. On the real tree (the simulated dataset,
 * at city and at county level) and on the synthetic 3,000-unit dataset (county level), plus
 * the warnings over every level at once. Budgets (issue 12): ≤ 50 ms on the real tree, < 200 ms
 * at 3,000 units. Node, one core, median of `reps` cold runs (each on fresh arrays, so that no
 * per-array index is reused); reported, never asserted.
 */
import { type Dataset, generateDataset } from "../mock/generate";
import type { Indicator, Level, Observation } from "../src/api/contract";
import { filterObservations, regionsAtLevel } from "../src/api/filter";
import { assessTargets, shortfalls } from "../src/domain/assessment";
import { keyFindings } from "../src/domain/findings";
import { targetProgress } from "../src/domain/targets";
import { detectWarnings } from "../src/domain/warnings";
import { scaledDataset } from "./scale";
import { median, round } from "./stats";

/** One dataset's figures, in milliseconds (medians). */
export interface AssessmentPoint {
  dataset: string;
  units: number;
  level: Level;
  /** Observations the level's judgments read (the province's target series and the level's watched series). */
  observations: number;
  targets: number;
  targetsMs: number;
  shortfallsMs: number;
  warningsMs: number;
  warnings: number;
  /** Targets, shortfalls, warnings and findings together: the figure the budget is for. */
  totalMs: number;
  /** detectWarnings over every level's observations at once (every indicator's whole file). */
  allLevelsWarningsMs: number;
}

const ms = (values: number[]) => round(median(values), 1);

/** The target of `region` judged today: the earliest not passed by `lastYear`, else the last. */
function currentTarget(ind: Indicator, region: string, lastYear: number) {
  const mine = ind.targets.filter((x) => x.region === region).sort((a, b) => a.period.localeCompare(b.period));
  return mine.find((x) => Number(x.period.slice(0, 4)) >= lastYear) ?? mine.at(-1);
}

/** The judgments of one level, as the Overview computes them, each part timed. */
function judge(data: Dataset, level: Level, byLevel: Map<string, Observation[]>, byProvince: Map<string, Observation[]>) {
  const province = regionsAtLevel(data.regions, "province")[0].code;
  const targeted = data.indicators.filter(
    (i) => !i.context && i.levels.includes("province") && i.targets.some((x) => x.region === province),
  );
  const watched = data.indicators.filter((i) => !i.context && i.levels.includes(level));
  const t0 = performance.now();
  const assessments = assessTargets(targeted, byProvince, province);
  const t1 = performance.now();
  const behind = shortfalls(
    regionsAtLevel(data.regions, level),
    targeted.flatMap((indicator) => {
      const target = currentTarget(indicator, province, data.meta.lastYear);
      const progress = target && targetProgress(indicator, target, byProvince.get(indicator.id) ?? []);
      const observations = byLevel.get(indicator.id);
      return progress && observations ? [{ indicator, progress, observations }] : [];
    }),
  );
  const t2 = performance.now();
  const warnings = detectWarnings(watched, byLevel, data.regions);
  const t3 = performance.now();
  keyFindings(assessments, behind, warnings);
  const t4 = performance.now();
  return { targets: assessments.length, warnings: warnings.length, ms: [t1 - t0, t2 - t1, t3 - t2, t4 - t0] };
}

/** The judgments of `level` on `data`, `reps` cold runs after a warm-up. */
export function runAssessment(name: string, data: Dataset, level: Level, reps = 5): AssessmentPoint {
  const byLevel = new Map([...data.observations].map(([id, all]) => [id, filterObservations(all, data.regions, { level })]));
  const byProvince = new Map(
    [...data.observations].map(([id, all]) => [id, filterObservations(all, data.regions, { level: "province" })]),
  );
  // Fresh arrays for each run: the per-array indexes of regionProgress must not carry over.
  const fresh = (m: Map<string, Observation[]>) => new Map([...m].map(([k, v]) => [k, v.slice()]));
  const runs: ReturnType<typeof judge>[] = [];
  for (let i = 0; i <= reps; i++) {
    const run = judge(data, level, fresh(byLevel), fresh(byProvince));
    if (i > 0) runs.push(run); // the first is the warm-up
  }
  const all: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const observations = fresh(data.observations);
    const t0 = performance.now();
    detectWarnings(data.indicators, observations, data.regions);
    if (i > 0) all.push(performance.now() - t0);
  }
  const part = (k: number) => ms(runs.map((r) => r.ms[k]));
  return {
    dataset: name,
    units: regionsAtLevel(data.regions, level).length,
    level,
    observations: [...byLevel.values(), ...byProvince.values()].reduce((s, o) => s + o.length, 0),
    targets: runs[0].targets,
    targetsMs: part(0),
    shortfallsMs: part(1),
    warningsMs: part(2),
    warnings: runs[0].warnings,
    totalMs: part(3),
    allLevelsWarningsMs: ms(all),
  };
}

/** The real tree at city and county level, and `scaled` (the 3,000-unit dataset) at county level. */
export function runAssessments({
  reps = 5,
  log = () => undefined,
  scaled,
}: {
  reps?: number;
  log?: (line: string) => void;
  scaled?: Dataset;
} = {}): AssessmentPoint[] {
  const real = generateDataset();
  const points = [runAssessment("real tree", real, "city", reps), runAssessment("real tree", real, "county", reps)];
  if (scaled) points.push(runAssessment(`${regionsAtLevel(scaled.regions, "county").length} units`, scaled, "county", reps));
  for (const p of points) {
    log(
      `assessment, ${p.dataset}, ${p.units} ${p.level} units: ${p.totalMs} ms (targets ${p.targetsMs}, shortfalls ${p.shortfallsMs}, warnings ${p.warningsMs}; every level's warnings ${p.allLevelsWarningsMs})`,
    );
  }
  return points;
}

// `npx tsx bench/assessment.ts [--no-scaled]`: the figures alone, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const scaled = process.argv.includes("--no-scaled") ? undefined : scaledDataset(3000);
  console.log(JSON.stringify(runAssessments({ scaled, log: (l) => console.error(l) }), null, 2));
}
