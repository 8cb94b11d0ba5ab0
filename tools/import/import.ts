/**
 * The importer as one pure step: input files in, a validated contract-v1 dataset (or the
 * list of what to fix) out. read → recognise tables → catalogue → data → derive and check →
 * contract validation. Nothing here touches the file system; see `files.ts` for that.
 */
import { createHash } from "node:crypto";
import type { Dataset } from "../../mock/generate";
import { buildRegions } from "../../mock/regions";
import { snapshotFiles } from "../../mock/snapshot";
import {
  IndicatorsResponseSchema,
  type Meta,
  MetaSchema,
  type Observation,
  ObservationsResponseSchema,
  type Region,
  RegionsResponseSchema,
  type Status,
  type Text,
} from "../../src/api/contract";
import { issueText } from "../../src/api/issue-text";
import { LevelBundleSchema } from "../../src/api/level-bundle";
import { YearFileSchema } from "../../src/api/year-file";
import { readCatalogue, readMilestones, readTargets } from "./catalogue";
import { buildTree, type Completion, checkQuarters, complete, toObservations } from "./derive";
import { classify, type TableKind } from "./format";
import { type Issue, Issues } from "./issues";
import { msg } from "./messages";
import { type FactTable, readData } from "./observations";
import { type Encoding, type ImportInput, readInput } from "./read";
import { regionMatcher } from "./regions";
import { type RowReader, readRows } from "./table";

export const DEFAULT_TITLE: Text = { zh: "广东省数字经济发展监测", en: "Guangdong Digital Economy Monitor" };

export interface ImportOptions {
  /** How CSV files are decoded (default: detected). */
  encoding?: Encoding;
  /** `meta.dataVersion`; default `import-` and a hash of the imported content. */
  dataVersion?: string;
  /** `meta.updatedAt`; default now. */
  updatedAt?: string;
  title?: Text;
  /** The status of values derived from their children (default `estimated`). */
  derivedStatus?: Status;
  /** The region tree (default: the project's division list). */
  regions?: Region[];
}

/** What was read from one table, for the report. */
export interface TableReport {
  file: string;
  sheet?: string;
  encoding?: string;
  kind: TableKind | "skipped";
  rows: number;
}

/** Per indicator: values given, and derived and published by level. */
export interface IndicatorReport extends Completion {
  id: string;
  published: number;
}

export type ImportResult =
  | { ok: true; dataset: Dataset; issues: Issue[]; tables: TableReport[]; indicators: IndicatorReport[] }
  | { ok: false; issues: Issue[]; tables: TableReport[] };

/** Catalogue order, each weight before the indicators weighted by it. */
function dependencyOrder(ids: string[], weightOf: (id: string) => string | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const w = weightOf(id);
    if (w !== undefined) visit(w);
    out.push(id);
  };
  for (const id of ids) visit(id);
  return out;
}

/** The contract's schema for each snapshot file. */
function validateFiles(data: Dataset, issues: Issues): void {
  for (const [name, body] of snapshotFiles(data)) {
    const schema =
      name === "meta.json"
        ? MetaSchema
        : name === "regions.json"
          ? RegionsResponseSchema
          : name === "indicators.json"
            ? IndicatorsResponseSchema
            : name.startsWith("years/")
              ? YearFileSchema
              : name.startsWith("bundles/")
                ? LevelBundleSchema
                : ObservationsResponseSchema;
    const r = schema.safeParse(body);
    if (!r.success) {
      const first = r.error.issues[0];
      issues.error({ file: name }, "contract", msg.contractBroken(name, `${first.path.join(".")}: ${issueText(first, body)}`));
    }
  }
}

