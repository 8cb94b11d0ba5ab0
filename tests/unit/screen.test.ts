import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import type { Indicator } from "../../src/api/contract";
import type { MapRow } from "../../src/charts/map/map-data";
import { featured } from "../../src/domain/catalogue";
import {
  beijingTime,
  cycleList,
  dataAsOf,
  mappableLevel,
  rankingEnds,
  SELF_HEAL_MAX_MS,
  screenMapOption,
  selfHealDelay,
} from "../../src/features/screen/screen-model";

const { indicators } = generateDataset();
const byId = (id: string) => indicators.find((i) => i.id === id) as Indicator;

describe("command screen: what it cycles through", () => {
  it("cycles the headline indicators by default, in the catalogue's order", () => {
    expect(cycleList(indicators, []).map((i) => i.id)).toEqual(featured(indicators).map((i) => i.id));
  });

  it("takes the URL's list, dropping ids the catalogue lacks and indicators with no city or county figures", () => {
    const province = indicators.find((i) => !i.levels.includes("city") && !i.levels.includes("county"));
    const ids = ["ict-employment", "no-such-indicator", "5g-base-stations", ...(province ? [province.id] : [])];
    expect(cycleList(indicators, ids).map((i) => i.id)).toEqual(["ict-employment", "5g-base-stations"]);
    expect(cycleList(indicators, ["no-such-indicator"]).length).toBe(featured(indicators).length);
  });

  it("maps at county level where published, else by city", () => {
    expect(mappableLevel(byId("5g-base-stations"))).toBe("county");
    expect(mappableLevel(byId("sme-transformation-funds"))).toBe("city");
    expect(mappableLevel({ ...byId("5g-base-stations"), levels: ["province"] })).toBeNull();
  });
});

describe("command screen: the ranking's two ends", () => {
  const row = (code: string, rank: number | null): MapRow => ({
    code,
    name: { zh: code, en: code },
    value: rank === null ? null : 100 - rank,
    status: rank === null ? null : "final",
    rank,
    of: 0,
    change: null,
  });

  it("gives the best five and the worst five, worst first, skipping regions without a value", () => {
    const rows = [row("a", 3), row("b", null), ...Array.from({ length: 12 }, (_, k) => row(`r${k}`, k === 2 ? 13 : k + 1))];
    const { top, bottom } = rankingEnds(rows);
    expect(top.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(top.map((r) => r.code)).toEqual(["r0", "r1", "a", "r3", "r4"]);
    expect(bottom.map((r) => r.rank)).toEqual([13, 12, 11, 10, 9]);
  });

  it("never lists a region in both when fewer than ten have a value", () => {
    const { top, bottom } = rankingEnds([
      row("a", 1),
      row("b", 2),
      row("c", 3),
      row("d", 4),
      row("e", 5),
      row("f", 6),
      row("g", 7),
    ]);
    expect(top.map((r) => r.code)).toEqual(["a", "b", "c", "d", "e"]);
    expect(bottom.map((r) => r.code)).toEqual(["g", "f"]);
  });
});

describe("command screen: unattended", () => {
  it("retries a failed panel after 60 s, doubling, never waiting more than 5 minutes", () => {
    expect([0, 1, 2, 3, 10].map(selfHealDelay)).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
    expect(selfHealDelay(1000)).toBe(SELF_HEAL_MAX_MS);
  });

  it("says 'data as of' the oldest answer shown, and nothing without one", () => {
    expect(dataAsOf([0, 0])).toBe(0);
    expect(dataAsOf([5000, 0, 3000])).toBe(3000);
  });

  it("tells Beijing time (UTC+8) whatever the machine's zone, across midnight", () => {
    expect(beijingTime(Date.parse("2026-12-03T16:05:09Z"))).toEqual({
      date: "2026-12-04",
      minutes: "00:05",
      seconds: "00:05:09",
    });
    expect(beijingTime(Date.parse("2026-06-30T23:59:59+08:00")).seconds).toBe("23:59:59");
  });
});

describe("command screen: the map's option for a wall", () => {
  const base = {
    tooltip: { trigger: "item" },
    visualMap: { type: "piecewise", pieces: [{ value: 0, color: "#fff", label: "0.7% – 2.2%" }], right: 8 },
    series: [{ type: "map", roam: true, right: 200, preserveAspect: "contain", label: { show: false, fontSize: 10 }, data: [] }],
    media: [{ query: { maxWidth: 500 }, option: {} }],
  };
  type Out = typeof base & { visualMap: Record<string, unknown>; series: Record<string, unknown>[] };
  const at = (rem: number) => screenMapOption(base, rem) as unknown as Out;

  it("scales the names with the root font size and shows them where they fit; no roaming", () => {
    expect(at(21).series[0].label).toMatchObject({ show: true, fontSize: 13 });
    expect(at(42).series[0].label).toMatchObject({ show: true, fontSize: 25 });
    expect(at(42).series[0].roam).toBe(false);
    expect(base.series[0].roam).toBe(true);
  });

  it("gives the map the whole width, its aspect kept, the legend's classes kept but drawn in HTML", () => {
    const o = at(21);
    expect(o.series[0]).toMatchObject({ left: 8, right: 8, top: 8, bottom: 8, preserveAspect: "contain" });
    expect(o.visualMap).toMatchObject({ show: false, pieces: base.visualMap.pieces });
    expect((o as { media?: unknown }).media).toBeUndefined();
  });
});
