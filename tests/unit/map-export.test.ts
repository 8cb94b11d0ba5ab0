import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/api/contract";
import { buildChoroplethOption } from "../../src/charts/map/choropleth-option";
import { buildExportOption, type ExportFrame, exportLayout } from "../../src/export/export-option";
import { CATALOGUES } from "../../src/i18n/catalogues";
import { translator } from "../../src/i18n/format";
import { boundaryNotice } from "../../src/ui/export-frame";

const ind: Indicator = {
  id: "core-digital-va",
  pillar: "industry",
  name: { zh: "数字经济核心产业增加值", en: "Core digital industries value added" },
  unit: { zh: "亿元", en: "100 million yuan" },
  description: { zh: "", en: "" },
  source: { zh: "", en: "" },
  frequency: "annual",
  direction: "higher",
  levels: ["province", "city"],
  aggregation: { method: "sum" },
  decimals: 1,
  targets: [],
};
const rows = [
  { code: "440100", name: { zh: "广州市", en: "Guangzhou" }, value: 4000, rank: 2, of: 3, change: null, status: "final" },
  { code: "440300", name: { zh: "深圳市", en: "Shenzhen" }, value: 10000, rank: 1, of: 3, change: null, status: "final" },
  { code: "440400", name: { zh: "珠海市", en: "Zhuhai" }, value: 600, rank: 3, of: 3, change: null, status: "final" },
] as never;
const MAINLAND: [[number, number], [number, number]] = [
  [109.66, 25.52],
  [117.32, 20.22],
];
const map = (lang: "zh" | "en", drilled = false) =>
  buildChoroplethOption(
    {
      mapName: "gd",
      indicator: ind,
      rows,
      breaks: [600, 4000, 10000],
      frame: drilled ? undefined : MAINLAND,
      labels: true,
      scale: "classes over 3 cities",
    },
    lang,
    translator(lang),
  );
const exportFrame = (lang: "zh" | "en", approval?: string): ExportFrame => ({
  title: "t",
  subtitle: "s",
  footer: "Source: X; data version v1; exported 2026-12-03",
  link: "https://example.org/?view=map",
  simulatedMark: null,
  mapNotice: boundaryNotice(approval, translator(lang)),
  background: "white",
  width: 800,
  height: 560,
});
type Out = {
  graphic: { bottom?: number; style: { text: string } }[];
  visualMap: { left?: number; right?: number; bottom: number }[];
  series: { bottom: number }[];
};
const footerText = (o: unknown) => (o as Out).graphic.map((g) => g.style.text).join("\n");

describe("map exports are publishable", () => {
  it("carry the boundary notice in the footer, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const out = buildExportOption(map(lang), exportFrame(lang));
      expect(footerText(out)).toContain(CATALOGUES[lang]["map.boundaries"]);
      expect(footerText(out)).toContain("Source: X");
    }
    expect(CATALOGUES.zh["map.boundaries"]).toContain("不是经审核的地图");
  });

  it("carry the approval number (审图号) instead when config.json sets one", () => {
    const out = buildExportOption(map("zh"), exportFrame("zh", "粤S(2024)001号"));
    expect(footerText(out)).toContain("审图号：粤S(2024)001号");
    expect(footerText(out)).not.toContain(CATALOGUES.zh["map.boundaries"]);
  });

  it("leave the notice off charts that are not maps, and make room for it on maps", () => {
    const line = { series: [{ type: "line", data: [1] }], grid: {} };
    expect(footerText(buildExportOption(line as never, exportFrame("en")))).not.toContain(CATALOGUES.en["map.boundaries"]);
    // A narrow export: the notice wraps and the footer takes more than the least room.
    const withNotice = exportLayout(map("en"), { ...exportFrame("en"), width: 360 });
    const without = exportLayout(map("en"), { ...exportFrame("en"), width: 360, mapNotice: undefined });
    expect(withNotice.bottom).toBeGreaterThan(without.bottom);
  });
});

describe("the map legend covers no land", () => {
  it("sits in the South China Sea (bottom right) of the province's frame, on screen and in exports", () => {
    for (const lang of ["zh", "en"] as const) {
      const screen = map(lang) as unknown as Out & { visualMap: Out["visualMap"][number] };
      expect(screen.visualMap.right).toBe(8);
      expect(screen.visualMap.left).toBeUndefined();
      const frame = exportFrame(lang);
      const out = buildExportOption(map(lang), frame) as unknown as Out;
      expect(out.visualMap[0].right).toBe(8);
      expect(out.visualMap[0].left).toBeUndefined();
      // Above the footer, inside the map's own box.
      expect(out.visualMap[0].bottom).toBeGreaterThanOrEqual(exportLayout(map(lang), frame).bottom);
    }
  });

  it("goes below a city drilled into, the map leaving it room, on screen and in exports", () => {
    const screen = map("en", true) as unknown as { visualMap: Out["visualMap"][number]; series: Out["series"] };
    expect(screen.visualMap.left).toBe(8);
    // Five rows of classes and a two-line heading: the map ends above them.
    expect(screen.series[0].bottom).toBeGreaterThan(2 * 16 + 2 * 12 + 10 + 8);
    const frame = exportFrame("en");
    const out = buildExportOption(map("en", true), frame) as unknown as Out;
    expect(out.series[0].bottom).toBe(screen.series[0].bottom + exportLayout(map("en", true), frame).bottom + 8);
    expect(out.visualMap[0].bottom).toBeLessThan(out.series[0].bottom);
  });
});
