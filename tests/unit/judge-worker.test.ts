/**
 * The judgments off the main thread give what the domain's functions give on it: the real
 * worker module behind a stand-in Worker that structured-clones both ways (as a browser does),
 * the page fallback where there is no Worker, and the fallback when the worker fails to start.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDataset } from "../../mock/generate";
import type { Indicator, Level, Observation } from "../../src/api/contract";
import { filterObservations, regionsAtLevel } from "../../src/api/filter";
import { assessTargets, shortfalls } from "../../src/domain/assessment";
import { currentTarget } from "../../src/domain/catalogue";
import type { JudgeRequest } from "../../src/domain/judgments";
import { targetProgress } from "../../src/domain/targets";
import { detectWarnings } from "../../src/domain/warnings";
import { judge, resetJudgeWorker } from "../../src/judgments/judge-client";
import { packSeries, unpackSeries } from "../../src/judgments/pack";
import { standInWorkers } from "../support/stand-in-worker";

const data = generateDataset();
const province = regionsAtLevel(data.regions, "province")[0].code;
const lastYear = data.meta.lastYear;
const targeted = data.indicators.filter(
  (i) => !i.context && i.levels.includes("province") && i.targets.some((x) => x.region === province),
);
const watched = (level: Level) => data.indicators.filter((i) => !i.context && i.levels.includes(level));
const series = (list: Indicator[], level: Level): Record<string, Observation[]> =>
  Object.fromEntries(list.map((i) => [i.id, filterObservations(data.observations.get(i.id) ?? [], data.regions, { level })]));

const request = (level: Level): JudgeRequest => ({
  parts: ["targets", "behind", "warnings"],
  indicators: data.indicators,
  regions: data.regions,
  province,
  level,
  lastYear,
  provinceSeries: series(targeted, "province"),
  levelSeries: series(watched(level), level),
});

/** What the Overview computed in its render before the worker, written out here on its own. */
function direct(req: JudgeRequest) {
  const byProvince = new Map(Object.entries(req.provinceSeries));
  const byLevel = new Map(Object.entries(req.levelSeries));
  return {
    targets: assessTargets(targeted, byProvince, province),
    behind: shortfalls(
      regionsAtLevel(data.regions, req.level),
      targeted.flatMap((indicator) => {
        const target = currentTarget(indicator, province, lastYear);
        const progress = target && targetProgress(indicator, target, byProvince.get(indicator.id) ?? []);
        const observations = byLevel.get(indicator.id);
        return progress && observations ? [{ indicator, progress, observations }] : [];
      }),
    ),
    warnings: detectWarnings(watched(req.level), byLevel, data.regions),
  };
}

const { scope, counts, ClonedWorker, BrokenWorker, resetCounts } = standInWorkers(/judge\.worker\.ts$/);

beforeAll(async () => {
  vi.stubGlobal("self", scope);
  await import("../../src/judgments/judge.worker");
  vi.unstubAllGlobals();
  expect(scope.onmessage).toBeTypeOf("function");
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetJudgeWorker();
  resetCounts();
});

describe("series packed for the worker", () => {
  it("unpack to the same observations, nulls, negative zero and every status included", () => {
    const odd: Observation[] = [
      { region: "440100", period: "2020", value: null, status: "estimated" },
      { region: "440100", period: "2021", value: -0, status: "preliminary" },
      { region: "440300", period: "2021Q3", value: 1e-300, status: "final" },
    ];
    const all = { ...series(watched("county"), "county"), odd, empty: [] };
    const packed = structuredClone(packSeries(all));
    const back = unpackSeries(packed);
    expect(back).toEqual(all);
    expect(Object.is(back.odd[1].value, -0)).toBe(true);
    expect(Object.keys(back)).toEqual(Object.keys(all));
  });
});

describe("judging off the main thread", () => {
  for (const level of ["city", "county"] as const) {
    it(`gives through the worker exactly what the domain gives directly (${level})`, async () => {
      vi.stubGlobal("Worker", ClonedWorker);
      const req = request(level);
      const expected = direct(req);
      expect(expected.targets.length).toBeGreaterThan(0);
      expect(expected.behind.length).toBeGreaterThan(0);
      expect(expected.warnings.length).toBeGreaterThan(0);
      const got = await judge(req);
      expect(counts.started).toBe(1);
      expect(got).toEqual(expected);
      // The page's own catalogue objects, not the clones that came back.
      expect(got.targets?.[0].indicator).toBe(expected.targets[0].indicator);
      expect(got.targets?.[0].target).toBe(expected.targets[0].target);
      expect(got.targets?.[0].progress.target).toBe(expected.targets[0].target);
      expect(got.behind?.[0].region).toBe(expected.behind[0].region);
      expect(got.behind?.[0].worst.indicator).toBe(expected.behind[0].worst.indicator);
      expect(got.behind?.[0].worst.target).toBe(expected.behind[0].worst.target);
    });
  }

  it("answers only the parts asked for, each request with its own answer", async () => {
    vi.stubGlobal("Worker", ClonedWorker);
    const [city, county] = await Promise.all([
      judge({ ...request("city"), parts: ["targets"] }),
      judge({ ...request("county"), parts: ["warnings"] }),
    ]);
    expect(Object.keys(city)).toEqual(["targets"]);
    expect(Object.keys(county)).toEqual(["warnings"]);
    expect(county.warnings).toEqual(direct(request("county")).warnings);
    expect(counts.started).toBe(1);
  });

  it("judges on the page, in a task of its own, where there is no Worker", async () => {
    vi.stubGlobal("Worker", undefined);
    const req = request("city");
    const answer = judge(req);
    let settled = false;
    answer.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    const got = await answer;
    expect(got).toEqual(direct(req));
    expect(got.targets?.[0].indicator).toBe(req.indicators.find((i) => i.id === got.targets?.[0].indicator.id));
  });

  it("falls back to the page when the worker fails to start, for the request in flight and the next", async () => {
    vi.stubGlobal("Worker", BrokenWorker);
    const req = request("county");
    expect(await judge(req)).toEqual(direct(req));
    expect(await judge({ ...req, parts: ["targets"] })).toEqual({ targets: direct(req).targets });
    expect(counts.started).toBe(1);
  });
});
