import { useMemo } from "react";
import type { Indicator, Meta, Region } from "../../api/contract";
import { isSettled } from "../../api/queries";
import { applyAxisMode, axisNoteText, withLogAxis } from "../../charts/axis-transform";
import { Chart } from "../../charts/Chart";
import { buildSeriesOption } from "../../charts/series-option";
import { axisSubtitle, denominatorOf, measureColumns, measureFileId, seriesTableWith } from "../../export/measure-columns";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { Measured } from "../../measures/use-measured";
import { useApp } from "../../state/context";
import { Empty, QueryGate } from "../../ui/Panel";
import { chartInput } from "./chart-input";
import { exploreSubtitle, fileLevel, rangeText } from "./export";
import { type ExportSlot, useFillExportSlot } from "./export-slot";
import type { PeriodRange } from "./range";
import type { Selection } from "./use-explore-data";

export function ChartTab({
  indicator,
  published,
  catalogue,
  measure,
  selected,
  province,
  range,
  milestones,
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
  province: Region;
  range: PeriodRange;
  milestones?: Meta["milestones"];
  selection: Selection;
  exportSlot: ExportSlot;
}) {
  const t = useT();
  const lang = useLang();
  const input = useMemo(
    () => chartInput({ indicator, selected, province, range, observations: selection.observations, milestones, lang }),
    [indicator, selected, province, range, selection.observations, milestones, lang],
  );
  const scale = useApp((s) => s.scale);
  const relative = useApp((s) => s.relative);
  const mode = useMemo(() => ({ log: scale === "log", relative }), [scale, relative]);
  const axis = useMemo(
    () => applyAxisMode(input, mode, { zh: t("compare.axisMode.index"), en: t("compare.axisMode.index") }),
    [input, mode, t],
  );
  const option = useMemo(() => withLogAxis(buildSeriesOption(axis.input, lang, t), mode.log), [axis, mode.log, lang, t]);
  const axisNote = axisNoteText(axis.notes, t);
  const hasValues = input.lines.some((l) => l.observations.some((o) => o.value !== null));
  const label = t("explore.chartLabel", {
    name: pick(indicator.name, lang),
    regions: input.lines.map((l) => l.name).join(t("explore.listSeparator")),
    from: range.from,
    to: range.to,
  });
  const provinceShown = selected.some((r) => r.code === province.code);
  // The regions drawn: those published at the indicator's levels.
  const shown = selected.filter((r) => indicator.levels.includes(r.level));
  useFillExportSlot(exportSlot, () =>
    hasValues && selection.queries.every(isSettled)
      ? {
          title: t("explore.chartTitle", { name: pick(indicator.name, lang), from: range.from, to: range.to }),
          subtitle: axisSubtitle(exploreSubtitle(shown, rangeText(range.from, range.to), lang, t), mode, t),
          option,
          file: {
            indicator: measureFileId(indicator.id, measure.choice),
            level: fileLevel(shown),
            period: rangeText(range.from, range.to, "-"),
            lang,
            suffix: ["series", mode.relative ? "relative" : "", mode.log ? "log" : ""].filter(Boolean).join("-"),
          },
          csv: () =>
            seriesTableWith(
              axis.input,
              shown.some((r) => r.code === province.code) ? shown : [...shown, province],
              lang,
              t,
              measureColumns(
                {
                  published,
                  shown: indicator,
                  denominator: denominatorOf(measure.choice, catalogue, t),
                  relative: mode.relative,
                },
                lang,
                t,
              ),
            ),
          // The whole indicator as published (its own unit): the menu's "all regions and periods".
          indicator: published,
          source: pick(indicator.source, lang),
        }
      : null,
  );
  return (
    <QueryGate queries={selection.queries} height={360}>
      {() =>
        hasValues ? (
          <>
            <Chart option={option} label={label} height={380} />
            {axisNote && <p className="explore-note">{axisNote}</p>}
            <p className="explore-note">
              {t("explore.chartNote")}{" "}
              {indicator.targets.length > 0 && !range.quarterly
                ? t(provinceShown ? "explore.targetsNote" : "explore.targetsHidden")
                : null}
            </p>
          </>
        ) : (
          <Empty reason={t("explore.noValues")} />
        )
      }
    </QueryGate>
  );
}
