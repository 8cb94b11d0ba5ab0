/**
 * The indicator catalogue, its targets and the dataset's milestones, read from their tables
 * into the contract's shapes. One catalogue row is one indicator; texts come in `_zh`/`_en`
 * column pairs, levels as `province|city|county`, aggregation as `sum` or
 * `weighted-mean:<weight id>`, targets inline (`440000:2025:90; 440000:2027:95@2023=88.5; …`)
 * or in a targets table, denominators inline (`gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; …`).
 */
import {
  type Denominator,
  FREQUENCIES,
  INDICATOR_ID,
  type Indicator,
  LEVELS,
  type Level,
  type Meta,
  PILLARS,
  type Region,
  type Target,
  type TargetBase,
  type Text,
} from "../../src/api/contract";
import { isAmount } from "../../src/domain/intensity";
import { isRate } from "../../src/domain/measure";
import { periodRange } from "../../src/domain/periods";
import { type Cell, parseBoolean, parseMeasure, parsePeriod, parseValue, shownPercent, text } from "./format";
import type { Issues, Where } from "./issues";
import { msg } from "./messages";
import type { RegionMatch } from "./regions";
import type { RowReader } from "./table";

/** The relative tolerance of county totals against their city when the catalogue gives none. */
export const DEFAULT_TOLERANCE = 0.005;

/** An indicator of the catalogue, with what the importer needs beyond the contract. */
export interface CatalogueEntry {
  indicator: Indicator;
  /** Relative tolerance of children's totals against their parent's stated figure. */
  tolerance: number;
  /** The catalogue row's `levels` cell, where missing-level errors point. */
  levelsAt: Where;
  /** The catalogue row's `aggregation` cell, where weight errors point. */
  aggregationAt: Where;
  /** The catalogue row's `denominators` cell, where errors about denominators point. */
  denominatorsAt: Where;
  /** Where the row is, for messages about the indicator as a whole. */
  where: Where;
}

/** The catalogue as read: usable entries, and ids whose rows had errors (their data rows are skipped quietly). */
export interface Catalogue {
  entries: Map<string, CatalogueEntry>;
  broken: Set<string>;
}

type Matcher = (cell: string) => RegionMatch;

/** Reads one cell that must be one of `options`. */
function choice<T extends string>(r: RowReader, key: string, options: readonly T[], issues: Issues): T | undefined {
  const v = text(r.get(key));
  if (v === "") issues.error(r.at(key), "cell.required", msg.required());
  else if ((options as readonly string[]).includes(v.toLowerCase())) return v.toLowerCase() as T;
  else issues.error(r.at(key), "catalogue.choice", msg.notOneOf(v, options));
  return undefined;
}

/** A `_zh`/`_en` column pair as a Text ("" where empty). */
function pair(r: RowReader, key: string): Text {
  return { zh: text(r.get(`${key}_zh`)), en: text(r.get(`${key}_en`)) };
}

/** A `_zh`/`_en` pair that must be filled in both languages; undefined (reported) otherwise. */
function requiredPair(r: RowReader, key: string, issues: Issues): Text | undefined {
  const t = pair(r, key);
  if (t.zh === "") issues.error(r.at(`${key}_zh`), "cell.required", msg.required());
  if (t.en === "") issues.error(r.at(`${key}_en`), "cell.required", msg.required());
  return t.zh === "" || t.en === "" ? undefined : t;
}

/** A region cell resolved to a code, reporting unknown and ambiguous names. */
export function regionCode(cell: Cell, at: Where, match: Matcher, issues: Issues): string | undefined {
  const v = text(cell);
  if (v === "") {
    issues.error(at, "cell.required", msg.required());
    return undefined;
  }
  const m = match(v);
  if (m.ok) return m.region.code;
  if (m.candidates.length > 1) {
    issues.error(
      at,
      "region.ambiguous",
      msg.regionAmbiguous(
        v,
        m.candidates.map((c: Region) => `${c.code} ${c.name.zh}`),
      ),
    );
  } else issues.error(at, "region.unknown", msg.regionUnknown(v));
  return undefined;
}

