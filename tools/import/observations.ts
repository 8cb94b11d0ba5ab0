/**
 * The data tables' rows, validated cell by cell and gathered per indicator: region by code
 * or name, period within the indicator's frequency, value a number (a rate within 0–100),
 * status one of the contract's, each (region, indicator, period) once across all inputs.
 */
import type { Status } from "../../src/api/contract";
import { roundTo } from "../../src/domain/aggregate";
import { isRate } from "../../src/domain/measure";
import { type Catalogue, periodOf, readValue, regionCode } from "./catalogue";
import { parseStatus, text } from "./format";
import type { Issues, Where } from "./issues";
import { msg } from "./messages";
import type { RegionMatch } from "./regions";
import type { RowReader } from "./table";

/** One value as the tables give it (or as derived from its children). */
export interface Fact {
  value: number | null;
  status: Status;
  /** The value cell it came from; absent when derived. */
  where?: Where;
}

/** One indicator's facts: region code → period → fact. */
export type FactTable = Map<string, Map<string, Fact>>;

export const getFact = (t: FactTable | undefined, code: string, period: string): Fact | undefined => t?.get(code)?.get(period);

export function setFact(t: FactTable, code: string, period: string, fact: Fact): void {
  let row = t.get(code);
  if (!row) {
    row = new Map();
    t.set(code, row);
  }
  row.set(period, fact);
}

/** Reads every data table into one fact table per indicator of the catalogue. */
export function readData(
  tables: RowReader[][],
  catalogue: Catalogue,
  match: (cell: string) => RegionMatch,
  issues: Issues,
): Map<string, FactTable> {
  const out = new Map<string, FactTable>([...catalogue.entries.keys()].map((id) => [id, new Map()]));
  for (const rows of tables) {
    for (const r of rows) {
      const id = text(r.get("indicator"));
      const entry = catalogue.entries.get(id);
      if (!entry) {
        if (id === "") issues.error(r.at("indicator"), "cell.required", msg.required());
        else if (!catalogue.broken.has(id)) issues.error(r.at("indicator"), "indicator.unknown", msg.indicatorUnknown(id));
        // Still check the region, so that one pass reports every problem of the row.
        regionCode(r.get("region"), r.at("region"), match, issues);
        continue;
      }
      const ind = entry.indicator;
      const region = regionCode(r.get("region"), r.at("region"), match, issues);
      const period = periodOf(r.get("period"), r.at("period"), ind, issues);

      let value = readValue(r, "value", ind, issues);
      if (value !== undefined && value !== null) {
        if (isRate(ind) && (value < 0 || value > 100)) {
          issues.error(r.at("value"), "value.rate-range", msg.rateOutOfRange(value, id));
        }
        const rounded = roundTo(value, ind.decimals);
        // Float noise (0.30000000000000004) is not worth a warning; a real extra decimal is.
        if (Math.abs(rounded - value) > 1e-9 * Math.max(1, Math.abs(value))) {
          issues.warning(r.at("value"), "value.rounded", msg.valueRounded(value, ind.decimals, rounded));
        }
        value = rounded;
      }

      const status = parseStatus(r.get("status"));
      if (status === undefined) issues.error(r.at("status"), "status.invalid", msg.statusInvalid(text(r.get("status"))));

      if (region === undefined || period === undefined || value === undefined || status === undefined) continue;
      const table = out.get(id) as FactTable;
      const first = getFact(table, region, period);
      if (first?.where) {
        issues.error(r.where, "row.duplicate", msg.duplicate(`${region} ${id} ${period}`, first.where));
        continue;
      }
      setFact(table, region, period, { value, status, where: r.at("value") });
    }
  }
  return out;
}
