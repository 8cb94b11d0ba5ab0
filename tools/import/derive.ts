/**
 * Completing one indicator's facts up the region tree: where a table gives the children
 * (counties of a city, cities of the province) but not the parent, the parent is computed
 * by the indicator's rule; where it gives both, they must agree within the indicator's
 * tolerance. Then every level the catalogue promises must have values. Across time, a flow's
 * quarters must add up to its year and a stock's fourth quarter must be its year.
 */
import type { Level, Observation, Region, Status } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { aggregate, type Part, roundTo } from "../../src/domain/aggregate";
import { measureOf } from "../../src/domain/measure";
import { comparePeriods, isQuarter } from "../../src/domain/periods";
import type { CatalogueEntry } from "./catalogue";
import type { Issues } from "./issues";
import { msg } from "./messages";
import { type Fact, type FactTable, getFact, setFact } from "./observations";

/** The region tree as the derivation walks it. */
export interface Tree {
  regions: readonly Region[];
  byCode: Map<string, Region>;
  /** Parent level → its families: each parent with its children (cities with counties only). */
  families: { level: Level; childLevel: Level; parent: string; children: string[] }[];
  /** Region codes of each level as published (Dongguan and Zhongshan also at county level). */
  atLevel: Record<Level, Set<string>>;
  order: Map<string, number>;
}

export function buildTree(regions: readonly Region[]): Tree {
  const kids = (code: string) => regions.filter((r) => r.parent === code).map((r) => r.code);
  const cities = regions.filter((r) => r.level === "city");
  const province = regions.find((r) => r.level === "province") as Region;
  return {
    regions,
    byCode: new Map(regions.map((r) => [r.code, r])),
    // Cities first: a derived city can then count towards the province.
    families: [
      ...cities
        .map((c) => ({ level: "city" as Level, childLevel: "county" as Level, parent: c.code, children: kids(c.code) }))
        .filter((f) => f.children.length > 0),
      { level: "province", childLevel: "city", parent: province.code, children: cities.map((c) => c.code) },
    ],
    atLevel: {
      province: new Set(regionsAtLevel(regions, "province").map((r) => r.code)),
      city: new Set(regionsAtLevel(regions, "city").map((r) => r.code)),
      county: new Set(regionsAtLevel(regions, "county").map((r) => r.code)),
    },
    order: new Map(regions.map((r, i) => [r.code, i])),
  };
}

/**
 * Whether a figure computed from others strays from the stated one beyond the relative
 * `tolerance` and beyond what rounding explains: each of the `figures` involved (the parts and
 * the stated one), rounded to `decimals`, is off by up to half a unit of the last decimal.
 */
function disagrees(computed: number, stated: number, tolerance: number, decimals: number, figures: number): boolean {
  const slack = (figures * 10 ** -decimals) / 2;
  // The last term absorbs binary noise in the sums.
  const allowed = Math.max(tolerance * Math.abs(stated), slack) + 1e-9 * Math.max(1, Math.abs(stated));
  return Math.abs(computed - stated) > allowed;
}

/** How many values the tables gave, and how many were derived and published, by level. */
export interface Completion {
  given: number;
  derived: Record<Level, number>;
}

/**
 * Derives missing parents and checks stated ones, in place. `weights` is the weight
 * indicator's completed table for weighted means.
 */