/** `2026-03-31T08:00:00Z`: now, to the second. */
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export async function importTables(inputs: readonly ImportInput[], options: ImportOptions = {}): Promise<ImportResult> {
  const issues = new Issues();
  const regions = options.regions ?? buildRegions();
  const match = regionMatcher(regions);

  // 1. Read every input and sort its tables by kind.
  const byKind: Record<TableKind, RowReader[][]> = { data: [], catalogue: [], targets: [], milestones: [], regions: [] };
  const tables: TableReport[] = [];
  for (const input of inputs) {
    for (const t of await readInput(input, options.encoding ?? "auto", issues)) {
      const kind = classify(t.header);
      const where = { file: t.file, ...(t.sheet === undefined ? {} : { sheet: t.sheet }) };
      tables.push({ ...where, ...(t.encoding ? { encoding: t.encoding } : {}), kind: kind ?? "skipped", rows: t.rows.length });
      if (kind === undefined) issues.warning({ ...where, row: 1 }, "table.unknown", msg.tableUnknown());
      // The region list of the template is for reference: the tree is the project's own.
      else if (kind !== "regions") {
        const rows = readRows(t, kind, issues);
        if (rows) byKind[kind].push(rows);
      }
    }
  }
  // A file that cannot be read, or a table without its columns: everything after would be noise.
  if (issues.errors > 0) return { ok: false, issues: issues.list, tables };

  // 2. Catalogue, targets, milestones; then the data, checked against them.
  const catalogue = readCatalogue(byKind.catalogue, match, issues);
  if (catalogue.entries.size === 0) {
    // Without indicators every data row would be "unknown": say the one thing that matters.
    if (issues.errors === 0)
      issues.error({ file: inputs.map((i) => i.name).join(", ") }, "inputs.no-catalogue", msg.noCatalogue());
    return { ok: false, issues: issues.list, tables };
  }
  readTargets(byKind.targets, catalogue, match, issues);
  const milestones = readMilestones(byKind.milestones, issues);
  const facts = readData(byKind.data, catalogue, match, issues);

  // 3. Check quarters against their years as given; derive and check up the tree, weights first.
  const tree = buildTree(regions);
  const ids = [...catalogue.entries.keys()];
  for (const [id, entry] of catalogue.entries) checkQuarters(entry, facts.get(id) as FactTable, tree, issues);
  const weightOf = (id: string) => {
    const a = catalogue.entries.get(id)?.indicator.aggregation;
    return a?.method === "weighted-mean" ? a.weight : undefined;
  };
  const completions = new Map<string, Completion>();
  for (const id of dependencyOrder(ids, weightOf)) {
    const w = weightOf(id);
    const entry = catalogue.entries.get(id);
    if (!entry) continue;
    completions.set(
      id,
      complete(
        entry,
        facts.get(id) as FactTable,
        w ? facts.get(w) : undefined,
        tree,
        options.derivedStatus ?? "estimated",
        issues,
      ),
    );
  }
  if (issues.errors > 0) return { ok: false, issues: issues.list, tables };

  // 4. The dataset, in catalogue order, then validated against the contract.
  const observations = new Map<string, Observation[]>(
    ids.map((id) => [id, toObservations(facts.get(id) as FactTable, catalogue.entries.get(id)?.indicator.levels ?? [], tree)]),
  );
  const indicators = ids.map((id) => catalogue.entries.get(id)?.indicator).filter((i) => i !== undefined);
  const years = [...observations.values()].flatMap((obs) => obs.map((o) => Number(o.period.slice(0, 4))));
  const content = { regions, indicators, observations: [...observations], milestones };
  const meta: Meta = {
    title: options.title ?? DEFAULT_TITLE,
    // The content's hash, not the files': the same figures in UTF-8, GB18030 or XLSX are the same version.
    dataVersion:
      options.dataVersion ?? `import-${createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12)}`,
    updatedAt: options.updatedAt ?? now(),
    simulated: false,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
  if (milestones.length > 0) meta.milestones = milestones;
  const dataset: Dataset = { meta, regions, indicators, observations };
  validateFiles(dataset, issues);
  if (issues.errors > 0) return { ok: false, issues: issues.list, tables };
  const report = ids.map((id) => ({
    id,
    ...(completions.get(id) as Completion),
    published: observations.get(id)?.length ?? 0,
  }));
  return { ok: true, dataset, issues: issues.list, tables, indicators: report };
}
