import type { EChartsType } from "echarts/core";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from "react";
import { useConfig } from "../../api/context";
import type { Indicator, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useIndicators, useRegions } from "../../api/hooks";
import { Chart } from "../../charts/Chart";
import type { EChartsOption } from "../../charts/echarts";
import { buildChoroplethOption } from "../../charts/map/choropleth-option";
import { centroids } from "../../charts/map/geo";
import { MapTable } from "../../charts/map/MapTable";
import { measuredMapRowsTable } from "../../charts/map/map-csv";
import { buildRows, mapMeasure, periodsOf } from "../../charts/map/map-data";
import { buildProportionalOption } from "../../charts/map/proportional-option";
import { buildRankingOption, rankingRows } from "../../charts/map/ranking-option";
import { useBoundaries, useMapName } from "../../charts/map/use-boundaries";
import { BIN_METHODS } from "../../domain/bin-methods";
import { computeBreaks } from "../../domain/bins";
import { resolveIndicator } from "../../domain/catalogue";
import { isAmount, measuresOf } from "../../domain/intensity";
import { isQuarter, sameFrequency } from "../../domain/periods";
import type { ExportSpec } from "../../export/spec";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useMeasured } from "../../measures/use-measured";
import { useApp } from "../../state/context";
import { ExportMenu } from "../../ui/ExportMenu";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { MeasureNotice, MeasureSelect } from "../../ui/MeasureControls";
import { Empty, Panel, QueryGate, Skeleton } from "../../ui/Panel";
import { ProfileLink, profilePatch } from "../../ui/ProfileLink";
import { RegionSearch } from "../../ui/RegionSearch";
import { TimeControl } from "../../ui/TimeControl";
import { LevelSwitch, ViewSwitch } from "./MapSwitches";
import { TIER_GROUP, TIER_ID, TIER_LABEL } from "./tiers";

// The index tiers load only when chosen in the picker (they read every indicator of the level).
const TierMap = lazy(() => import("./TierMap"));

/**
 * The Map view: any indicator by city or county, with drill-down and time; an amount in its
 * natural intensive form by default (a choropleth), its total as proportional circles.
 */
export default function MapView() {
  const t = useT();
  const regions = useRegions();
  const indicators = useIndicators();
  const boundaries = useBoundaries();
  const indicatorId = useApp((s) => s.indicator);
  const reject = useApp((s) => s.reject);
  const tiers = indicatorId === TIER_ID;
  const resolved = indicators.data && !tiers ? resolveIndicator(indicators.data, indicatorId) : undefined;
  useEffect(() => {
    if (resolved?.unknown && indicatorId) reject("indicator", indicatorId);
  }, [resolved?.unknown, indicatorId, reject]);

  return (
    <QueryGate queries={[regions, indicators]} height={480}>
      {() =>
        tiers && regions.data && indicators.data ? (
          <Suspense fallback={<Skeleton height={480} />}>
            <TierMap regions={regions.data} indicators={indicators.data} boundaries={boundaries} />
          </Suspense>
        ) : resolved?.indicator && regions.data && indicators.data ? (
          <MapBody indicator={resolved.indicator} indicators={indicators.data} regions={regions.data} boundaries={boundaries} />
        ) : (
          <Empty reason={t("overview.noKpis")} />
        )
      }
    </QueryGate>
  );
}

