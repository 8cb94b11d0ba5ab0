import { useMemo } from "react";
import type { Indicator } from "../../api/contract";
import { useMeta, useObservations } from "../../api/hooks";
import { Chart } from "../../charts/Chart";
import { buildSeriesOption } from "../../charts/series-option";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { Empty, QueryGate } from "../../ui/Panel";

/** The province's path on one indicator over the years, with its targets. */
export function TrendChart({ indicator, region }: { indicator: Indicator; region: string }) {
  const t = useT();
  const lang = useLang();
  const q = useObservations({ indicator: indicator.id, level: "province" });
  const milestones = useMeta().data?.milestones;
  const observations = useMemo(
    () => (q.data ?? []).filter((o) => o.region === region && !o.period.includes("Q")),
    [q.data, region],
  );
  const option = useMemo(
    () =>
      buildSeriesOption(
        {
          indicator,
          lines: [{ name: t("chart.value"), observations }],
          targets: indicator.targets.filter((x) => x.region === region && !x.period.includes("Q")),
          milestones,
        },
        lang,
        t,
      ),
    [indicator, observations, region, milestones, lang, t],
  );
  return (
    <QueryGate queries={[q]} height={320}>
      {() =>
        observations.some((o) => o.value !== null) ? (
          <Chart
            option={option}
            label={t("overview.trendTitle", {
              name: pick(indicator.name, lang),
              from: observations[0]?.period ?? "",
              to: observations.at(-1)?.period ?? "",
            })}
          />
        ) : (
          <Empty reason={t("overview.noValues")} />
        )
      }
    </QueryGate>
  );
}
