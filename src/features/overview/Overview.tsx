import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import type { Indicator, Meta, Region } from "../../api/contract";
import { useIndicators, useMeta, useRegions } from "../../api/hooks";
import { useLandedSeries } from "../../api/landed";
import { isSettled } from "../../api/queries";
import { featured, resolveIndicator } from "../../domain/catalogue";
import { change, latestWithPrevious } from "../../domain/change";
import { useRegisterBrief } from "../../export/registry";
import { formatChange, formatValue, pick } from "../../i18n/format";

import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { Empty, Panel, QueryGate, Skeleton } from "../../ui/Panel";
import { createJudgedStore, JudgedContext } from "./judged-store";
import { KpiCard } from "./KpiCard";
import { PillarSummary } from "./PillarSummary";

/** The judged parts, one chunk loaded beside their data (see judged.tsx). */
const judged = () => import("./judged");
const FindingsPart = lazy(() => judged().then((m) => ({ default: m.FindingsPart })));
const TargetsPart = lazy(() => judged().then((m) => ({ default: m.TargetsPart })));
const BehindPart = lazy(() => judged().then((m) => ({ default: m.BehindPart })));
const WarningsPart = lazy(() => judged().then((m) => ({ default: m.WarningsPart })));
const TrendPanel = lazy(() => judged().then((m) => ({ default: m.TrendPanel })));
const JudgmentsSource = lazy(() => judged().then((m) => ({ default: m.JudgmentsSource })));

/** For leaders: the headline figures, progress against targets, where we are behind, and trends. */
export function Overview() {
  const t = useT();
  const meta = useMeta();
  const regions = useRegions();
  const indicators = useIndicators();
  const indicatorId = useApp((s) => s.indicator);
  const year = useApp((s) => s.year);
  const reject = useApp((s) => s.reject);

  const resolved = indicators.data ? resolveIndicator(indicators.data, indicatorId) : undefined;
  const years = meta.data
    ? Array.from({ length: meta.data.lastYear - meta.data.firstYear + 1 }, (_, i) => String(meta.data.lastYear - i))
    : [];
  const yearUnknown = year !== null && meta.data !== undefined && !years.includes(year);
  // The judged chunk on its way beside regions and indicators, not one round trip after them (its
  // parts mount only once those have loaded, and their forty-odd series wait for its code); asked
  // once meta has answered, i.e. after the first paint, which it would otherwise compete with.
  const metaLoaded = meta.data !== undefined;
  useEffect(() => {
    // A failed load is the parts' to report (their boundaries offer Retry), not an unhandled rejection here.
    if (metaLoaded) judged().catch(() => undefined);
  }, [metaLoaded]);
  useEffect(() => {
    if (resolved?.unknown && indicatorId) reject("indicator", indicatorId);
  }, [resolved?.unknown, indicatorId, reject]);
  useEffect(() => {
    if (yearUnknown && year) reject("year", year);
  }, [yearUnknown, year, reject]);

  return (
    <QueryGate queries={[meta, regions, indicators]} height={400}>
      {() => {
        const province = regions.data?.find((r) => r.level === "province")?.code;
        if (!province || !indicators.data || !meta.data || !regions.data) return <Empty reason={t("overview.noKpis")} />;
        return (
          <OverviewPanels
            meta={meta.data}
            regions={regions.data}
            indicators={indicators.data}
            province={province}
            until={year && years.includes(year) ? year : years[0]}
            years={years}
            trendIndicator={resolved?.indicator}
          />
        );
      }}
    </QueryGate>
  );
}

