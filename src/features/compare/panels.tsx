import { useMemo } from "react";
import type { Indicator, Observation, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useMeta } from "../../api/hooks";
import { isSettled } from "../../api/queries";
import { type AxisMode, type AxisNotes, applyAxisMode, axisNoteText, withLogAxis } from "../../charts/axis-transform";
import { Chart } from "../../charts/Chart";
import { buildRows, type MapRow } from "../../charts/map/map-data";
import { regionTooltip } from "../../charts/map/tooltip";
import { buildSeriesOption, type Line } from "../../charts/series-option";
import { type Benchmark, benchmarksFor } from "../../domain/benchmark";
import { isQuarter } from "../../domain/periods";
import { axisSubtitle, denominatorOf, measureColumns, measureFileId, seriesTableWith } from "../../export/measure-columns";
import { type ExportSpec, mapRowsTable } from "../../export/spec";
import { formatChange, formatValue, pick, unitLabel } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { MAX_REGIONS } from "../../state/url";
import { ExportMenu } from "../../ui/ExportMenu";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { ProfileLink } from "../../ui/ProfileLink";
import {
  benchmarkName,
  benchmarkPath,
  benchmarkRows,
  type CompareLevel,
  pathOf,
  rankingSlots,
  type SelectionLevels,
} from "./compare-data";
import { compareSubtitle, fileLevel, spanOf, spanText, valuesTable } from "./export";
import { memoBy } from "./memo";
import { buildRankingBarsOption, buildSmallMultipleOption, selectionColor } from "./options";
import {
  type MeasuredLookup,
  type MeasurePlan,
  type ObservationLookup,
  useMeasuredLookup,
  useObservationLookup,
  withDenominators,
} from "./use-observations";
import { WhenNear } from "./WhenNear";

/** A file name's suffix with the axis mode: `series-relative-log`. */
const seriesSuffix = (base: string, mode: AxisMode) =>
  [base, mode.relative ? "relative" : "", mode.log ? "log" : ""].filter(Boolean).join("-");
const weightOf = (ind: Indicator) => (ind.aggregation.method === "weighted-mean" ? ind.aggregation.weight : null);

interface PanelProps {
  /** The indicator as published (the measure's numerator). */
  indicator: Indicator;
  selected: readonly Region[];
  sel: SelectionLevels;
  lookup: ObservationLookup;
  /** The observations in the measure shown (per resident, per GDP, per km² or the total). */
  measured: MeasuredLookup;
}

/** The selected regions at the level they are compared at (Dongguan among counties when the focus is one). */
const asCompared = (selected: readonly Region[], sel: SelectionLevels): Region[] =>
  selected.map((r) => ({ ...r, level: sel.levelOf.get(r.code) ?? r.level }));

/**
 * An indicator's observations at each level in the measure shown, the indicator as shown, and
 * its benchmarks' rule: the ratio of sums for a measure, else its own aggregation (with the
 * weight's observations at the focus level for a rate).
 */
function useLevelData(indicator: Indicator, sel: SelectionLevels, lookup: ObservationLookup, measured: MeasuredLookup) {
  const city = measured(indicator.id, "city");
  const county = measured(indicator.id, "county");
  const plan = city ?? county;
  const shown = plan?.shown ?? indicator;
  const ratioScale = plan?.choice.denominator ? plan.choice.scale : null;
  const weightId = ratioScale === null ? weightOf(indicator) : null;
  const weightQ = weightId ? lookup(weightId, sel.focusLevel) : undefined;
  const queries = [...sel.levels.flatMap((l) => measured(indicator.id, l)?.queries ?? []), ...(weightQ ? [weightQ] : [])];
  return { queries, shown, plan, ratioScale, city: city?.data, county: county?.data, weights: weightQ?.data };
}

/** The axis mode of the URL (`scale=log`, `relative=1`). */
export function useAxisMode(): AxisMode {
  const scale = useApp((s) => s.scale);
  const relative = useApp((s) => s.relative);
  return useMemo(() => ({ log: scale === "log", relative }), [scale, relative]);
}

/** What the axis mode left out or shifted, said under the chart. */
export function AxisNote({ notes }: { notes: AxisNotes }) {
  const t = useT();
  const text = axisNoteText(notes, t);
  return text ? <p className="muted compare-note axis-note">{text}</p> : null;
}

