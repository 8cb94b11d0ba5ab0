import { describe, expect, it } from "vitest";
import { generateDataset } from "../../mock/generate";
import { regionsAtLevel } from "../../src/api/filter";
import { profileBrief } from "../../src/features/profile/brief";
import { buildProfile, profileIndicators } from "../../src/features/profile/profile-model";
import { CATALOGUES } from "../../src/i18n/catalogues";
import { translator } from "../../src/i18n/format";
import { MESSAGES } from "../../src/i18n/messages";

// The translator reads the live catalogues: give them every text, as the loaded chunks would.
Object.assign(MESSAGES.zh, CATALOGUES.zh);
Object.assign(MESSAGES.en, CATALOGUES.en);

const dataset = generateDataset();
const XINGNING = "441481";

function profile() {
  const units = new Set(regionsAtLevel(dataset.regions, "county").map((r) => r.code));
  const data = new Map(
    profileIndicators(dataset.indicators, "county").map((i) => [
      i.id,
      (dataset.observations.get(i.id) ?? []).filter((o) => units.has(o.region)),
    ]),
  );
  const region = dataset.regions.find((r) => r.code === XINGNING);
  if (!region) throw new Error("no Xingning");
  return buildProfile({
    region,
    regions: dataset.regions,
    indicators: dataset.indicators,
    data,
    provinceData: new Map(
      dataset.indicators.map((i) => [i.id, (dataset.observations.get(i.id) ?? []).filter((o) => o.region === "440000")]),
    ),
    year: null,
    weights: null,
    norm: "minmax",
    lastYear: dataset.meta.lastYear,
  });
}

describe("the profile's briefing", () => {
  it("says who the region is, where it stands, its strengths and weaknesses, progress and similar regions, in order", () => {
    const p = profile();
    const sections = profileBrief(p, dataset.regions, dataset.meta, "minmax", "zh", translator("zh"));
    expect(sections.map((s) => s.order)).toEqual([10, 20, 30, 40, 50]);
    const blocks = sections.flatMap((s) => s.blocks);
    expect(blocks[0]).toEqual({ kind: "heading", text: "地区画像: 兴宁市 (Xingning City)" });
    const standing = blocks.find((b) => b.kind === "paragraph" && b.text.startsWith("数字发展指数"));
    expect(standing && "text" in standing ? standing.text : "").toContain(`排名 ${p.standing[0].rank} / 124`);
    const lists = blocks.filter((b) => b.kind === "list");
    // Facts, strengths, weaknesses (and maybe warnings).
    expect(lists[1] && "items" in lists[1] ? lists[1].items : []).toHaveLength(3);
    // Each strength and weakness with its series against the median as a chart.
    const charts = blocks.filter((b) => b.kind === "chart");
    expect(charts).toHaveLength(6);
    const first = charts[0];
    if (first.kind !== "chart") throw new Error("not a chart");
    const series = (first.option as { series: { name: string; data: (number | null)[] }[] }).series;
    expect(series.map((x) => x.name)).toEqual(["兴宁市", "同级中位数"]);
    const points = p.series.get(p.strengths[0].indicator) ?? [];
    expect(series[0].data).toEqual(points.map((x) => x.value));
    expect(series[1].data).toEqual(points.map((x) => x.median));
    const similar = blocks.find((b) => b.kind === "table" && b.caption.endsWith("相似地区"));
    expect(similar && "table" in similar ? similar.table.rows.map((r) => r[1]) : []).toEqual(p.neighbours.map((n) => n.code));
  });

  it("writes the English briefing in English", () => {
    const sections = profileBrief(profile(), dataset.regions, dataset.meta, "minmax", "en", translator("en"));
    const text = JSON.stringify(sections);
    expect(text).toContain("Region profile: Xingning City (兴宁市)");
    expect(text).toContain("Tier ");
    expect(text).not.toMatch(/第.梯队/);
  });
});
