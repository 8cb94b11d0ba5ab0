/**
 * What the profile's panels export: pure functions from the profile to the CSV its Export
 * menus offer, so that a test can call the very function the menu calls.
 */
import type { CsvTable } from "../../export/csv";
import { tidy } from "../../export/series-table";
import { changeCells } from "../../export/spec";
import { pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { IndicatorRow, Profile } from "./profile-model";

/**
 * Every pillar's indicators: pillar, indicator, value, unit, change, rank, of, percentile,
 * median, status; in the measure the page lists (`rows`: size-free by default, or the totals).
 */
export function indicatorsTable(
  profile: Profile,
  lang: Lang,
  t: Translate,
  rows: readonly IndicatorRow[] = profile.rows,
): CsvTable {
  return {
    header: [
      t("profile.export.pillar"),
      t("profile.indicator"),
      t("table.value"),
      t("data.unit"),
      t("table.change"),
      t("export.changeUnit"),
      t("table.rank"),
      t("profile.export.of"),
      t("profile.export.percentile"),
      t("profile.export.median"),
      t("table.status"),
    ],
    rows: rows.map((r) => [
      t(`pillar.${r.indicator.pillar}`),
      pick(r.indicator.name, lang),
      r.value,
      pick(r.indicator.unit, lang),
      ...changeCells(r.change, t),
      r.standing?.rank ?? null,
      r.standing?.of ?? null,
      r.standing ? tidy(r.standing.percentile) : null,
      r.standing ? tidy(r.standing.median) : null,
      r.status ? t(`status.${r.status}`) : null,
    ]),
  };
}

/** The standing: the index and each pillar with score, rank, of, tier and the benchmarks' scores. */
export function standingTable(profile: Profile, benchNames: readonly string[], t: Translate): CsvTable {
  return {
    header: [
      t("profile.export.pillar"),
      t("profile.export.score"),
      t("table.rank"),
      t("profile.export.of"),
      t("profile.export.tier"),
      ...benchNames,
    ],
    rows: profile.standing.map((s) => [
      s.pillar === "index" ? t("profile.index") : t(`pillar.${s.pillar}`),
      s.score === null ? null : tidy(s.score),
      s.rank,
      s.of,
      s.tier,
      ...s.benchmarks.map((b) => (b.score === null ? null : tidy(b.score))),
    ]),
  };
}
