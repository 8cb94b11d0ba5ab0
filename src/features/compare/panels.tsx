import { useMemo } from "react";
import type { Indicator, Observation, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useMeta } from "../../api/hooks";
import { isSettled } from "../../api/queries";
import { Chart } from "../../charts/Chart";
import { buildRows, type MapRow } from "../../charts/map/map-data";
import { regionTooltip } from "../../charts/map/tooltip";
import { buildSeriesOption, type Line } from "../../charts/series-option";
import { type Benchmark, benchmarkSeries, benchmarksFor } from "../../domain/benchmark";
import { isQuarter } from "../../domain/periods";
import { seriesTable } from "../../export/series-table";
import { type ExportSpec, mapRowsTable } from "../../export/spec";
import { formatChange, formatValue, pick, unitLabel } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { MAX_REGIONS } from "../../state/url";
import { ExportMenu } from "../../ui/ExportMenu";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { ProfileLink } from "../../ui/ProfileLink";
import { benchmarkName, benchmarkRows, type CompareLevel, pathOf, rankingSlots, type SelectionLevels } from "./compare-data";
import { compareSubtitle, fileLevel, spanOf, spanText, valuesTable } from "./export";
import { buildRankingBarsOption, buildSmallMultipleOption, selectionColor } from "./options";
import type { ObservationLookup, ObservationsResult } from "./use-observations";

const defined = <T,>(x: T | undefined): x is T => x !== undefined;
const weightOf = (ind: Indicator) => (ind.aggregation.method === "weighted-mean" ? ind.aggregation.weight : null);

interface PanelProps {
  indicator: Indicator;
  selected: readonly Region[];
  sel: SelectionLevels;
  lookup: ObservationLookup;
}

/** The selected regions at the level they are compared at (Dongguan among counties when the focus is one). */
const asCompared = (selected: readonly Region[], sel: SelectionLevels): Region[] =>
  selected.map((r) => ({ ...r, level: sel.levelOf.get(r.code) ?? r.level }));

/** The current indicator's observations at each level, and the weight's at the focus level. */
function useLevelData(indicator: Indicator, sel: SelectionLevels, lookup: ObservationLookup) {
  const weightId = weightOf(indicator);
  const queries: ObservationsResult[] = [
    ...sel.levels.map((l) => lookup(indicator.id, l)),
    weightId ? lookup(weightId, sel.focusLevel) : undefined,
  ].filter(defined);
  return {
    queries,
    city: lookup(indicator.id, "city")?.data,
    county: lookup(indicator.id, "county")?.data,
    weights: weightId ? lookup(weightId, sel.focusLevel)?.data : undefined,
  };
}

