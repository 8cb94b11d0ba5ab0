import { useMemo } from "react";
import type { Indicator, Meta, Region } from "../../api/contract";
import { isSettled } from "../../api/queries";
import { Chart } from "../../charts/Chart";
import { buildSeriesOption } from "../../charts/series-option";
import { seriesTable } from "../../export/series-table";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { Empty, QueryGate } from "../../ui/Panel";
import { chartInput } from "./chart-input";
import { exploreSubtitle, fileLevel, rangeText } from "./export";
import { type ExportSlot, useFillExportSlot } from "./export-slot";
import type { PeriodRange } from "./range";
import type { useSelectionObservations } from "./use-explore-data";

export function ChartTab({
  indicator,
  selected,
  province,
  range,
  milestones,
  selection,
  exportSlot,
}: {
  indicator: Indicator;
  selected: readonly Region[];
  province: Region;
  range: PeriodRange;
  milestones?: Meta["milestones"];
  selection: ReturnType<typeof useSelectionObservations>;
  exportSlot: ExportSlot;
}) {
  const t = useT();
  const lang = useLang();
  const input = useMemo(
    () => chartInput({ indicator, selected, province, range, observations: selection.observations, milestones, lang }),
    [indicator, selected, province, range, selection.observations, milestones, lang],
  );
  const option = useMemo(() => buildSeriesOption(input, lang, t), [input, lang, t]);
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
          subtitle: exploreSubtitle(shown, rangeText(range.from, range.to), lang, t),
          option,
          file: {
            indicator: indicator.id,
            level: fileLevel(shown),
            period: rangeText(range.from, range.to, "-"),
            lang,
            suffix: "series",
          },
          csv: () => seriesTable(input, shown.some((r) => r.code === province.code) ? shown : [...shown, province], lang, t),
          indicator,
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