function MapBody({
  indicator,
  indicators,
  regions,
  boundaries,
}: {
  indicator: Indicator;
  indicators: readonly Indicator[];
  regions: readonly Region[];
  boundaries: ReturnType<typeof useBoundaries>;
}) {
  const t = useT();
  const lang = useLang();
  const config = useConfig();
  const { level, city, year, bins, tab, per, update, reject } = useApp((s) => s);
  const cityRegion = city ? regions.find((r) => r.code === city && r.level === "city") : undefined;
  useEffect(() => {
    if (city && !cityRegion) reject("city", city);
  }, [city, cityRegion, reject]);

  // Drilled into a city: its county-level units; else every unit of the level.
  const drilled = cityRegion !== undefined;
  const effectiveLevel = drilled ? "county" : level;
  const published = indicator.levels.includes(effectiveLevel);
  const query = useMemo(() => ({ indicator: indicator.id, level: effectiveLevel }), [indicator.id, effectiveLevel]);
  const measured = useMeasured(indicator, indicators, per, query, published);
  const { choice } = measured;
  useEffect(() => {
    if (measured.unknown && per) reject("per", per);
  }, [measured.unknown, per, reject]);
  const measures = useMemo(() => measuresOf(indicator, indicators), [indicator, indicators]);
  // The indicator as the measure shows it: every title, legend, tooltip, table and export says it.
  const shown = measured.indicator;
  // A total of an amount is drawn as circles, never as colour classes.
  const circles = choice.denominator === null && isAmount(indicator);
  const observations = { data: measured.data };
  const allUnits = useMemo(() => regionsAtLevel(regions, effectiveLevel), [regions, effectiveLevel]);
  const units = useMemo(
    () => (drilled ? allUnits.filter((u) => u.parent === city || u.code === city) : allUnits),
    [allUnits, drilled, city],
  );
  const periods = useMemo(() => periodsOf(observations.data ?? []), [observations.data]);
  const years = periods.filter((p) => !isQuarter(p));
  const latest = [...years].reverse().find((p) => observations.data?.some((o) => o.period === p && o.value !== null));
  const period = year && periods.includes(year) ? year : latest;
  useEffect(() => {
    if (year && measured.settled && periods.length && !periods.includes(year)) {
      reject("year", year);
    }
  }, [year, periods, measured.settled, reject]);

  const rows = useMemo(
    () => (period && measured.data ? buildRows(allUnits, measured.data, period, shown) : []),
    [allUnits, measured.data, period, shown],
  );
  const shownRows = useMemo(() => {
    const codes = new Set(units.map((u) => u.code));
    return rows.filter((r) => codes.has(r.code));
  }, [rows, units]);
  // One scale: classes come from every unit of the level, as the ranks do ("17 / 124"), also
  // when drilled into a city, so that a colour means the same on every map of the level.
  const breaks = useMemo(
    () =>
      computeBreaks(
        rows.map((r) => r.value),
        bins,
      ),
    [rows, bins],
  );
  const counted = { n: rows.filter((r) => r.value !== null).length, level: t(`level.${effectiveLevel}`) };
  const scale = circles ? t("measure.sizeScale", counted) : t("map.scale", counted);
  // Circles keep the level's scale when drilled into a city, as the colour classes do.
  const largest = useMemo(() => Math.max(0, ...rows.map((r) => r.value ?? 0)), [rows]);
  const where = useMemo(
    () => (circles && boundaries.data ? centroids(boundaries.data.counties) : null),
    [circles, boundaries.data],
  );
  const cityWhere = useMemo(
    () => (circles && boundaries.data && effectiveLevel === "city" && !drilled ? centroids(boundaries.data.cities) : null),
    [circles, boundaries.data, effectiveLevel, drilled],
  );
  const measureColumns = useMemo(
    () => mapMeasure(indicator, choice, indicators, lang, t),
    [indicator, choice, indicators, lang, t],
  );

  const mapName = useMapName(boundaries.data, effectiveLevel, drilled ? city : null, units);

  const mapOption = useMemo(
    () =>
      !mapName || !boundaries.data
        ? null
        : circles
          ? buildProportionalOption(
              {
                mapName,
                indicator: shown,
                rows: shownRows,
                centroids: (cityWhere ?? where) as ReadonlyMap<string, [number, number]>,
                frame: drilled ? undefined : boundaries.data.mainland,
                labels: drilled || effectiveLevel === "city",
                scale,
                max: largest,
              },
              lang,
              t,
            )
          : buildChoroplethOption(
              {
                mapName,
                indicator: shown,
                rows: shownRows,
                breaks,
                frame: drilled ? undefined : boundaries.data.mainland,
                labels: drilled || effectiveLevel === "city",
                scale,
              },
              lang,
              t,
            ),
    [
      mapName,
      boundaries.data,
      circles,
      where,
      cityWhere,
      largest,
      shown,
      shownRows,
      breaks,
      drilled,
      effectiveLevel,
      scale,
      lang,
      t,
    ],
  );
  const rankingOption = useMemo(
    () => buildRankingOption({ indicator: shown, rows: shownRows, breaks: circles ? [] : breaks }, lang, t),
    [shown, shownRows, breaks, circles, lang, t],
  );

  // Linked highlighting between the map and the ranking.
  const mapChart = useRef<EChartsType | null>(null);
  const rankChart = useRef<EChartsType | null>(null);
  const highlight = useCallback((code: string | null) => {
    for (const chart of [mapChart.current, rankChart.current]) chart?.dispatchAction({ type: "downplay" });
    if (!code) return;
    mapChart.current?.dispatchAction({ type: "highlight", name: code });
    mapChart.current?.dispatchAction({ type: "showTip", seriesIndex: 0, name: code });
    const index = (rankingOptionData(rankChart.current) ?? []).indexOf(code);
    if (index >= 0) rankChart.current?.dispatchAction({ type: "highlight", seriesIndex: 0, dataIndex: index });
  }, []);

  // A county (or a city without counties, a county-level unit) opens its profile; a city drills down.
  const openOrDrill = useCallback(
    (code: string) => {
      const region = regions.find((r) => r.code === code);
      if (!region || region.level === "province") return;
      if (region.level === "county" || !regions.some((r) => r.parent === region.code)) {
        update(profilePatch(region.code));
        return;
      }
      update({ city: region.code, level: "county" });
    },
    [regions, update],
  );
  const mapEvents = useMemo(
    () => ({
      click: (p: unknown) => openOrDrill((p as { name: string }).name),
      mouseover: (p: unknown) => {
        const code = (p as { name: string }).name;
        const index = (rankingOptionData(rankChart.current) ?? []).indexOf(code);
        if (index >= 0) rankChart.current?.dispatchAction({ type: "highlight", seriesIndex: 0, dataIndex: index });
      },
      mouseout: () => rankChart.current?.dispatchAction({ type: "downplay" }),
    }),
    [openOrDrill],
  );
  const rankEvents = useMemo(
    () => ({
      mouseover: (p: unknown) =>
        mapChart.current?.dispatchAction({ type: "highlight", name: (p as { data: { code: string } }).data.code }),
      mouseout: () => mapChart.current?.dispatchAction({ type: "downplay" }),
      click: (p: unknown) => openOrDrill((p as { data: { code: string } }).data.code),
    }),
    [openOrDrill],
  );

  const title = period ? t("map.mapTitle", { name: pick(shown.name, lang), period }) : pick(shown.name, lang);
  const showTable = tab === "table";
  const place = cityRegion
    ? `${pick(cityRegion.name, lang)}, ${t("level.county")}`
    : `${t("map.province")}, ${t(`level.${effectiveLevel}`)}`;
  // `5g-base-stations-per-population_county_2023_en.png`; the total keeps the id alone.
  const fileId = choice.denominator === null ? indicator.id : `${indicator.id}-per-${choice.per}`;
  const exportSpec = (suffix?: string, option: EChartsOption | null = null): ExportSpec | null =>
    period && measured.settled
      ? {
          title: suffix ? `${t("map.ranking")}: ${title}` : title,
          subtitle: place,
          option,
          file: { indicator: fileId, level: drilled ? `county-${city}` : effectiveLevel, period, lang, suffix },
          csv: () => measuredMapRowsTable(suffix ? rankingRows(shownRows) : shownRows, shown, lang, t, measureColumns),
          indicator: shown,
          source: pick(indicator.source, lang),
        }
      : null;

  return (
    <>
      <Panel title={t("map.title")}>
        <div className="map-controls">
          <IndicatorPicker
            indicators={indicators}
            value={indicator.id}
            onChange={(id) => update({ indicator: id })}
            label={t("overview.indicator")}
            extra={[{ id: TIER_ID, label: pick(TIER_LABEL, lang), group: pick(TIER_GROUP, lang) }]}
          />
          <MeasureSelect measures={measures} value={choice} />
          <LevelSwitch checked={drilled ? null : level} />
          {!circles && (
            <label className="field">
              <span>{t("map.bins")}</span>
              <select value={bins} onChange={(e) => update({ bins: e.target.value as (typeof BIN_METHODS)[number] })}>
                {BIN_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`map.bins.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ViewSwitch table={showTable} />
          <RegionSearch
            regions={regions}
            onPick={(r) => {
              if (r.level === "county" && r.parent && regions.some((x) => x.parent === r.parent)) {
                update({ city: r.parent, level: "county" });
              } else if (r.level === "city") {
                update({ city: null, level: "city" });
              }
              window.setTimeout(() => highlight(r.code), 400);
            }}
          />
        </div>
        <MeasureNotice choice={choice} implicit={measured.implicit} />
        {period && sameFrequency(periods, period).length > 1 && (
          <TimeControl
            periods={sameFrequency(periods, period)}
            value={period}
            onChange={(p, auto) => update({ year: p }, { replace: auto })}
          />
        )}
      </Panel>
      <div className="map-layout">
        <Panel
          title={title}
          className="map-main"
          actions={<ExportMenu id="map" spec={() => exportSpec(undefined, showTable ? null : mapOption)} />}
        >
          <nav aria-label={t("map.breadcrumb")} className="breadcrumb">
            <ol>
              <li>
                {drilled ? (
                  <button type="button" className="link" onClick={() => update({ city: null, level: "city" })}>
                    {t("map.province")}
                  </button>
                ) : (
                  <span aria-current="page">{t("map.province")}</span>
                )}
              </li>
              {cityRegion && (
                <li>
                  <span aria-current="page">{pick(cityRegion.name, lang)}</span> (
                  <ProfileLink code={cityRegion.code}>{t("nav.profile")}</ProfileLink>)
                </li>
              )}
            </ol>
          </nav>
          {!published ? (
            <Empty reason={t("map.notAtLevel", { levels: indicator.levels.map((l) => t(`level.${l}`)).join(", ") })} />
          ) : (
            <QueryGate queries={showTable ? measured.queries : [...measured.queries, boundaries]} height={520}>
              {() =>
                showTable ? (
                  <MapTable rows={shownRows} indicator={shown} caption={title} measure={measureColumns} />
                ) : mapOption ? (
                  <Chart
                    option={mapOption}
                    label={title}
                    height={560}
                    onEvents={mapEvents}
                    onReady={(c) => {
                      mapChart.current = c;
                    }}
                  />
                ) : (
                  <Skeleton height={520} />
                )
              }
            </QueryGate>
          )}
          <p className="map-note">
            {!drilled && effectiveLevel === "city" && !showTable && <span>{t("map.drillHint")} · </span>}
            {config.boundaries.approval ? t("map.approval", { number: config.boundaries.approval }) : t("map.boundaries")}
          </p>
        </Panel>
        <Panel
          title={t("map.ranking")}
          className="map-side"
          actions={<ExportMenu id="map-ranking" spec={() => exportSpec("ranking", rankingOption)} />}
        >
          {published && (
            <QueryGate queries={measured.queries} height={520}>
              {() =>
                shownRows.some((r) => r.value !== null) ? (
                  <Chart
                    option={rankingOption}
                    label={`${t("map.ranking")}: ${title}`}
                    height={Math.max(200, Math.min(shownRows.filter((r) => r.value !== null).length, 30) * 22 + 24)}
                    onEvents={rankEvents}
                    onReady={(c) => {
                      rankChart.current = c;
                    }}
                  />
                ) : (
                  <Empty reason={t("overview.noValues")} />
                )
              }
            </QueryGate>
          )}
        </Panel>
      </div>
    </>
  );
}

/** The region codes of the ranking's bars, in order, read back from the chart. */
function rankingOptionData(chart: EChartsType | null): string[] | undefined {
  const option = chart?.getOption() as { series?: { data?: { code: string }[] }[] } | undefined;
  return option?.series?.[0]?.data?.map((d) => d.code);
}