/** (1) The indicator over time for the selected regions, with the focus's benchmarks dashed. */
export function SeriesPanel({
  indicator,
  selected,
  sel,
  lookup,
  measured,
  benchmarks,
  period,
}: PanelProps & { benchmarks: readonly Benchmark[]; period: string }) {
  const t = useT();
  const lang = useLang();
  const milestones = useMeta().data?.milestones;
  const mode = useAxisMode();
  const { queries, city, county, weights, shown, plan, ratioScale } = useLevelData(indicator, sel, lookup, measured);
  const quarterly = isQuarter(period);
  const province = benchmarks.find((b) => b.kind === "province")?.region?.code;
  const rate = shown.aggregation.method === "weighted-mean" && ratioScale === null;
  const lines = useMemo((): Line[] => {
    const data: Record<CompareLevel, readonly Observation[]> = { city: city ?? [], county: county ?? [] };
    return [
      ...selected.map((r) => ({
        name: pick(r.name, lang),
        observations: pathOf(data[sel.levelOf.get(r.code) ?? "city"], r.code, quarterly),
      })),
      ...benchmarks.map((b) => ({
        name: benchmarkName(b, shown, lang, t, ratioScale !== null),
        benchmark: true,
        observations: benchmarkPath(b.members, shown, data[sel.focusLevel], weights, ratioScale).filter(
          (o) => isQuarter(o.period) === quarterly,
        ),
      })),
    ];
  }, [selected, benchmarks, city, county, weights, sel, quarterly, shown, ratioScale, lang, t]);
  // Targets of a selected region; the province's only for a rate, whose province benchmark is the province's own figure.
  const codes = new Set(selected.map((r) => r.code));
  const targets = shown.targets.filter(
    (x) => isQuarter(x.period) === quarterly && (codes.has(x.region) || (rate && x.region === province)),
  );
  const hidden = !rate && shown.targets.some((x) => x.region === province);
  const axis = useMemo(
    () =>
      applyAxisMode({ indicator: shown, lines, targets, milestones, quarterly }, mode, {
        zh: t("compare.axisMode.index"),
        en: t("compare.axisMode.index"),
      }),
    [shown, lines, targets, milestones, quarterly, mode, t],
  );
  const option = useMemo(() => withLogAxis(buildSeriesOption(axis.input, lang, t), mode.log), [axis, mode.log, lang, t]);
  const title = t("compare.series", { name: pick(shown.name, lang) });
  const hasValues = lines.some((l) => !l.benchmark && l.observations.some((o) => o.value !== null));
  const span = spanOf(lines);
  const exportSpec = (): ExportSpec | null =>
    hasValues && span
      ? {
          title,
          subtitle: axisSubtitle(
            compareSubtitle(
              selected.map((r) => pick(r.name, lang)),
              spanText(span),
              sel.levels,
              t,
            ),
            mode,
            t,
          ),
          option,
          file: {
            indicator: plan ? measureFileId(indicator.id, plan.choice) : indicator.id,
            level: fileLevel(sel.levels),
            period: spanText(span, "-"),
            lang,
            suffix: seriesSuffix("series", mode),
          },
          csv: () =>
            seriesTableWith(
              axis.input,
              [...benchmarks.flatMap((b) => (b.region ? [b.region] : [])), ...asCompared(selected, sel)],
              lang,
              t,
              plan &&
                measureColumns(
                  {
                    published: indicator,
                    shown,
                    denominator: denominatorOf(plan.choice, plan.denominator ? [plan.denominator] : [], t),
                    relative: mode.relative,
                  },
                  lang,
                  t,
                ),
            ),
          // The whole indicator as published (its own unit): the menu's "all regions and periods".
          indicator,
          source: pick(indicator.source, lang),
        }
      : null;
  return (
    <Panel title={title} className="compare-series" actions={<ExportMenu id="compare-series" spec={exportSpec} />}>
      <QueryGate queries={queries} height={360}>
        {() =>
          hasValues ? (
            <>
              <Chart option={option} label={title} height={360} />
              <AxisNote notes={axis.notes} />
              <p className="muted compare-note">
                {indicator.targets.length === 0
                  ? t("compare.noTarget")
                  : axis.input.targets?.length
                    ? t("compare.targets", {
                        list: axis.input.targets.map((x) => `${x.period} ${formatValue(x.value, shown, lang)}`).join("; "),
                      })
                    : ""}{" "}
                {hidden ? t("compare.targetHidden") : ""}
              </p>
            </>
          ) : (
            <Empty reason={t("compare.noValues")} />
          )
        }
      </QueryGate>
    </Panel>
  );
}

