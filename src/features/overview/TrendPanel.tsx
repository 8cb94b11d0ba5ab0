import { useMemo } from "react";
import type { Indicator, Region } from "../../api/contract";
import { useMeta, useObservations } from "../../api/hooks";
import { Chart } from "../../charts/Chart";
import { buildSeriesOption } from "../../charts/series-option";
import { seriesOf } from "../../domain/series";
import { observationsTable } from "../../export/spec";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { ExportMenu } from "../../ui/ExportMenu";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { Empty, Panel, QueryGate } from "../../ui/Panel";

/** The province's path on one indicator over the years, with its targets and the policy milestones. */
export function TrendPanel({
  indicator,
  indicators,
  province,
  onPick,
  controls,
}: {
  indicator: Indicator;
  indicators: readonly Indicator[];
  province: Region;
  onPick: (id: string) => void;
  /** Show the picker and the export menu (not on a wall display). */
  controls: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const q = useObservations({ indicator: indicator.id, level: "province" });
  const milestones = useMeta().data?.milestones;
  const region = province.code;
  const observations = useMemo(() => seriesOf(q.data ?? [], region), [q.data, region]);
  const option = useMemo(
    () =>
      buildSeriesOption(
        {
          indicator,
          lines: [{ name: pick(province.name, lang), observations }],
          targets: indicator.targets.filter((x) => x.region === region && !x.period.includes("Q")),
          milestones,
        },
        lang,
        t,
      ),
    [indicator, observations, province, region, milestones, lang, t],
  );
  const [from, to] = [observations[0]?.period ?? "", observations.at(-1)?.period ?? ""];
  const title = t("overview.trendTitle", { name: pick(indicator.name, lang), from, to });
  return (
    <Panel
      title={t("overview.trend")}
      actions={
        controls && (
          <>
            <IndicatorPicker indicators={indicators} value={indicator.id} onChange={onPick} label={t("overview.indicator")} />
            <ExportMenu
              id="overview-trend"
              spec={() => ({
                title,
                subtitle: `${pick(province.name, lang)}, ${t("level.province")}`,
                option,
                file: { indicator: indicator.id, level: "province", period: `${from}-${to}`, lang },
                csv: () => observationsTable(indicator, [province], observations, lang, t),
                indicator,
                source: pick(indicator.source, lang),
              })}
            />
          </>
        )
      }
    >
      <QueryGate queries={[q]} height={320}>
        {() =>
          observations.some((o) => o.value !== null) ? (
            <Chart option={option} label={title} />
          ) : (
            <Empty reason={t("overview.noValues")} />
          )
        }
      </QueryGate>
    </Panel>
  );
}
