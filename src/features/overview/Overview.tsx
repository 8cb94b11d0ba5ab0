import { useEffect } from "react";
import { useIndicators, useMeta, useRegions } from "../../api/hooks";
import { featured, resolveIndicator } from "../../domain/catalogue";
import { useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { KpiCard } from "./KpiCard";
import { TrendChart } from "./TrendPanel";

/** For leaders: the headline figures and one indicator's path against its targets. */
export function Overview() {
  const t = useT();
  const meta = useMeta();
  const regions = useRegions();
  const indicators = useIndicators();
  const indicatorId = useApp((s) => s.indicator);
  const year = useApp((s) => s.year);
  const update = useApp((s) => s.update);
  const reject = useApp((s) => s.reject);

  const resolved = indicators.data ? resolveIndicator(indicators.data, indicatorId) : undefined;
  const years = meta.data
    ? Array.from({ length: meta.data.lastYear - meta.data.firstYear + 1 }, (_, i) => String(meta.data.lastYear - i))
    : [];
  const yearUnknown = year !== null && meta.data !== undefined && !years.includes(year);
  useEffect(() => {
    if (resolved?.unknown && indicatorId) reject("indicator", indicatorId);
  }, [resolved?.unknown, indicatorId, reject]);
  useEffect(() => {
    if (yearUnknown && year) reject("year", year);
  }, [yearUnknown, year, reject]);

  const province = regions.data?.find((r) => r.level === "province")?.code;
  const until = year ?? years[0];

  return (
    <>
      <Panel
        title={t("overview.kpis")}
        actions={
          years.length > 0 && (
            <label className="field">
              <span>{t("overview.period")}</span>
              <select value={until} onChange={(e) => update({ year: e.target.value === years[0] ? null : e.target.value })}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          )
        }
      >
        <p className="intro">{t("overview.kpisIntro")}</p>
        <QueryGate queries={[meta, regions, indicators]} height={200}>
          {() => {
            const list = featured(indicators.data ?? []);
            if (!list.length || !province || !until) return <Empty reason={t("overview.noKpis")} />;
            return (
              <div className="kpi-grid">
                {list.map((ind) => (
                  <KpiCard key={ind.id} indicator={ind} region={province} until={until} />
                ))}
              </div>
            );
          }}
        </QueryGate>
      </Panel>
      <Panel
        title={t("overview.trend")}
        actions={
          indicators.data &&
          resolved?.indicator && (
            <IndicatorPicker
              indicators={indicators.data}
              value={resolved.indicator.id}
              onChange={(id) => update({ indicator: id })}
              label={t("overview.indicator")}
            />
          )
        }
      >
        <QueryGate queries={[regions, indicators]} height={320}>
          {() =>
            resolved?.indicator && province ? (
              <TrendChart indicator={resolved.indicator} region={province} />
            ) : (
              <Empty reason={t("overview.noKpis")} />
            )
          }
        </QueryGate>
      </Panel>
    </>
  );
}
