import { describe, expect, it } from "vitest";
import type { Indicator, Observation, Region } from "../../src/api/contract";
import { buildTableModel } from "../../src/features/explore/table-model";

const ind: Indicator = {
  id: "ict-employment",
  pillar: "talent",
  name: { zh: "信息技术就业", en: "ICT employment" },
  unit: { zh: "万人", en: "10,000 people" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province", "city"],
  aggregation: { method: "sum" },
  decimals: 1,
  targets: [],
};
const region = (code: string, level: Region["level"], en: string): Region => ({
  code,
  level,
  parent: level === "province" ? null : level === "city" ? "440000" : "440100",
  name: { zh: en, en },
  zone: null,
  kind: null,
});
const GZ = region("440100", "city", "Guangzhou");
const SZ = region("440300", "city", "Shenzhen");
const TH = region("440106", "county", "Tianhe");
const o = (r: string, period: string, value: number | null, status: Observation["status"] = "final"): Observation => ({
  region: r,
  period,
  value,
  status,
});

describe("explore table model", () => {
  const model = buildTableModel({
    indicator: ind,
    regions: [SZ, GZ, TH],
    observations: [
      o("440100", "2022", 10.5),
      o("440100", "2023", 11, "preliminary"),
      o("440300", "2022", null, "estimated"),
      o("440300", "2023", 0),
      o("440300", "2021", 9), // outside the periods asked for
    ],
    periods: ["2022", "2023"],
  });

  it("has the regions as rows, in the order chosen, and the periods as columns", () => {
    expect(model.periods).toEqual(["2022", "2023"]);
    expect(model.rows.map((r) => r.code)).toEqual(["440300", "440100", "440106"]);
    expect(model.rows.map((r) => r.cells.map((c) => c.period))).toEqual([
      ["2022", "2023"],
      ["2022", "2023"],
      ["2022", "2023"],
    ]);
  });

  it("keeps values as published, a real zero included, and marks what may still change", () => {
    const [sz, gz] = model.rows;
    expect(gz.cells).toEqual([
      { period: "2022", value: 10.5, status: "final", mark: null },
      { period: "2023", value: 11, status: "preliminary", mark: "p" },
    ]);
    expect(sz.cells[1]).toEqual({ period: "2023", value: 0, status: "final", mark: null });
    expect(model.marks).toEqual(["p"]);
  });

  it("leaves gaps as null, never 0: a null value (even flagged), and an absent observation", () => {
    const [sz] = model.rows;
    // A gap has nothing to qualify: an "estimated" null is a gap without a mark.
    expect(sz.cells[0]).toEqual({ period: "2022", value: null, status: null, mark: null });
    expect(model.gaps).toBe(true);
  });

  it("says when the indicator is not published at a region's level, every cell a gap", () => {
    const th = model.rows[2];
    expect(th.published).toBe(false);
    expect(th.cells.every((c) => c.value === null)).toBe(true);
    expect(model.rows[0].published).toBe(true);
  });

  it("reports no gaps and both marks in legend order when that is what the data holds", () => {
    const full = buildTableModel({
      indicator: ind,
      regions: [GZ],
      observations: [o("440100", "2024", 1, "estimated"), o("440100", "2025", 2, "preliminary")],
      periods: ["2024", "2025"],
    });
    expect(full.gaps).toBe(false);
    expect(full.marks).toEqual(["p", "e"]);
  });
});