/** A period cell, checked against the indicator's frequency. */
export function periodOf(cell: Cell, at: Where, ind: Indicator, issues: Issues): string | undefined {
  const v = text(cell);
  if (v === "") {
    issues.error(at, "cell.required", msg.required());
    return undefined;
  }
  const p = parsePeriod(cell);
  if (p === undefined) issues.error(at, "period.invalid", msg.periodInvalid(v));
  else if (ind.frequency === "annual" && p.includes("Q")) issues.error(at, "period.frequency", msg.periodFrequency(v, ind.id));
  else return p;
  return undefined;
}

/**
 * A value cell of `ind`: a number, null for "no value", undefined when it is not a number
 * (reported). A rate may carry its `%` (`87.5%`). An XLSX cell formatted as a percentage holds
 * a fraction (0.875, shown as 87.5%): for a rate it is read as shown; for any other indicator
 * it is refused, since neither 0.875 nor 87.5 is then surely what was meant.
 */
export function readValue(r: RowReader, key: string, ind: Indicator, issues: Issues): number | null | undefined {
  const cell = r.get(key);
  if (r.percent(key)) {
    const held = cell as number;
    if (isRate(ind)) return shownPercent(held);
    issues.error(r.at(key), "value.percent-format", msg.percentFormat(held, shownPercent(held), ind.id, ind.unit));
    return undefined;
  }
  const value = parseValue(cell, isRate(ind));
  if (value === undefined) issues.error(r.at(key), "value.not-a-number", msg.valueNotNumber(text(cell)));
  return value;
}

/**
 * A target's base, or undefined when none is given; "invalid" when it is wrong (reported). The
 * base period is a period of the indicator's frequency that ends before the target's begins;
 * its value (already read: null when empty) is optional but needs the period.
 */
function targetBase(
  period: { cell: Cell; at: Where },
  value: { value: number | null | undefined; at: Where },
  target: string,
  ind: Indicator,
  issues: Issues,
): TargetBase | undefined | "invalid" {
  if (text(period.cell) === "") {
    if (value.value === null) return undefined;
    if (value.value !== undefined) issues.error(value.at, "target.base-value-alone", msg.baseValueAlone());
    return "invalid";
  }
  const p = periodOf(period.cell, period.at, ind, issues);
  if (p === undefined) return "invalid";
  if (periodRange(p)[1] >= periodRange(target)[0]) {
    issues.error(period.at, "target.base-order", msg.baseNotBefore(p, target));
    return "invalid";
  }
  if (value.value === undefined) return "invalid";
  return value.value === null ? { period: p } : { period: p, value: value.value };
}

/** Inline targets: `440000:2025:90; 440000:2027:95@2023` (base period); `…@2023=88.5` (and its value). */
function inlineTargets(r: RowReader, ind: Indicator, match: Matcher, issues: Issues): Target[] | undefined {
  const raw = text(r.get("targets"));
  if (raw === "") return [];
  const at = r.at("targets");
  const source = pair(r, "target_source");
  if (source.zh === "" || source.en === "") {
    issues.error(r.at(source.zh === "" ? "target_source_zh" : "target_source_en"), "target.source", msg.targetSourceMissing());
    return undefined;
  }
  const out: Target[] = [];
  let ok = true;
  const items = raw
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const number = (s: string | undefined) => (s === undefined ? null : parseValue(s.trim(), isRate(ind)));
  for (const item of items) {
    // region:period:value, then optionally @base period and =base value.
    const m = /^([^:：]+)[:：]([^:：]+)[:：]([^@＠]+?)(?:\s*[@＠]([^=＝]+?)(?:\s*[=＝](.+))?)?$/.exec(item);
    const value = number(m?.[3]);
    const baseValue = number(m?.[5]);
    // A base value written out must be a number: `@2023=` is no base value.
    if (!m || typeof value !== "number" || (m[5] !== undefined && typeof baseValue !== "number")) {
      issues.error(at, "target.invalid", msg.targetInvalid(item));
      ok = false;
      continue;
    }
    const region = regionCode(m[1].trim(), at, match, issues);
    const period = periodOf(m[2].trim(), at, ind, issues);
    if (region === undefined || period === undefined) {
      ok = false;
      continue;
    }
    const base = targetBase({ cell: m[4]?.trim() ?? null, at }, { value: baseValue, at }, period, ind, issues);
    if (base === "invalid") ok = false;
    else out.push({ region, period, value, source, ...(base ? { base } : {}) });
  }
  return ok ? out : undefined;
}

