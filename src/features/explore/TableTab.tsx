import { useMemo } from "react";
import type { Indicator, Region } from "../../api/contract";
import { isSettled } from "../../api/queries";
import { denominatorOf, measureColumns, measureFileId } from "../../export/measure-columns";
import { formatValue, pick, unitLabel } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { Measured } from "../../measures/use-measured";
import { QueryGate } from "../../ui/Panel";
import { ProfileLink } from "../../ui/ProfileLink";
import { exploreSubtitle, fileLevel, rangeText, tableModelTable } from "./export";
import { type ExportSlot, useFillExportSlot } from "./export-slot";
import type { PeriodRange } from "./range";
import { buildTableModel, type Mark } from "./table-model";
import type { Selection } from "./use-explore-data";

const STATUS_OF: Record<Mark, "preliminary" | "estimated"> = { p: "preliminary", e: "estimated" };

/** Regions (rows) × periods (columns): figures in the indicator's decimals, p/e marks, "—" for gaps. */
export function TableTab({
  indicator,
  published,
  catalogue,
  measure,
  selected,
  range,
  selection,
  exportSlot,
}: {
  /** The indicator as the measure shows it. */
  indicator: Indicator;
  /** The indicator as published (the measure's numerator), and the catalogue naming its denominator. */
  published: Indicator;
  catalogue: readonly Indicator[];
  measure: Pick<Measured, "choice">;
  selected: readonly Region[];
  range: PeriodRange;
  selection: Selection;
  exportSlot: ExportSlot;
}) {
  const t = useT();
  const lang = useLang();
  const model = useMemo(
    () => buildTableModel({ indicator, regions: selected, observations: selection.observations, periods: range.periods }),
    [indicator, selected, selection.observations, range.periods],
  );
  const missing = t("explore.missing");
  const captionIn = (unit: string) =>
    t("explore.tableCaption", { name: pick(indicator.name, lang), unit, from: range.from, to: range.to });
  // On screen the figures are scaled ("2.31 trillion", unit "yuan"); the CSV keeps raw numbers in 亿元.
  const caption = captionIn(unitLabel(indicator, lang));
  useFillExportSlot(exportSlot, () =>
    selection.queries.every(isSettled)
      ? {
          title: captionIn(pick(indicator.unit, lang)),
          subtitle: exploreSubtitle(selected, rangeText(range.from, range.to), lang, t),
          option: null,
          file: {
            indicator: measureFileId(indicator.id, measure.choice),
            level: fileLevel(selected),
            period: rangeText(range.from, range.to, "-"),
            lang,
            suffix: "table",
          },
          csv: () => {
            const cols = measureColumns(
              { published, shown: indicator, denominator: denominatorOf(measure.choice, catalogue, t), relative: false },
              lang,
              t,
            );
            const byKey = new Map(selection.observations.map((o) => [`${o.region}@${o.period}`, o]));
            return tableModelTable(
              model,
              indicator,
              lang,
              t,
              cols && {
                header: cols.header,
                cells: (code, period) => {
                  const o = byKey.get(`${code}@${period}`);
                  return o ? cols.cells(o) : cols.header.map(() => null);
                },
              },
            );
          },
          indicator: published,
          source: pick(indicator.source, lang),
        }
      : null,
  );
  return (
    <QueryGate queries={selection.queries} height={240}>
      {() => (
        <>
          <div className="table-wrap">
            <table className="catalogue explore-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.name")}</th>
                  {model.periods.map((p) => (
                    <th key={p} scope="col" className="num">
                      {p}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {model.rows.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">
                      <ProfileLink code={row.code}>{pick(row.name, lang)}</ProfileLink>
                      {!row.published && (
                        <span className="tag">{t("explore.notAtLevel", { level: t(`level.${row.level}`) })}</span>
                      )}
                    </th>
                    {row.cells.map((c) => (
                      <td key={c.period} className="num">
                        {c.value === null ? (
                          <>
                            <span aria-hidden="true" title={missing}>
                              —
                            </span>
                            <span className="visually-hidden">{missing}</span>
                          </>
                        ) : (
                          <>
                            {formatValue(c.value, indicator, lang, "—", false)}
                            {c.mark && (
                              <>
                                <sup className="explore-mark" aria-hidden="true" title={t(`status.${STATUS_OF[c.mark]}`)}>
                                  {c.mark}
                                </sup>
                                <span className="visually-hidden"> ({t(`status.${STATUS_OF[c.mark]}`)})</span>
                              </>
                            )}
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(model.marks.length > 0 || model.gaps) && (
            <p className="explore-note">
              {t("explore.legend")}{" "}
              {model.marks.map((m) => (
                <span key={m} className="explore-key">
                  <sup className="explore-mark">{m}</sup> {t(`status.${STATUS_OF[m]}`)}
                </span>
              ))}
              {model.gaps && <span className="explore-key">— {missing}</span>}
            </p>
          )}
        </>
      )}
    </QueryGate>
  );
}