function OverviewPanels({
  meta,
  regions,
  indicators,
  province,
  until,
  years,
  trendIndicator,
}: {
  meta: Meta;
  regions: readonly Region[];
  indicators: readonly Indicator[];
  province: string;
  until: string;
  years: string[];
  trendIndicator: Indicator | undefined;
}) {
  const t = useT();
  const update = useApp((s) => s.update);
  const level = useApp((s) => s.level);
  const list = featured(indicators);
  const lang = useLang();
  // The headline figures in the briefing: the same series the cards read (one request each, shared).
  const kpiSeries = useLandedSeries(list.map((i) => ({ indicator: i.id, level: "province" as const })));
  useRegisterBrief("overview-kpis", 20, () =>
    kpiSeries.every(isSettled)
      ? [
          {
            kind: "table",
            caption: t("overview.kpis"),
            numeric: [false, true, false, true, false],
            table: {
              header: [t("overview.indicator"), t("table.value"), t("export.period"), t("kpi.vsLastYear"), t("table.status")],
              rows: list.map((ind, k) => {
                const { latest, previous } = latestWithPrevious(kpiSeries[k].data ?? [], province, until);
                const c = latest ? change(ind, latest.value, previous?.value ?? null) : null;
                return [
                  pick(ind.name, lang),
                  formatValue(latest?.value ?? null, ind, lang),
                  latest?.period ?? "—",
                  c ? formatChange(c, lang, t) : "—",
                  latest ? t(`status.${latest.status}`) : "—",
                ];
              }),
            },
          },
        ]
      : null,
  );
  const provinceRegion = regions.find((r) => r.code === province) as Region;
  // Every verdict, shortfall and warning on the page comes from one computation (use-judgments.ts).
  const judgedProps = { indicators, regions, province, level, lastYear: meta.lastYear };
  const [judgedStore] = useState(createJudgedStore);
  const part = (height: number, node: React.ReactNode) => <Suspense fallback={<Skeleton height={height} />}>{node}</Suspense>;
  const levelToggle = (
    <button type="button" onClick={() => update({ level: level === "city" ? "county" : "city" })}>
      {t(level === "city" ? "behind.showCounties" : "behind.showCities")}
    </button>
  );
  const panels = [
    <FindingsSection key="findings">{part(96, <FindingsPart {...judgedProps} />)}</FindingsSection>,
    <KpiSection key="kpis" indicators={list} province={province} until={until} years={years} />,
    <Panel key="targets" id="targets" title={t("targets.title")} className="panel-later">
      <p className="intro">{t("targets.intro")}</p>
      {part(200, <TargetsPart {...judgedProps} />)}
    </Panel>,
    trendIndicator ? (
      <Suspense key="trend" fallback={<Skeleton height={320} />}>
        <TrendPanel
          indicator={trendIndicator}
          indicators={indicators}
          province={provinceRegion}
          onPick={(id) => update({ indicator: id })}
          controls
        />
      </Suspense>
    ) : (
      <Panel key="trend" title={t("overview.trend")}>
        <Empty reason={t("overview.noKpis")} />
      </Panel>
    ),
    <div key="split" className="split">
      <Panel title={t("pillars.title")} className="panel-later">
        <PillarSummary indicators={indicators} province={province} year={until} />
      </Panel>
      <Panel id="behind" title={t("behind.title")} className="panel-later">
        <p className="intro">{t("behind.intro")}</p>
        {part(240, <BehindPart {...judgedProps} />)}
        {levelToggle}
      </Panel>
    </div>,
    <Panel key="warnings" id="warnings" title={t("warnings.title")} className="panel-later">
      <p className="intro">{t("warnings.intro", { level: t(`level.${level}`) })}</p>
      {part(200, <WarningsPart {...judgedProps} />)}
      {levelToggle}
    </Panel>,
  ];
  return (
    <JudgedContext value={judgedStore}>
      <Suspense fallback={null}>
        <JudgmentsSource store={judgedStore} {...judgedProps} />
      </Suspense>
      {panels}
    </JudgedContext>
  );
}

/** The key findings' panel around its content: the judged part on the page, the build's findings in the prerendered first screen. */
export function FindingsSection({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Panel id="findings" title={t("findings.title")} className="panel-findings">
      {children}
    </Panel>
  );
}

/** The headline figures of the province up to `until`, with the period to show. */
export function KpiSection({
  indicators,
  province,
  until,
  years,
}: {
  /** The headline indicators, in order. */
  indicators: readonly Indicator[];
  province: string;
  until: string;
  years: readonly string[];
}) {
  const t = useT();
  const update = useApp((s) => s.update);
  return (
    <Panel
      title={t("overview.kpis")}
      className="panel-kpis"
      actions={
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
      }
    >
      <p className="intro">{t("overview.kpisIntro")}</p>
      {indicators.length ? (
        <div className="kpi-grid">
          {indicators.map((ind) => (
            <KpiCard key={ind.id} indicator={ind} region={province} until={until} />
          ))}
        </div>
      ) : (
        <Empty reason={t("overview.noKpis")} />
      )}
    </Panel>
  );
}