/** `×`, `*` or `x` between a denominator's id and its scale (`x` with a space before it: ids hold letters). */
const DENOMINATOR_HEAD = /^(\S+?)\s*(?:[×✕✖*＊]|\s[xX])\s*(\S.*)$/;

/**
 * Inline denominators: `gdp × 100 | 占GDP比重 | share of GDP | % | % | 2; population × 10000 | 人均 | per resident`,
 * entries separated by `;` or line breaks, fields by `|`: the denominator's id and scale, its
 * label in Chinese and English, then optionally its unit (both languages or neither) and
 * decimals. [] when the cell is empty; undefined when an entry is wrong (reported). Whether
 * each id is in the catalogue is checked once every row is read.
 */
function inlineDenominators(r: RowReader, id: string, issues: Issues): Denominator[] | undefined {
  const raw = text(r.get("denominators"));
  if (raw === "") return [];
  const at = r.at("denominators");
  const out: Denominator[] = [];
  const seen = new Set<string>();
  let ok = true;
  const fail = (rule: string, message: Text) => {
    issues.error(at, rule, message);
    ok = false;
  };
  const items = raw
    .split(/[;；\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    const fields = item.split(/[|｜]/).map((f) => f.trim());
    const head = DENOMINATOR_HEAD.exec(fields[0]);
    if (!head || fields.length < 3 || fields.length > 6) {
      fail("denominator.invalid", msg.denominatorInvalid(item));
      continue;
    }
    const [, indicator, scaleText] = head;
    const [, labelZh, labelEn, unitZh = "", unitEn = "", decText = ""] = fields;
    const scale = parseValue(scaleText, false);
    const decimals = Number(decText);
    const before = issues.errors;
    if (indicator === id) fail("denominator.self", msg.denominatorSelf(id));
    else if (seen.has(indicator)) fail("denominator.duplicate", msg.denominatorTwice(indicator));
    seen.add(indicator);
    if (typeof scale !== "number" || !(scale > 0) || !Number.isFinite(scale)) {
      fail("denominator.scale", msg.denominatorScale(item, scaleText));
    }
    if (labelZh === "" || labelEn === "") fail("denominator.label", msg.denominatorLabel(item));
    if ((unitZh === "") !== (unitEn === "")) fail("denominator.unit", msg.denominatorUnit(item));
    if (decText !== "" && (!/^\d+$/.test(decText) || decimals > 6)) {
      fail("denominator.decimals", msg.denominatorDecimals(item, decText));
    }
    if (issues.errors > before) continue;
    // In the contract's order; unit and decimals only when given.
    const d: Denominator = { indicator, scale: scale as number, label: { zh: labelZh, en: labelEn } };
    if (unitZh !== "") d.unit = { zh: unitZh, en: unitEn };
    if (decText !== "") d.decimals = decimals;
    out.push(d);
  }
  return ok ? out : undefined;
}

function flag(r: RowReader, key: string, issues: Issues): boolean | undefined | "invalid" {
  const v = parseBoolean(r.get(key));
  if (v === "invalid") issues.error(r.at(key), "catalogue.boolean", msg.booleanInvalid(text(r.get(key))));
  return v;
}

/** Reads the catalogue tables (in order) into indicators. */
export function readCatalogue(tables: RowReader[][], match: Matcher, issues: Issues): Catalogue {
  const entries = new Map<string, CatalogueEntry>();
  const broken = new Set<string>();
  const firstRow = new Map<string, Where>();
  for (const rows of tables) {
    for (const r of rows) {
      const before = issues.errors;
      const id = text(r.get("id"));
      if (id === "") {
        issues.error(r.at("id"), "cell.required", msg.required());
        continue;
      }
      if (!INDICATOR_ID.test(id)) {
        issues.error(r.at("id"), "catalogue.id", msg.idInvalid(id));
        continue;
      }
      const first = firstRow.get(id);
      if (first) {
        issues.error(r.at("id"), "catalogue.duplicate", msg.idTwice(id, first.row ?? 0));
        continue;
      }
      firstRow.set(id, r.where);

      const pillar = choice(r, "pillar", PILLARS, issues);
      const name = requiredPair(r, "name", issues);
      const unit = requiredPair(r, "unit", issues);
      const description = pair(r, "description");
      const source = pair(r, "source");
      if (source.zh === "" && source.en === "") issues.warning(r.at("source_zh"), "catalogue.source", msg.sourceMissing());
      const frequency = choice(r, "frequency", FREQUENCIES, issues);
      const measure = parseMeasure(r.get("measure"));
      if (measure === "invalid") issues.error(r.at("measure"), "catalogue.measure", msg.measureInvalid(text(r.get("measure"))));
      else if (measure !== undefined && unit && (measure === "rate") !== isRate({ unit })) {
        issues.error(
          r.at("measure"),
          "catalogue.measure-unit",
          measure === "rate" ? msg.measureRateUnit(unit) : msg.measurePercentUnit(measure),
        );
      }
      const direction = choice(r, "direction", ["higher", "lower"] as const, issues);

      const levelsText = text(r.get("levels"));
      const words = levelsText.split(/[|,，、;；\s]+/).filter(Boolean);
      const levels = LEVELS.filter((l) => words.some((w) => w.toLowerCase() === l));
      if (levelsText === "") issues.error(r.at("levels"), "cell.required", msg.required());
      else if (levels.length === 0 || words.some((w) => !(LEVELS as readonly string[]).includes(w.toLowerCase()))) {
        issues.error(r.at("levels"), "catalogue.levels", msg.levelsInvalid(levelsText));
      }

      const aggText = text(r.get("aggregation"));
      const agg = /^(sum|weighted-mean\s*[:：]\s*(\S+))$/i.exec(aggText);
      let aggregation: Indicator["aggregation"] | undefined;
      if (aggText === "") issues.error(r.at("aggregation"), "cell.required", msg.required());
      else if (!agg || (agg[2] !== undefined && !INDICATOR_ID.test(agg[2]))) {
        issues.error(r.at("aggregation"), "catalogue.aggregation", msg.aggregationInvalid(aggText));
      } else aggregation = agg[2] === undefined ? { method: "sum" } : { method: "weighted-mean", weight: agg[2] };

      const decText = text(r.get("decimals"));
      const decimals = Number(decText);
      if (decText === "") issues.error(r.at("decimals"), "cell.required", msg.required());
      else if (!/^\d+$/.test(decText) || decimals > 6)
        issues.error(r.at("decimals"), "catalogue.decimals", msg.decimalsInvalid(decText));

      const tolText = text(r.get("tolerance"));
      const tolMatch = /^(\d+\.?\d*|\.\d+)\s*(%?)$/.exec(tolText);
      const tolerance = tolText === "" ? DEFAULT_TOLERANCE : tolMatch ? Number(tolMatch[1]) / (tolMatch[2] ? 100 : 1) : undefined;
      if (tolerance === undefined) issues.error(r.at("tolerance"), "catalogue.tolerance", msg.toleranceInvalid(tolText));

      const headline = flag(r, "headline", issues);
      const context = flag(r, "context", issues);
      const cautionZh = text(r.get("caution_zh"));
      const cautionEn = text(r.get("caution_en"));
      const denominators = inlineDenominators(r, id, issues);

      if (issues.errors > before || !pillar || !name || !unit || !frequency || !direction || !aggregation) {
        broken.add(id);
        continue;
      }
      const partial: Indicator = {
        id,
        pillar,
        name,
        unit,
        description,
        source,
        frequency,
        direction,
        levels: levels as Level[],
        aggregation,
        decimals,
        targets: [],
      };
      const targets = inlineTargets(r, partial, match, issues);
      if (!targets) {
        broken.add(id);
        continue;
      }
      // Optional fields only when given, in the contract's order: absent means false.
      const indicator: Indicator = { ...partial, targets };
      if (headline !== undefined && headline !== "invalid") indicator.headline = headline;
      if (context !== undefined && context !== "invalid") indicator.context = context;
      if (cautionZh !== "" || cautionEn !== "") indicator.caution = { zh: cautionZh, en: cautionEn };
      if (measure !== undefined && measure !== "invalid") indicator.measure = measure;
      if (denominators && denominators.length > 0) indicator.denominators = denominators;
      entries.set(id, {
        indicator,
        tolerance: tolerance as number,
        levelsAt: r.at("levels"),
        aggregationAt: r.at("aggregation"),
        denominatorsAt: r.at("denominators"),
        where: r.where,
      });
    }
  }
  // Weights: in the catalogue, and no indicator weighted (even through others) by itself.
  for (const [id, e] of entries) {
    const agg = e.indicator.aggregation;
    if (agg.method !== "weighted-mean") continue;
    if (!entries.has(agg.weight) && !broken.has(agg.weight)) {
      issues.error(e.aggregationAt, "catalogue.weight", msg.weightUnknown(agg.weight));
      broken.add(id);
      continue;
    }
    const seen = new Set([id]);
    for (let w: string | undefined = agg.weight; w !== undefined; ) {
      if (seen.has(w)) {
        issues.error(e.aggregationAt, "catalogue.weight-cycle", msg.weightCycle(id));
        broken.add(id);
        break;
      }
      seen.add(w);
      const next: Indicator["aggregation"] | undefined = entries.get(w)?.indicator.aggregation;
      w = next?.method === "weighted-mean" ? next.weight : undefined;
    }
  }
  // Denominators: in the catalogue. What the dashboard would ignore is a warning: denominators
  // of a rate or a base figure, and one not published at every level the indicator is.
  for (const [id, e] of entries) {
    const ind = e.indicator;
    if (!ind.denominators || broken.has(id)) continue;
    const unknown = ind.denominators.filter((d) => !entries.has(d.indicator) && !broken.has(d.indicator));
    for (const d of unknown) issues.error(e.denominatorsAt, "denominator.unknown", msg.denominatorUnknown(d.indicator));
    if (unknown.length > 0) {
      broken.add(id);
      continue;
    }
    if (!isAmount(ind)) {
      issues.warning(e.denominatorsAt, "denominator.not-amount", msg.denominatorNotAmount(id, isRate(ind)));
      continue;
    }
    for (const d of ind.denominators) {
      const den = entries.get(d.indicator)?.indicator;
      const missing = den ? ind.levels.filter((l) => !den.levels.includes(l)) : [];
      if (missing.length > 0) issues.warning(e.denominatorsAt, "denominator.levels", msg.denominatorLevels(d.indicator, missing));
    }
  }
  for (const id of broken) entries.delete(id);
  return { entries, broken };
}

/** Reads targets tables and appends each target to its indicator, after its inline targets. */
export function readTargets(tables: RowReader[][], catalogue: Catalogue, match: Matcher, issues: Issues): void {
  for (const rows of tables) {
    for (const r of rows) {
      const id = text(r.get("indicator"));
      const entry = catalogue.entries.get(id);
      if (!entry) {
        if (id === "") issues.error(r.at("indicator"), "cell.required", msg.required());
        else if (!catalogue.broken.has(id)) issues.error(r.at("indicator"), "indicator.unknown", msg.indicatorUnknown(id));
        continue;
      }
      const ind = entry.indicator;
      const region = regionCode(r.get("region"), r.at("region"), match, issues);
      const period = periodOf(r.get("period"), r.at("period"), ind, issues);
      const value = readValue(r, "value", ind, issues);
      // "No value" marks (`-`, `NA`) are for data: a target has a value.
      if (value === null) {
        const raw = text(r.get("value"));
        issues.error(
          r.at("value"),
          raw === "" ? "cell.required" : "value.not-a-number",
          raw === "" ? msg.required() : msg.valueNotNumber(raw),
        );
      }
      const baseValue = { value: readValue(r, "base_value", ind, issues), at: r.at("base_value") };
      const base =
        period === undefined
          ? undefined
          : targetBase({ cell: r.get("base_period"), at: r.at("base_period") }, baseValue, period, ind, issues);
      const source = requiredPair(r, "source", issues);
      if (region !== undefined && period !== undefined && typeof value === "number" && base !== "invalid" && source) {
        ind.targets.push({ region, period, value, source, ...(base ? { base } : {}) });
      }
    }
  }
}

/** Reads milestones tables: a date (YYYY-MM-DD) and a label in both languages. */
export function readMilestones(tables: RowReader[][], issues: Issues): NonNullable<Meta["milestones"]> {
  const out: NonNullable<Meta["milestones"]> = [];
  for (const rows of tables) {
    for (const r of rows) {
      const date = text(r.get("date"));
      const day = new Date(`${date}T00:00:00Z`);
      // Not only the shape: 2023-02-30 is no day.
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
      if (date === "") issues.error(r.at("date"), "cell.required", msg.required());
      else if (!valid) issues.error(r.at("date"), "milestone.date", msg.dateInvalid(date));
      const label = requiredPair(r, "label", issues);
      if (valid && label) out.push({ date, label });
    }
  }
  return out;
}
