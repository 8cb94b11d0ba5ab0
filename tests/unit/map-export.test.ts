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

describe("the map legend beside or below the map, never on it (as data; map-legend.test.ts lays it out)", () => {
  type Laid = {
    visualMap: { left?: number; right?: number; bottom: number }[];
    series: { left: number; right: number; top: number; bottom: number }[];
    media?: unknown;
  };
  it("sits right of the map where the chart is wide, the map leaving it room, and below it on a phone", () => {
    for (const lang of ["zh", "en"] as const) {
      for (const drilled of [false, true]) {
        const screen = map(lang, drilled) as unknown as {
          visualMap: { left?: number; right?: number; bottom: number };
          series: { right: number; bottom: number }[];
          media: { query: { maxWidth: number }; option: { series: { right: number; bottom: number }[] } }[];
        };
        expect(screen.visualMap).toMatchObject({ right: 8, bottom: 8 });
        expect(screen.visualMap.left).toBeUndefined();
        expect(screen.series[0].right).toBeGreaterThan(100);
        const [phone] = screen.media;
        expect(phone.query.maxWidth).toBeGreaterThan(screen.series[0].right + 300);
        expect(phone.option.series[0].right).toBe(8);
        expect(phone.option.series[0].bottom).toBeGreaterThan(100);
      }
    }
  });

  it("exports take the layout of their width, the legend above the footer", () => {
    const wide = buildExportOption(map("en"), exportFrame("en")) as unknown as Laid;
    expect(wide.media).toBeUndefined();
    expect(wide.series[0].right).toBeGreaterThan(100);
    expect(wide.visualMap[0].right).toBe(8);
    expect(wide.visualMap[0].bottom).toBeGreaterThanOrEqual(exportLayout(map("en"), exportFrame("en")).bottom);
    const narrowFrame = { ...exportFrame("en"), width: 328 };
    const narrow = buildExportOption(map("en"), narrowFrame) as unknown as Laid;
    expect(narrow.media).toBeUndefined();
    expect(narrow.series[0].right).toBe(8);
    const bottom = exportLayout(map("en"), narrowFrame).bottom;
    expect(narrow.visualMap[0].bottom).toBe(bottom + 8);
    expect(narrow.series[0].bottom).toBeGreaterThan(narrow.visualMap[0].bottom + 100);
  });
});
