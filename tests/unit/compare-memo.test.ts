import { describe, expect, it } from "vitest";
import type { Indicator, Observation } from "../../src/api/contract";
import { benchmarkPath } from "../../src/features/compare/compare-data";
import { memoBy, NONE } from "../../src/features/compare/memo";
import { dataset } from "../support/msw";

describe("memoBy", () => {
  it("computes once per set of objects (by identity) and key", () => {
    const a = {};
    const b = {};
    let calls = 0;
    const f = () => ++calls;
    expect(memoBy([a, b], "2023", f)).toBe(1);
    expect(memoBy([a, b], "2023", f)).toBe(1);
    expect(memoBy([a, b], "2024", f)).toBe(2);
    expect(memoBy([b, a], "2023", f)).toBe(3);
    expect(memoBy([a, {}], "2023", f)).toBe(4);
    expect(memoBy([a, NONE], "2023", f)).toBe(5);
  });
});

describe("benchmarkPath", () => {
  const ind = dataset.indicators.find((i) => i.id === "core-digital-va") as Indicator;
  const obs = (dataset.observations.get(ind.id) ?? []) as Observation[];
  const members = ["440106", "440104"];

  it("gives the series chart and the values table one computation for the same inputs", () => {
    const first = benchmarkPath(members, ind, obs, undefined);
    expect(benchmarkPath(members, ind, obs, undefined)).toBe(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it("computes again for other observations, members or rule", () => {
    const first = benchmarkPath(members, ind, obs, undefined);
    const copy = [...obs];
    expect(benchmarkPath(members, ind, copy, undefined)).not.toBe(first);
    expect(benchmarkPath(members, ind, copy, undefined)).toEqual(first);
    expect(benchmarkPath([...members], ind, obs, undefined)).not.toBe(first);
  });
});