/** Every unit's row at each level of the selection (value, rank among the level, change). */
function useRowsByLevel(
  indicator: Indicator,
  regions: readonly Region[],
  sel: SelectionLevels,
  city?: readonly Observation[],
  county?: readonly Observation[],
  period?: string,
) {
  return useMemo(() => {
    const out = new Map<CompareLevel, Map<string, MapRow>>();
    if (!period) return out;
    for (const level of sel.levels) {
      const data = level === "city" ? city : county;
      if (!data) continue;
      // The values table and the ranking read the same rows: built once (memo.ts).
      const rows = memoBy([data, indicator, regions], `${level}|${period}`, () =>
        buildRows(regionsAtLevel(regions, level), data, period, indicator),
      );
      out.set(level, new Map(rows.map((r) => [r.code, r])));
    }
    return out;
  }, [indicator, regions, sel.levels, city, county, period]);
}

/** (4) The selection as a table: value, rank among its level, change on the previous period, status; benchmarks below. */
export function ValuesTable({
  indicator,
  regions,
  selected,
  sel,
  lookup,
  measured,
  benchmarks,
  period,
}: PanelProps & { regions: readonly Region[]; benchmarks: readonly Benchmark[]; period: string }) {
  const t = useT();
  const lang = useLang();
  const { queries, city, county, weights, shown, plan, ratioScale } = useLevelData(indicator, sel, lookup, measured);
  const rows = useRowsByLevel(shown, regions, sel, city, county, period);
  const benchRows = useMemo(
    () =>
      benchmarkRows(benchmarks, shown, (sel.focusLevel === "city" ? city : county) ?? [], weights, period, lang, t, ratioScale),
    [benchmarks, shown, sel.focusLevel, city, county, weights, period, lang, t, ratioScale],
  );
  const noData = t("map.noData");
  const caption = t("compare.tableCaption", { name: pick(shown.name, lang), period });
  const exportSpec = (): ExportSpec | null =>
    queries.every(isSettled)
      ? {
          title: caption,
          subtitle: compareSubtitle(
            selected.map((r) => pick(r.name, lang)),
            period,
            sel.levels,
            t,
          ),
          option: null,
          file: {
            indicator: plan ? measureFileId(indicator.id, plan.choice) : indicator.id,
            level: fileLevel(sel.levels),
            period,
            lang,
            suffix: "table",
          },
          csv: () => valuesTable({ indicator: shown, selected, levelOf: sel.levelOf, rows, benchmarks: benchRows }, lang, t),
          // The whole indicator as published (its own unit): the menu's "all regions and periods".
          indicator,
          source: pick(indicator.source, lang),
        }
      : null;
  return (
    <Panel title={t("compare.table")} className="compare-table" actions={<ExportMenu id="compare-table" spec={exportSpec} />}>
      <QueryGate queries={queries} height={240}>
        {() => (
          <div className="table-wrap">
            <table className="catalogue">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.name")}</th>
                  <th scope="col">{t("table.value")}</th>
                  <th scope="col">{t("table.rank")}</th>
                  <th scope="col">{t("table.change")}</th>
                  <th scope="col">{t("table.status")}</th>
                </tr>
              </thead>
              <tbody>
                {selected.map((r, i) => {
                  const level = sel.levelOf.get(r.code) ?? "city";
                  const row = rows.get(level)?.get(r.code);
                  return (
                    <tr key={r.code}>
                      <th scope="row">
                        <span className="swatch" style={{ background: selectionColor(i) }} aria-hidden="true" />
                        <ProfileLink code={r.code}>{pick(r.name, lang)}</ProfileLink>{" "}
                        <span className="tag-inline">{t(`level.${level}`)}</span>
                      </th>
                      <td className="num">{formatValue(row?.value ?? null, shown, lang, noData)}</td>
                      <td className="num">{row?.rank ? `${row.rank} / ${row.of}` : "—"}</td>
                      <td className="num">{row?.change ? formatChange(row.change, lang, t) : "—"}</td>
                      <td>{row?.status ? t(`status.${row.status}`) : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
              {benchRows.length > 0 && (
                <tfoot>
                  <tr>
                    <th scope="rowgroup" colSpan={5} className="muted">
                      {t("compare.benchmarks")}
                    </th>
                  </tr>
                  {benchRows.map((b) => (
                    <tr key={b.name} className="bench-row">
                      <th scope="row">{b.name}</th>
                      <td className="num">{formatValue(b.value, shown, lang, noData)}</td>
                      <td className="num">—</td>
                      <td className="num">{b.change ? formatChange(b.change, lang, t) : "—"}</td>
                      <td>{b.status ? t(`status.${b.status}`) : "—"}</td>
                    </tr>
                  ))}
                </tfoot>
              )}
            </table>
          </div>
        )}
      </QueryGate>
    </Panel>
  );
}

/** (3) Where the selection stands among all units of its level, one ranking per level. */
export function RankingPanel({
  indicator,
  regions,
  selected,
  sel,
  lookup,
  measured,
  period,
}: PanelProps & { regions: readonly Region[]; period: string }) {
  const t = useT();
  const lang = useLang();
  const { queries, city, county, shown, plan } = useLevelData(indicator, sel, lookup, measured);
  const levels = sel.levels.filter((l) => indicator.levels.includes(l));
  const title = t("compare.ranking", { name: pick(shown.name, lang), period });
  const fileId = plan ? measureFileId(indicator.id, plan.choice) : indicator.id;
  return (
    <Panel title={title} className="compare-ranking compare-wide">
      {levels.length ? (
        <WhenNear height={320}>
          {() => (
            <QueryGate queries={queries} height={320}>
              {() => (
                <RankingLevels
                  levels={levels}
                  indicator={indicator}
                  shown={shown}
                  fileId={fileId}
                  regions={regions}
                  city={city}
                  county={county}
                  selected={selected}
                  title={title}
                  period={period}
                  sel={sel}
                />
              )}
            </QueryGate>
          )}
        </WhenNear>
      ) : (
        <Empty reason={t("compare.notAtLevel", { levels: indicator.levels.map((l) => t(`level.${l}`)).join(", ") })} />
      )}
    </Panel>
  );
}

/** The rankings of every level, built once the panel is near the viewport. */
function RankingLevels({
  levels,
  indicator,
  shown,
  fileId,
  regions,
  city,
  county,
  selected,
  title,
  period,
  sel,
}: {
  levels: readonly CompareLevel[];
  indicator: Indicator;
  shown: Indicator;
  fileId: string;
  regions: readonly Region[];
  city: readonly Observation[] | undefined;
  county: readonly Observation[] | undefined;
  selected: readonly Region[];
  title: string;
  period: string;
  sel: SelectionLevels;
}) {
  const rows = useRowsByLevel(shown, regions, sel, city, county, period);
  return (
    <div className="ranking-levels">
      {levels.map((level) => (
        <LevelRanking
          key={level}
          level={level}
          indicator={shown}
          published={indicator}
          fileId={fileId}
          rows={rows.get(level)}
          selected={selected}
          title={title}
          period={period}
          sel={sel}
        />
      ))}
    </div>
  );
}

function LevelRanking({
  level,
  indicator,
  published,
  fileId,
  rows: byCode,
  selected,
  title,
  period,
  sel,
}: {
  level: CompareLevel;
  indicator: Indicator;
  published: Indicator;
  fileId: string;
  rows: ReadonlyMap<string, MapRow> | undefined;
  selected: readonly Region[];
  title: string;
  period: string;
  sel: SelectionLevels;
}) {
  const t = useT();
  const lang = useLang();
  const rows = useMemo(() => [...(byCode?.values() ?? [])], [byCode]);
  const codes = useMemo(() => selected.map((r) => r.code), [selected]);
  const ranked = rows.filter((r) => r.rank !== null);
  const slots = useMemo(() => rankingSlots(rows, codes), [rows, codes]);
  const option = useMemo(
    () =>
      buildRankingBarsOption(
        {
          slots,
          // Colours follow the whole selection's order, so a region has one colour everywhere.
          selected: codes,
          format: (v) => formatValue(v, indicator, lang),
          tooltip: (row) => {
            const full = byCode?.get(row.code);
            return full ? regionTooltip(full, indicator, lang, t) : "";
          },
        },
        lang,
      ),
    [slots, codes, byCode, indicator, lang, t],
  );
  const heading = t("compare.rankingLevel", { level: t(`compare.levels.${level}`), n: rows.length });
  const here = selected.filter((r) => sel.levelOf.get(r.code) === level);
  const exportSpec = (): ExportSpec => ({
    title: `${title} · ${heading}`,
    subtitle: compareSubtitle(
      here.map((r) => pick(r.name, lang)),
      period,
      [level],
      t,
    ),
    option,
    file: { indicator: fileId, level, period, lang, suffix: "ranking" },
    // The bars as drawn: every unit, or the best, the worst and the selection when there are many.
    csv: () =>
      mapRowsTable(
        slots.flatMap((s) => (s.gap ? [] : (byCode?.get(s.row.code) ?? []))),
        indicator,
        lang,
        t,
      ),
    indicator: published,
    source: pick(indicator.source, lang),
  });
  return (
    <section className="ranking-level">
      <div className="compare-chart-head">
        <h3>{heading}</h3>
        {ranked.length > 0 && <ExportMenu id={`compare-ranking-${level}`} spec={exportSpec} />}
      </div>
      {ranked.length ? (
        <>
          {ranked.length > 30 && <p className="muted compare-note">{t("compare.rankingNote")}</p>}
          <Chart option={option} label={`${title} · ${heading}`} height={Math.max(160, slots.length * 20 + 24)} />
        </>
      ) : (
        <Empty reason={t("compare.noValues")} />
      )}
    </section>
  );
}

/** (2) Every indicator of the current indicator's pillar, one small chart each, the province benchmark dashed. */
export function SmallMultiples({
  indicator,
  indicators,
  regions,
  selected,
  sel,
  plans,
}: {
  indicator: Indicator;
  /** The pillar's indicators, one small chart each. */
  indicators: readonly Indicator[];
  regions: readonly Region[];
  selected: readonly Region[];
  sel: SelectionLevels;
  plans: ReadonlyMap<string, MeasurePlan>;
}) {
  const t = useT();
  const lang = useLang();
  const province = useMemo(
    () =>
      sel.focus
        ? benchmarksFor(sel.focus, regionsAtLevel(regions, sel.focusLevel), sel.focusLevel, regions).find(
            (b) => b.kind === "province",
          )
        : undefined,
    [sel.focus, sel.focusLevel, regions],
  );
  return (
    <Panel title={t("compare.smallMultiples", { pillar: t(`pillar.${indicator.pillar}`) })} className="compare-wide">
      <p className="muted compare-note">{t("compare.smallMultiplesIntro")}</p>
      <ul className="legend" aria-label={t("compare.picker.selected", { n: selected.length, max: MAX_REGIONS })}>
        {selected.map((r, i) => (
          <li key={r.code}>
            <span className="swatch" style={{ background: selectionColor(i) }} aria-hidden="true" />
            {pick(r.name, lang)}
          </li>
        ))}
      </ul>
      {indicators.length ? (
        <div className="multiples">
          {indicators.map((ind) => (
            <SmallChart
              key={ind.id}
              indicator={ind}
              current={ind.id === indicator.id}
              selected={selected}
              sel={sel}
              regions={regions}
              plans={plans}
              province={province}
            />
          ))}
        </div>
      ) : (
        <Empty reason={t("compare.noPillarIndicators")} />
      )}
    </Panel>
  );
}

interface SmallChartProps {
  indicator: Indicator;
  current: boolean;
  selected: readonly Region[];
  sel: SelectionLevels;
  regions: readonly Region[];
  plans: ReadonlyMap<string, MeasurePlan>;
  province: Benchmark | undefined;
}

/** One small chart: its series are asked for, and its lines computed, once it is near the viewport. */
function SmallChart(props: SmallChartProps) {
  return <WhenNear height={260}>{() => <SmallChartBody {...props} />}</WhenNear>;
}

/**
 * One indicator's own series at the levels compared (its weight's at the focus level for a
 * weighted mean, its measure's denominator), measured as its plan says.
 */
function useOwnSeries(
  indicator: Indicator,
  sel: SelectionLevels,
  regions: readonly Region[],
  plans: ReadonlyMap<string, MeasurePlan>,
) {
  const own = useMemo(() => {
    const plan = plans.get(indicator.id);
    return new Map(plan ? [[indicator.id, plan]] : []);
  }, [plans, indicator.id]);
  const weightId = weightOf(indicator);
  const specs = useMemo(
    () =>
      withDenominators(
        [
          ...sel.levels.map((level) => ({ indicator: indicator.id, level })),
          ...(weightId ? [{ indicator: weightId, level: sel.focusLevel }] : []),
        ],
        own,
      ),
    [indicator.id, sel.levels, sel.focusLevel, weightId, own],
  );
  const lookup = useObservationLookup(specs);
  const measured = useMeasuredLookup(lookup, own, regions);
  return { lookup, measured };
}

function SmallChartBody({ indicator, current, selected, sel, regions, plans, province }: SmallChartProps) {
  const { lookup, measured } = useOwnSeries(indicator, sel, regions, plans);
  const t = useT();
  const lang = useLang();
  const update = useApp((s) => s.update);
  const mode = useAxisMode();
  const { queries, city, county, weights, shown, plan, ratioScale } = useLevelData(indicator, sel, lookup, measured);
  const lines = useMemo((): Line[] => {
    const data: Record<CompareLevel, readonly Observation[]> = { city: city ?? [], county: county ?? [] };
    return [
      ...selected.map((r) => ({
        name: pick(r.name, lang),
        observations: pathOf(data[sel.levelOf.get(r.code) ?? "city"], r.code, false),
      })),
      ...(province
        ? [
            {
              name: benchmarkName(province, shown, lang, t, ratioScale !== null),
              benchmark: true,
              observations: benchmarkPath(province.members, shown, data[sel.focusLevel], weights, ratioScale).filter(
                (o) => !isQuarter(o.period),
              ),
            },
          ]
        : []),
    ];
  }, [selected, province, city, county, weights, sel, shown, ratioScale, lang, t]);
  const axis = useMemo(
    () => applyAxisMode({ indicator: shown, lines }, mode, { zh: t("compare.axisMode.index"), en: t("compare.axisMode.index") }),
    [shown, lines, mode, t],
  );
  const option = useMemo(() => withLogAxis(buildSmallMultipleOption(axis.input, lang, t), mode.log), [axis, mode.log, lang, t]);
  const name = pick(shown.name, lang);
  const hasValues = lines.some((l) => !l.benchmark && l.observations.some((o) => o.value !== null));
  const span = spanOf(lines);
  const exportSpec = (): ExportSpec | null =>
    span
      ? {
          title: t("compare.series", { name }),
          subtitle: axisSubtitle(
            compareSubtitle(
              selected.map((r) => pick(r.name, lang)),
              spanText(span),
              sel.levels,
              t,
            ),
            mode,
            t,
          ),
          option,
          file: {
            indicator: plan ? measureFileId(indicator.id, plan.choice) : indicator.id,
            level: fileLevel(sel.levels),
            period: spanText(span, "-"),
            lang,
            suffix: seriesSuffix(`multiples-${indicator.pillar}`, mode),
          },
          csv: () =>
            seriesTableWith(
              axis.input,
              [...(province?.region ? [province.region] : []), ...asCompared(selected, sel)],
              lang,
              t,
              plan &&
                measureColumns(
                  {
                    published: indicator,
                    shown,
                    denominator: denominatorOf(plan.choice, plan.denominator ? [plan.denominator] : [], t),
                    relative: mode.relative,
                  },
                  lang,
                  t,
                ),
            ),
          // The whole indicator as published (its own unit): the menu's "all regions and periods".
          indicator,
          source: pick(indicator.source, lang),
        }
      : null;
  // A section of its own, so that the export menu measures this small chart and no other.
  return (
    <section className="multiple" aria-current={current ? "true" : undefined}>
      <div className="compare-chart-head">
        <h3>
          {name} <span className="muted multiple-unit">({unitLabel(axis.input.indicator, lang)})</span>
        </h3>
        {hasValues && <ExportMenu id={`compare-multiple-${indicator.id}`} spec={exportSpec} />}
      </div>
      <QueryGate queries={queries} height={200}>
        {() => (hasValues ? <Chart option={option} label={name} height={200} /> : <Empty reason={t("compare.noValues")} />)}
      </QueryGate>
      {!current && (
        <button type="button" className="link" onClick={() => update({ indicator: indicator.id })}>
          {t("compare.showIndicator")}
        </button>
      )}
    </section>
  );
}
