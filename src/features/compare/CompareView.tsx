import { isSettled } from "../../api/queries";
import { addMessages } from "../../i18n/messages";
import * as compareTexts from "../../i18n/messages-compare";
import "./register";
import "./compare.css";
import { useCallback, useEffect, useMemo } from "react";
import type { Indicator, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useIndicators, useRegions } from "../../api/hooks";
import { periodsOf } from "../../charts/map/map-data";
import { benchmarksFor } from "../../domain/benchmark";
import { resolveIndicator } from "../../domain/catalogue";
import { measuresOf, resolveMeasure } from "../../domain/intensity";
import { selectPeers } from "../../domain/peers";
import { isQuarter } from "../../domain/periods";
import { formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { MAX_REGIONS } from "../../state/url";
import { useUrlRegions } from "../../state/use-url-regions";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { AxisOptions, MeasureNotice, MeasureSelect } from "../../ui/MeasureControls";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { RegionPicker } from "../../ui/RegionPicker";
import {
  benchmarkName,
  type CompareLevel,
  comparableIndicators,
  isComparable,
  pillarIndicators,
  selectionLevels,
  valuesAt,
} from "./compare-data";
import { IndexPanel } from "./IndexPanel";
import { selectionColor } from "./options";
import { RankingPanel, SeriesPanel, SmallMultiples, ValuesTable } from "./panels";
import {
  measurePlans,
  type ObservationSpec,
  useMeasuredLookup,
  useObservationLookup,
  withDenominators,
} from "./use-observations";

// The Compare view's texts load with its chunk (see i18n/messages.ts).
addMessages(compareTexts);

const BOTH: CompareLevel[] = ["city", "county"];

/** The Compare view, for planners: up to 8 regions against benchmarks, peers and each other. */
export default function CompareView() {
  const t = useT();
  const regions = useRegions();
  const indicators = useIndicators();
  const indicatorId = useApp((s) => s.indicator);
  const reject = useApp((s) => s.reject);
  const comparable = useMemo(() => (indicators.data ? comparableIndicators(indicators.data) : undefined), [indicators.data]);
  // Province-only indicators cannot compare cities or counties: the catalogue refuses them here.
  const resolved = comparable ? resolveIndicator(comparable, indicatorId) : undefined;
  useEffect(() => {
    if (resolved?.unknown && indicatorId) reject("indicator", indicatorId);
  }, [resolved?.unknown, indicatorId, reject]);

  return (
    <QueryGate queries={[regions, indicators]} height={480}>
      {() =>
        resolved?.indicator && regions.data && indicators.data && comparable ? (
          <CompareBody
            indicator={resolved.indicator}
            indicators={indicators.data}
            comparable={comparable}
            regions={regions.data}
          />
        ) : (
          <Panel title={t("compare.title")}>
            <Empty reason={t("overview.noKpis")} />
          </Panel>
        )
      }
    </QueryGate>
  );
}

function CompareBody({
  indicator,
  indicators,
  comparable,
  regions,
}: {
  indicator: Indicator;
  indicators: readonly Indicator[];
  comparable: readonly Indicator[];
  regions: readonly Region[];
}) {
  const t = useT();
  const lang = useLang();
  const codes = useApp((s) => s.regions);
  const year = useApp((s) => s.year);
  const per = useApp((s) => s.per);
  const update = useApp((s) => s.update);
  const reject = useApp((s) => s.reject);

  // The measure (per resident, per GDP, per km², total): the natural intensive form by default.
  const measure = useMemo(() => resolveMeasure(indicator, indicators, per), [indicator, indicators, per]);
  const measures = useMemo(() => measuresOf(indicator, indicators), [indicator, indicators]);
  useEffect(() => {
    if (measure.unknown && per) reject("per", per);
  }, [measure.unknown, per, reject]);

  // Codes the data does not know (or the province) leave the selection with a notice; the rest stay.
  const selected = useUrlRegions(regions, isComparable);

  const sel = useMemo(() => selectionLevels(regions, selected), [regions, selected]);
  const { focus, focusLevel, levels } = sel;
  const weightId = indicator.aggregation.method === "weighted-mean" ? indicator.aggregation.weight : null;
  const pillarInds = useMemo(
    () => pillarIndicators(indicators, indicator.pillar, levels),
    [indicators, indicator.pillar, levels],
  );

  // The current indicator's series (and its weight's): the selection panel, the series chart and
  // the values table read them. The small multiples and the index ask for their own series
  // when they come near the viewport (WhenNear), so that their landings do not re-render this.
  const specs = useMemo(() => {
    const s: ObservationSpec[] = BOTH.filter((l) => indicator.levels.includes(l)).map((level) => ({
      indicator: indicator.id,
      level,
    }));
    if (focus && weightId) s.push({ indicator: weightId, level: focusLevel });
    return s;
  }, [indicator, focus, focusLevel, weightId]);
  const plans = useMemo(
    () => measurePlans([indicator, ...pillarInds], indicators, indicator.id, per),
    [indicator, pillarInds, indicators, per],
  );
  const lookup = useObservationLookup(useMemo(() => withDenominators(specs, plans), [specs, plans]));
  const measured = useMeasuredLookup(lookup, plans, regions);
  const shown = plans.get(indicator.id)?.shown ?? indicator;
  const ratio = measure.choice.denominator !== null;

  const cityQ = measured(indicator.id, "city");
  const countyQ = measured(indicator.id, "county");
  const currentQueries = [cityQ, countyQ].flatMap((q) => q?.queries ?? []);
  const periods = useMemo(() => periodsOf([...(cityQ?.data ?? []), ...(countyQ?.data ?? [])]), [cityQ?.data, countyQ?.data]);
  const latest = useMemo(() => {
    const withValue = new Set(
      [...(cityQ?.data ?? []), ...(countyQ?.data ?? [])].filter((o) => o.value !== null).map((o) => o.period),
    );
    return [...periods].reverse().find((p) => !isQuarter(p) && withValue.has(p));
  }, [periods, cityQ?.data, countyQ?.data]);
  const period = year && periods.includes(year) ? year : latest;
  const loaded = currentQueries.length > 0 && currentQueries.every(isSettled) && [cityQ, countyQ].every((q) => !q || q.data);
  useEffect(() => {
    if (year && loaded && periods.length && !periods.includes(year)) reject("year", year);
  }, [year, loaded, periods, reject]);

  // The current indicator's value of every city and county-level unit, for the picker and for peers.
  const values = useMemo(() => {
    if (!period) return new Map<string, number | null>();
    return new Map([...valuesAt(countyQ?.data ?? [], period), ...valuesAt(cityQ?.data ?? [], period)]);
  }, [period, cityQ?.data, countyQ?.data]);
  const focusUnits = useMemo(() => regionsAtLevel(regions, focusLevel), [regions, focusLevel]);
  const focusData = focusLevel === "city" ? cityQ?.data : countyQ?.data;
  const focusValues = useMemo(
    () => (period ? valuesAt(focusData ?? [], period) : new Map<string, number | null>()),
    [period, focusData],
  );
  const peers = useMemo(
    () => (focus ? selectPeers({ focus, units: focusUnits, values: focusValues, selected: codes, max: MAX_REGIONS }) : []),
    [focus, focusUnits, focusValues, codes],
  );
  const benchmarks = useMemo(
    () => (focus && indicator.levels.includes(focusLevel) ? benchmarksFor(focus, focusUnits, focusLevel, regions) : []),
    [focus, focusUnits, focusLevel, regions, indicator.levels],
  );
  const colors = selected.map((_, i) => selectionColor(i));
  // Stable while the values are: the picker keeps its sorted candidates between renders.
  const selectedCodes = useMemo(() => selected.map((r) => r.code), [selected]);
  const valueFor = useCallback((code: string) => values.get(code) ?? null, [values]);
  const noData = t("map.noData");
  const format = useCallback((v: number | null) => formatValue(v, shown, lang, noData), [shown, lang, noData]);
  const missingLevels = levels.filter((l) => !indicator.levels.includes(l));

  let peersNote: string | null = null;
  if (focus && loaded) {
    const zone = focus.zone ? t(`compare.zone.${focus.zone}`) : "";
    const name = pick(focus.name, lang);
    if ((focusValues.get(focus.code) ?? null) === null) peersNote = t("compare.peersNoValue", { name, period: period ?? "" });
    else if (peers.length) {
      peersNote = t("compare.peersHelp", { zone, level: t(`level.${focusLevel}`), name, period: period ?? "" });
    } else if (codes.length < MAX_REGIONS) peersNote = t("compare.peersNone", { zone, level: t(`level.${focusLevel}`) });
  }

  return (
    <div className="compare">
      <Panel title={t("compare.title")} className="compare-select">
        <p className="intro">{t("compare.intro")}</p>
        <div className="map-controls">
          <IndicatorPicker
            indicators={comparable}
            value={indicator.id}
            onChange={(id) => update({ indicator: id })}
            label={t("overview.indicator")}
          />
          <MeasureSelect measures={measures} value={measure.choice} />
          {period && (
            <label className="field">
              <span>{t("compare.period")}</span>
              <select value={period} onChange={(e) => update({ year: e.target.value })}>
                {periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          )}
          <AxisOptions />
        </div>
        <MeasureNotice choice={measure.choice} implicit={measure.implicit} />
        <RegionPicker
          regions={regions}
          selected={selectedCodes}
          max={MAX_REGIONS}
          onChange={(next) => update({ regions: next })}
          valueFor={valueFor}
          formatValue={format}
          colors={colors}
          firstLabel={t("compare.focus")}
        />
        {focus && (
          <div className="peers">
            <button type="button" disabled={!peers.length} onClick={() => update({ regions: [...codes, ...peers] })}>
              {t("compare.peers", { name: pick(focus.name, lang) })}
            </button>
            {peersNote && <span className="muted">{peersNote}</span>}
          </div>
        )}
        {benchmarks.length > 0 && (
          <div className="benchmarks">
            <p>
              <strong>{t("compare.benchmarks")}</strong>:{" "}
              {benchmarks.map((b) => benchmarkName(b, shown, lang, t, ratio)).join(" · ")}
            </p>
            <p className="muted">
              {ratio
                ? t("compare.benchNote.ratio")
                : weightId
                  ? t("compare.benchNote.weighted", {
                      weight: pick(indicators.find((i) => i.id === weightId)?.name ?? { zh: weightId, en: weightId }, lang),
                    })
                  : t("compare.benchNote.sum")}
            </p>
          </div>
        )}
        {!selected.length && <p className="compare-empty">{t("compare.emptySelection")}</p>}
        {missingLevels.length > 0 && (
          <p className="notice" role="status">
            {t("compare.notAtLevel", { levels: indicator.levels.map((l) => t(`level.${l}`)).join(", ") })}
          </p>
        )}
        <QueryGate queries={currentQueries} height={24}>
          {() => null}
        </QueryGate>
      </Panel>
      {selected.length > 0 && period && (
        <div className="compare-grid">
          <SeriesPanel
            indicator={indicator}
            selected={selected}
            sel={sel}
            benchmarks={benchmarks}
            lookup={lookup}
            measured={measured}
            period={period}
          />
          <ValuesTable
            indicator={indicator}
            regions={regions}
            selected={selected}
            sel={sel}
            benchmarks={benchmarks}
            lookup={lookup}
            measured={measured}
            period={period}
          />
          <RankingPanel
            indicator={indicator}
            regions={regions}
            selected={selected}
            sel={sel}
            lookup={lookup}
            measured={measured}
            period={period}
          />
          <SmallMultiples
            indicator={indicator}
            indicators={pillarInds}
            regions={regions}
            selected={selected}
            sel={sel}
            plans={plans}
          />
          <IndexPanel indicators={indicators} regions={regions} selected={selected} sel={sel} period={period} />
        </div>
      )}
      {selected.length > 0 && !period && (
        <Panel title={t("compare.table")}>
          <QueryGate queries={currentQueries}>{() => <Empty reason={t("compare.noValues")} />}</QueryGate>
        </Panel>
      )}
    </div>
  );
}