/** (1) The indicator over time for the selected regions, with the focus's benchmarks dashed. */
export function SeriesPanel({
  indicator,
  selected,
  sel,
  lookup,
  benchmarks,
  period,
}: PanelProps & { benchmarks: readonly Benchmark[]; period: string }) {
  const t = useT();
  const lang = useLang();
  const milestones = useMeta().data?.milestones;
  const { queries, city, county, weights } = useLevelData(indicator, sel, lookup);
  const quarterly = isQuarter(period);
  const province = benchmarks.find((b) => b.kind === "province")?.region?.code;
  const rate = indicator.aggregation.method === "weighted-mean";
  const lines = useMemo((): Line[] => {
    const data: Record<CompareLevel, readonly Observation[]> = { city: city ?? [], county: county ?? [] };
    return [
      ...selected.map((r) => ({
        name: pick(r.name, lang),
        observations: pathOf(data[sel.levelOf.get(r.code) ?? "city"], r.code, quarterly),
      })),
      ...benchmarks.map((b) => ({
        name: benchmarkName(b, indicator, lang, t),
        benchmark: true,
        observations: benchmarkSeries(b.members, indicator.aggregation, data[sel.focusLevel], weights).filter(
          (o) => isQuarter(o.period) === quarterly,
        ),
      })),
    ];
  }, [selected, benchmarks, city, county, weights, sel, quarterly, indicator, lang, t]);
  // Targets of a selected region; the province's only for a rate, whose province benchmark is the province's own figure.
  const codes = new Set(selected.map((r) => r.code));
  const targets = indicator.targets.filter(
    (x) => isQuarter(x.period) === quarterly && (codes.has(x.region) || (rate && x.region === province)),
  );
  const hidden = !rate && indicator.targets.some((x) => x.region === province);
  const option = useMemo(
    () => buildSeriesOption({ indicator, lines, targets, milestones, quarterly }, lang, t),
    [indicator, lines, targets, milestones, quarterly, lang, t],
  );
  const title = t("compare.series", { name: pick(indicator.name, lang) });
  const hasValues = lines.some((l) => !l.benchmark && l.observations.some((o) => o.value !== null));
  const span = spanOf(lines);
  const exportSpec = (): ExportSpec | null =>
    hasValues && span
      ? {
          title,
          subtitle: compareSubtitle(
            selected.map((r) => pick(r.name, lang)),
            spanText(span),
            sel.levels,
            t,
          ),
          option,
          file: { indicator: indicator.id, level: fileLevel(sel.levels), period: spanText(span, "-"), lang, suffix: "series" },
          csv: () =>
            seriesTable(
              { indicator, lines, targets, quarterly },
              [...benchmarks.flatMap((b) => (b.region ? [b.region] : [])), ...asCompared(selected, sel)],
              lang,
              t,
            ),
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
              <p className="muted compare-note">
                {indicator.targets.length === 0
                  ? t("compare.noTarget")
                  : targets.length
                    ? t("compare.targets", {
                        list: targets.map((x) => `${x.period} ${formatValue(x.value, indicator, lang)}`).join("; "),
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
      out.set(level, new Map(buildRows(regionsAtLevel(regions, level), data, period, indicator).map((r) => [r.code, r])));
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
  benchmarks,
  period,
}: PanelProps & { regions: readonly Region[]; benchmarks: readonly Benchmark[]; period: string }) {
  const t = useT();
  const lang = useLang();
  const { queries, city, county, weights } = useLevelData(indicator, sel, lookup);
  const rows = useRowsByLevel(indicator, regions, sel, city, county, period);
  const benchRows = useMemo(
    () => benchmarkRows(benchmarks, indicator, (sel.focusLevel === "city" ? city : county) ?? [], weights, period, lang, t),
    [benchmarks, indicator, sel.focusLevel, city, county, weights, period, lang, t],
  );
  const noData = t("map.noData");
  const caption = t("compare.tableCaption", { name: pick(indicator.name, lang), period });
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
          file: { indicator: indicator.id, level: fileLevel(sel.levels), period, lang, suffix: "table" },
          csv: () => valuesTable({ indicator, selected, levelOf: sel.levelOf, rows, benchmarks: benchRows }, lang, t),
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
                      <td className="num">{formatValue(row?.value ?? null, indicator, lang, noData)}</td>
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
                      <td className="num">{formatValue(b.value, indicator, lang, noData)}</td>
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
  period,
}: PanelProps & { regions: readonly Region[]; period: string }) {
  const t = useT();
  const lang = useLang();
  const { queries, city, county } = useLevelData(indicator, sel, lookup);
  const rows = useRowsByLevel(indicator, regions, sel, city, county, period);
  const levels = sel.levels.filter((l) => indicator.levels.includes(l));
  const title = t("compare.ranking", { name: pick(indicator.name, lang), period });
  return (
    <Panel title={title} className="compare-ranking compare-wide">
      {levels.length ? (
        <QueryGate queries={queries} height={320}>
          {() => (
            <div className="ranking-levels">
              {levels.map((level) => (
                <LevelRanking
                  key={level}
                  level={level}
                  indicator={indicator}
                  rows={rows.get(level)}
                  selected={selected}
                  title={title}
                  period={period}
                  sel={sel}
                />
              ))}
            </div>
          )}
        </QueryGate>
      ) : (
        <Empty reason={t("compare.notAtLevel", { levels: indicator.levels.map((l) => t(`level.${l}`)).join(", ") })} />
      )}
    </Panel>
  );
}

function LevelRanking({
  level,
  indicator,
  rows: byCode,
  selected,
  title,
  period,
  sel,
}: {
  level: CompareLevel;
  indicator: Indicator;
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
    file: { indicator: indicator.id, level, period, lang, suffix: "ranking" },
    // The bars as drawn: every unit, or the best, the worst and the selection when there are many.
    csv: () =>
      mapRowsTable(
        slots.flatMap((s) => (s.gap ? [] : (byCode?.get(s.row.code) ?? []))),
        indicator,
        lang,
        t,
      ),
    indicator,
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
  lookup,
}: PanelProps & { indicators: readonly Indicator[]; regions: readonly Region[] }) {
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
              lookup={lookup}
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

function SmallChart({
  indicator,
  current,
  selected,
  sel,
  lookup,
  province,
}: PanelProps & { current: boolean; province: Benchmark | undefined }) {
  const t = useT();
  const lang = useLang();
  const update = useApp((s) => s.update);
  const { queries, city, county, weights } = useLevelData(indicator, sel, lookup);
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
              name: benchmarkName(province, indicator, lang, t),
              benchmark: true,
              observations: benchmarkSeries(province.members, indicator.aggregation, data[sel.focusLevel], weights).filter(
                (o) => !isQuarter(o.period),
              ),
            },
          ]
        : []),
    ];
  }, [selected, province, city, county, weights, sel, indicator, lang, t]);
  const option = useMemo(() => buildSmallMultipleOption({ indicator, lines }, lang, t), [indicator, lines, lang, t]);
  const name = pick(indicator.name, lang);
  const hasValues = lines.some((l) => !l.benchmark && l.observations.some((o) => o.value !== null));
  const span = spanOf(lines);
  const exportSpec = (): ExportSpec | null =>
    span
      ? {
          title: t("compare.series", { name }),
          subtitle: compareSubtitle(
            selected.map((r) => pick(r.name, lang)),
            spanText(span),
            sel.levels,
            t,
          ),
          option,
          file: {
            indicator: indicator.id,
            level: fileLevel(sel.levels),
            period: spanText(span, "-"),
            lang,
            suffix: `multiples-${indicator.pillar}`,
          },
          csv: () =>
            seriesTable(
              { indicator, lines },
              [...(province?.region ? [province.region] : []), ...asCompared(selected, sel)],
              lang,
              t,
            ),
          indicator,
          source: pick(indicator.source, lang),
        }
      : null;
  // A section of its own, so that the export menu measures this small chart and no other.
  return (
    <section className="multiple" aria-current={current ? "true" : undefined}>
      <div className="compare-chart-head">
        <h3>
          {name} <span className="muted multiple-unit">({unitLabel(indicator, lang)})</span>
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