export function complete(
  entry: CatalogueEntry,
  table: FactTable,
  weights: FactTable | undefined,
  tree: Tree,
  derivedStatus: Status,
  issues: Issues,
): Completion {
  const ind = entry.indicator;
  const rule = ind.aggregation;
  const weighted = rule.method === "weighted-mean";
  const periods = new Set<string>();
  let given = 0;
  for (const row of table.values()) {
    for (const p of row.keys()) periods.add(p);
    given += row.size;
  }
  const derived: Record<Level, number> = { province: 0, city: 0, county: 0 };
  const notDerivable: Record<Level, string[]> = { province: [], city: [], county: [] };

  for (const fam of tree.families) {
    for (const period of periods) {
      const facts = fam.children.map((c) => getFact(table, c, period));
      const parts: Part[] = fam.children.map((c, i) => ({
        value: facts[i]?.value ?? null,
        weight: weighted ? (getFact(weights, c, period)?.value ?? null) : undefined,
      }));
      const whole = parts.every((p) => p.value !== null && (!weighted || p.weight !== null));
      const computed = whole ? aggregate(parts, rule) : null;
      const stated = getFact(table, fam.parent, period);
      if (stated) {
        if (stated.value !== null && computed !== null && stated.where) {
          // Rounding alone can part children from their parent: the sum of n children by n
          // halves and the parent's own half; a weighted mean by about a unit.
          const figures = weighted ? 2 : fam.children.length + 1;
          if (disagrees(computed, stated.value, entry.tolerance, ind.decimals, figures)) {
            issues.error(
              stated.where,
              "check.total",
              msg.totalDisagrees({
                name: (tree.byCode.get(fam.parent) as Region).name,
                code: fam.parent,
                period,
                childLevel: fam.childLevel,
                parentLevel: fam.level,
                weighted,
                computed,
                stated: stated.value,
                decimals: ind.decimals,
                tolerance: entry.tolerance,
              }),
            );
          }
        }
      } else if (computed !== null) {
        const fact: Fact = { value: roundTo(computed, ind.decimals), status: derivedStatus };
        setFact(table, fam.parent, period, fact);
        if (ind.levels.includes(fam.level)) derived[fam.level] += 1;
      } else if (facts.some((f) => f !== undefined)) {
        notDerivable[fam.level].push(`${fam.parent} ${period}`);
      }
    }
  }

  const published = new Set(ind.levels.flatMap((l) => [...tree.atLevel[l]]));
  for (const level of ["province", "city", "county"] as const) {
    if (ind.levels.includes(level) && notDerivable[level].length > 0) {
      const list = notDerivable[level];
      issues.warning(entry.levelsAt, "derive.incomplete", msg.cannotDerive(ind.id, level, list.length, list[0]));
    }
  }
  // Given rows the catalogue does not publish (e.g. counties of a province-and-city indicator).
  const unpublished: Record<Level, number> = { province: 0, city: 0, county: 0 };
  for (const [code, row] of table) {
    if (published.has(code)) continue;
    for (const f of row.values()) if (f.where) unpublished[(tree.byCode.get(code) as Region).level] += 1;
  }
  for (const level of ["province", "city", "county"] as const) {
    if (unpublished[level] > 0) {
      issues.warning(entry.levelsAt, "level.not-published", msg.levelNotPublished(ind.id, level, unpublished[level]));
    }
  }
  const missing = ind.levels.filter((level) => ![...tree.atLevel[level]].some((code) => table.has(code)));
  if (missing.length > 0) issues.error(entry.levelsAt, "level.missing", msg.levelMissing(ind.id, missing));
  return { given, derived };
}

/**
 * Checks a flow's four quarters against its year (their sum) and a stock's fourth quarter
 * against its year, for the figures the tables give, wherever all five are there. Rates and
 * indicators without a measure are not checked: their years are not made of their quarters.
 * Run before `complete`, so that only given figures are compared.
 */
export function checkQuarters(entry: CatalogueEntry, table: FactTable, tree: Tree, issues: Issues): void {
  const ind = entry.indicator;
  const measure = measureOf(ind);
  if (measure !== "stock" && measure !== "flow") return;
  for (const [code, row] of table) {
    for (const [year, fact] of row) {
      if (isQuarter(year) || fact.value === null || !fact.where) continue;
      const quarters = [1, 2, 3, 4].map((k) => row.get(`${year}Q${k}`)?.value ?? null);
      if (quarters.some((q) => q === null)) continue;
      const qs = quarters as number[];
      const computed = measure === "flow" ? qs.reduce((a, b) => a + b, 0) : qs[3];
      if (!disagrees(computed, fact.value, entry.tolerance, ind.decimals, measure === "flow" ? 5 : 2)) continue;
      issues.error(
        fact.where,
        "check.quarters",
        msg.quartersDisagree({
          name: (tree.byCode.get(code) as Region).name,
          code,
          id: ind.id,
          year,
          measure,
          computed,
          stated: fact.value,
          decimals: ind.decimals,
          tolerance: entry.tolerance,
        }),
      );
    }
  }
}

/** The published observations of a completed table: the catalogue's levels, sorted as the generator sorts. */
export function toObservations(table: FactTable, levels: readonly Level[], tree: Tree): Observation[] {
  const published = new Set(levels.flatMap((l) => [...tree.atLevel[l]]));
  const codes = [...table.keys()]
    .filter((c) => published.has(c))
    .sort((a, b) => (tree.order.get(a) ?? 0) - (tree.order.get(b) ?? 0));
  const out: Observation[] = [];
  for (const region of codes) {
    const row = table.get(region) as Map<string, Fact>;
    for (const period of [...row.keys()].sort(comparePeriods)) {
      const f = row.get(period) as Fact;
      out.push({ region, period, value: f.value, status: f.status });
    }
  }
  return out;
}
