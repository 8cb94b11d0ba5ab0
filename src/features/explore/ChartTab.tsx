import { useMemo } from "react";
import type { Indicator, Meta, Region } from "../../api/contract";
import { Chart } from "../../charts/Chart";
import { buildSeriesOption } from "../../charts/series-option";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { Empty, QueryGate } from "../../ui/Panel";
import { chartInput } from "./chart-input";
import type { PeriodRange } from "./range";
import type { useSelectionObservations } from "./use-explore-data";

export function ChartTab({
  indicator,
  selected,
  province,
  range,
  milestones,
  selection,
}: {
  indicator: Indicator;
  selected: readonly Region[];
  province: Region;
  range: PeriodRange;
  milestones?: Meta["milestones"];
  selection: ReturnType<typeof useSelectionObservations>;
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
