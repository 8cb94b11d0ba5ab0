import type { Indicator, Measure } from "../api/contract";

/**
 * The one definition of a rate: an indicator whose unit is a percentage ("%" in either
 * language). Its changes are in percentage points, its values lie within 0–100, its target
 * paths are linear, and its regions are compared by level, not by growth.
 */
export function isRate(ind: Pick<Indicator, "unit">): boolean {
  return ind.unit.zh.trim() === "%" || ind.unit.en.trim() === "%";
}

/**
 * How an indicator's periods relate: the catalogue's `measure` where given, else a rate for a
 * percentage unit, else unknown (null): quarters and years are then not checked against each other.
 */
export function measureOf(ind: Pick<Indicator, "unit" | "measure">): Measure | null {
  return ind.measure ?? (isRate(ind) ? "rate" : null);
}
