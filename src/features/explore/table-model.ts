import type { Indicator, Level, Observation, Region, Status, Text } from "../../api/contract";

/** The superscript a figure that may still change carries: p(reliminary), e(stimated). */
export type Mark = "p" | "e";
export const MARKS: Record<Exclude<Status, "final">, Mark> = { preliminary: "p", estimated: "e" };

/** One cell: a value, or null for a gap (never a zero). */
export interface Cell {
  period: string;
  value: number | null;
  /** The status of a value; null for a gap (a missing figure has nothing to qualify). */
  status: Status | null;
  mark: Mark | null;
}

export interface Row {
  code: string;
  name: Text;
  level: Level;
  /** False when the indicator is not published at the region's level: every cell is a gap. */
  published: boolean;
  cells: Cell[];
}

/** Regions (rows) × periods (columns), with the marks and gaps the legend must explain. */
export interface TableModel {
  periods: string[];
  rows: Row[];
  /** The marks that occur, in legend order. */
  marks: Mark[];
  /** Whether any cell is a gap. */
  gaps: boolean;
}

/** The table of the selected regions over the range, in the order the regions were chosen. */
export function buildTableModel(input: {
  indicator: Indicator;
  regions: readonly Region[];
  observations: readonly Observation[];
  periods: readonly string[];
}): TableModel {
  const { indicator, regions, observations, periods } = input;
  const byKey = new Map(observations.map((o) => [`${o.region}@${o.period}`, o]));
  const used = new Set<Mark>();
  let gaps = false;
  const rows = regions.map((r): Row => {
    const published = indicator.levels.includes(r.level);
    const cells = periods.map((period): Cell => {
      const o = published ? byKey.get(`${r.code}@${period}`) : undefined;
      if (!o || o.value === null) {
        gaps = true;
        return { period, value: null, status: null, mark: null };
      }
      const mark = o.status === "final" ? null : MARKS[o.status];
      if (mark) used.add(mark);
      return { period, value: o.value, status: o.status, mark };
    });
    return { code: r.code, name: r.name, level: r.level, published, cells };
  });
  return { periods: [...periods], rows, marks: (["p", "e"] as const).filter((m) => used.has(m)), gaps };
}
