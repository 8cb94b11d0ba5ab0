import { describe, expect, it } from "vitest";
import {
  type BriefPanel,
  type BriefSection,
  briefStrings,
  cellText,
  composeBrief,
  cutTable,
  numericColumns,
  orderSections,
} from "../../src/export/brief";
import { briefTexts } from "../../src/export/brief-texts";
import type { CsvTable } from "../../src/export/csv";

const en = briefTexts("en");
const zh = briefTexts("zh");

const table = (n: number): CsvTable => ({
  header: ["Code", "Region", "Value"],
  textColumns: [0],
  rows: Array.from({ length: n }, (_, i) => [`4401${String(i).padStart(2, "0")}`, `City ${i}`, i * 1.5]),
});

const panel = (title: string, rows: number, chart = true): BriefPanel => ({
  title,
  subtitle: `${title}: Guangdong, 2018–2025`,
  chart: chart ? { option: { series: [] }, size: { width: 800, height: 520 } } : null,
  table: table(rows),
  source: `Source of ${title}`,
});

describe("the briefing's document", () => {
  it("orders sections by order, then id, and drops empty ones", () => {
    const s = (id: string, order: number, n = 1): BriefSection => ({
      id,
      order,
      blocks: Array.from({ length: n }, () => ({ kind: "paragraph", text: id })),
    });
    expect(
      orderSections([s("warnings", 50), s("kpis", 20), s("findings", 10), s("b", 20), s("empty", 0, 0)]).map((x) => x.id),
    ).toEqual(["findings", "b", "kpis", "warnings"]);
  });

  it("puts the sections first, then each panel's heading, chart and table, then the sources", () => {
    const doc = composeBrief(
      {
        lang: "en",
        title: "Monitor · Overview briefing",
        lines: ["Data version sim-1"],
        mark: "Simulated data / 模拟数据",
        footer: "Data version sim-1",
        sections: [
          {
            id: "kpis",
            order: 20,
            blocks: [{ kind: "heading", text: "Headline indicators" }],
            sources: ["KPIs: Statistics Bureau"],
          },
          { id: "findings", order: 10, blocks: [{ kind: "list", items: ["Three targets achieved."] }] },
        ],
        panels: [panel("Trend", 3), panel("Where we are behind", 2, false)],
      },
      en,
    );
    expect(doc.blocks.map((b) => `${b.kind}:${"text" in b ? b.text : "caption" in b ? b.caption : ""}`)).toEqual([
      "list:",
      "heading:Headline indicators",
      "heading:Trend",
      "chart:Trend: Guangdong, 2018–2025",
      "table:Data: Trend",
      "heading:Where we are behind",
      "paragraph:Where we are behind: Guangdong, 2018–2025",
      "table:Data: Where we are behind",
      "heading:Sources",
      "list:",
    ]);
    expect(doc.blocks.at(-1)).toEqual({
      kind: "list",
      items: ["KPIs: Statistics Bureau", "Trend: Source of Trend", "Where we are behind: Source of Where we are behind"],
    });
    expect(doc.mark).toBe("Simulated data / 模拟数据");
  });

  it("cuts a long table and says how many rows were left out, in the reader's language", () => {
    const doc = composeBrief(
      { lang: "zh", title: "t", lines: [], mark: null, footer: "", sections: [], panels: [panel("趋势", 45)], maxRows: 40 },
      zh,
    );
    const t = doc.blocks.find((b) => b.kind === "table");
    expect(t?.kind === "table" && t.table.rows).toHaveLength(40);
    expect(doc.blocks).toContainEqual({ kind: "paragraph", text: "…… 另有 5 行未列出（完整表格请用面板的“导出 → CSV”）" });
    expect(en.moreRows(5)).toBe("… 5 more rows not listed (the whole table: the panel's Export → CSV)");
    // Exactly at the limit: nothing cut, no note.
    const full = composeBrief(
      { lang: "en", title: "t", lines: [], mark: null, footer: "", sections: [], panels: [panel("T", 40)] },
      en,
    );
    expect(full.blocks.some((b) => b.kind === "paragraph" && b.text.includes("more rows"))).toBe(false);
  });

  it("has no simulated mark when the data is official, and no sources heading without sources", () => {
    const doc = composeBrief({ lang: "en", title: "t", lines: [], mark: null, footer: "", sections: [], panels: [] }, en);
    expect(doc.mark).toBeNull();
    expect(doc.blocks).toEqual([]);
  });

  it("cuts a table only when it is longer than the limit", () => {
    expect(cutTable(table(3), 3).more).toBe(0);
    const cut = cutTable(table(10), 4);
    expect(cut.more).toBe(6);
    expect(cut.table.rows.map((r) => r[0])).toEqual(["440100", "440101", "440102", "440103"]);
  });

  it("right-aligns columns of numbers, never a code column or a column with text", () => {
    expect(numericColumns(table(3))).toEqual([false, false, true]);
    expect(
      numericColumns({
        header: ["a", "b", "c", "d"],
        rows: [
          [1, "x", null, 2020],
          [null, 3, null, 2021],
        ],
        textColumns: [3],
      }),
    ).toEqual([true, false, false, false]);
  });

  it("prints cells for paper: dashes for gaps, readable decimals, years ungrouped", () => {
    expect(cellText(null, "en")).toBe("—");
    expect(cellText("", "en")).toBe("—");
    expect(cellText(Number.NaN, "en")).toBe("—");
    expect(cellText(2023, "en")).toBe("2023");
    expect(cellText(12.3456, "en")).toBe("12.35");
    expect(cellText(0.012345, "en")).toBe("0.0123");
    expect(cellText(-0.4, "zh")).toBe("-0.4");
    expect(cellText(340000, "zh")).toBe("340,000");
    expect(cellText("440100", "en")).toBe("440100");
  });

  it("lists every text it prints, so the font is loaded for each character", () => {
    const doc = composeBrief(
      {
        lang: "zh",
        title: "广东 · 总览简报",
        lines: ["数据版本 sim"],
        mark: "模拟数据 / Simulated data",
        footer: "页脚",
        sections: [
          { id: "k", order: 1, blocks: [{ kind: "table", caption: "关键指标", table: { header: ["指标"], rows: [[1234.5]] } }] },
        ],
        panels: [],
      },
      zh,
    );
    const all = briefStrings(doc, zh).join("");
    for (const s of ["广东", "数据版本", "模拟数据", "页脚", "关键指标", "指标", "1234.5", "第", "页", "共"])
      expect(all).toContain(s);
  });
});
