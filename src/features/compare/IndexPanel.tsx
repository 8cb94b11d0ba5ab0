import { useMemo } from "react";
import { type Indicator, PILLARS, type Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { Chart } from "../../charts/Chart";
import { escapeHtml } from "../../charts/escape";
import { indexInputs, indexSeries } from "../../domain/index-inputs";
import { computeIndex, type IndexResult, type Norm } from "../../domain/index-score";
import { yearOf } from "../../domain/periods";
import type { ExportSpec } from "../../export/spec";
import { formatNumber, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { NORMS } from "../../state/url";
import { ExportMenu } from "../../ui/ExportMenu";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { ProfileLink } from "../../ui/ProfileLink";
import { TableWrap } from "../../ui/TableWrap";
import { type CompareLevel, type RankedRow, rankingSlots, type SelectionLevels } from "./compare-data";
import { compareSubtitle, indexTable, rankedTable, sourcesOf } from "./export";
import { buildRadarOption, buildRankingBarsOption, selectionColor } from "./options";
import { type ObservationsResult, useLandedLookup, useStableArray } from "./use-observations";
import { WhenNear } from "./WhenNear";

/** What the sliders show when the URL has no weights: equal, mid-range so that each can move both ways. */
const EQUAL_SLIDER = 5;

/** The Digital Development Index of the selection: normalisation, pillar weights, radar and ranking per level. */
export function IndexPanel({
  indicators,
  regions,
  selected,
  sel,
  period,
}: {
  indicators: readonly Indicator[];
  regions: readonly Region[];
  selected: readonly Region[];
  sel: SelectionLevels;
  period: string;
}) {
  const t = useT();
  const norm = useApp((s) => s.norm);
  const weights = useApp((s) => s.weights);
  const update = useApp((s) => s.update);
  const year = String(yearOf(period));
  const shown: number[] = weights ?? PILLARS.map(() => EQUAL_SLIDER);
  const setWeight = (i: number, value: number) => {
    const next = [...shown];
    next[i] = value;
    // At least one pillar must weigh something: the last one left cannot go to zero.
    if (!next.some((w) => w > 0)) next[i] = 1;
    update({ weights: next });
  };
  const order = selected.map((r) => r.code);

  return (
    <Panel title={t("compare.index")} className="compare-wide compare-index">
      <p className="muted compare-note">{t("compare.indexIntro")}</p>
      <div className="index-controls">
        <fieldset className="segmented">
          <legend>{t("compare.norm")}</legend>
          {NORMS.map((n) => (
            <label key={n}>
              <input type="radio" name="compare-norm" value={n} checked={norm === n} onChange={() => update({ norm: n })} />
              {t(`compare.norm.${n}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="weights">
          <legend>{t("compare.weights")}</legend>
          {PILLARS.map((p, i) => (
            <label key={p} className="weight">
              <span>{t(`pillar.${p}`)}</span>
              <input
                type="range"
                min={0}
                max={10}
                step={1}
                value={shown[i]}
                aria-label={t("compare.weight", { pillar: t(`pillar.${p}`) })}
                onChange={(e) => setWeight(i, Number(e.target.value))}
              />
              <output>{shown[i]}</output>
            </label>
          ))}
          <p className="muted weights-help">
            {t("compare.weightsHelp")}{" "}
            <button type="button" disabled={weights === null} onClick={() => update({ weights: null })}>
              {t("compare.equalWeights")}
            </button>
          </p>
        </fieldset>
      </div>
      {sel.levels.map((level) => (
        <LevelIndex
          key={level}
          level={level}
          indicators={indicators}
          regions={regions}
          selected={order.filter((c) => sel.levelOf.get(c) === level)}
          order={order}
          year={year}
          norm={norm}
          weights={weights}
        />
      ))}
      <p>
        <button type="button" className="link" onClick={() => update({ view: "data" })}>
          {t("compare.method")}
        </button>
      </p>
    </Panel>
  );
}

function LevelIndex(props: LevelIndexProps) {
  const t = useT();
  return (
    <section className="index-level">
      <h3>{t(`compare.levels.${props.level}`)}</h3>
      {/* Every indicator of the level, and the index over every unit: asked for near the viewport. */}
      <WhenNear height={320}>{() => <LevelIndexData {...props} />}</WhenNear>
    </section>
  );
}

interface LevelIndexProps {
  level: CompareLevel;
  indicators: readonly Indicator[];
  regions: readonly Region[];
  /** The selected codes compared at this level. */
  selected: readonly string[];
  /** The whole selection, for colours. */
  order: readonly string[];
  year: string;
  norm: Norm;
  weights: readonly number[] | null;
}

function LevelIndexData({ level, indicators, regions, selected, order, year, norm, weights }: LevelIndexProps) {
  const t = useT();
  // The same arrays while the selection stays the same: stable inputs for the charts' memos.
  const here = useStableArray(selected);
  const all = useStableArray(order);
  // Every series the index reads: the indicators that enter and the denominators that make
  // their amounts size-free (index-inputs.ts), read as one set: one render when the last lands.
  const series = useMemo(() => indexSeries(indicators, level), [indicators, level]);
  const inds = useMemo(() => {
    const ids = new Set(series);
    return indicators.filter((i) => ids.has(i.id));
  }, [indicators, series]);
  const specs = useMemo(() => series.map((id) => ({ indicator: id, level })), [series, level]);
  const find = useLandedLookup(specs);
  const queries: ObservationsResult[] = series.flatMap((id) => find(id, level) ?? []);
  // Aligned with `series`; the same array while no query's data changes.
  const datas = useStableArray(series.map((id) => find(id, level)?.data));
  const units = useMemo(() => regionsAtLevel(regions, level), [regions, level]);
  // The inputs (every series cut to the year, amounts divided) apart from the scores: a weight
  // step or a switch of normalisation recomputes the scores only.
  const inputs = useMemo(() => {
    if (datas.some((d) => d === undefined)) return null;
    const data = new Map(series.map((id, k) => [id, datas[k] ?? []]));
    return indexInputs(indicators, level, data, year);
  }, [datas, series, indicators, level, year]);
  const result = useMemo(
    (): IndexResult | null =>
      inputs &&
      computeIndex(
        units.map((u) => u.code),
        inputs,
        weights,
        norm,
      ),
    [inputs, units, weights, norm],
  );

  const heading = t(`compare.levels.${level}`);
  return (
    <QueryGate queries={queries} height={320}>
      {() =>
        result?.pillars.length ? (
          <LevelIndexBody
            level={level}
            result={result}
            indicators={inds}
            units={units}
            selected={here}
            order={all}
            norm={norm}
            weights={weights}
            heading={heading}
            year={year}
          />
        ) : (
          <Empty reason={t("compare.noIndexData")} />
        )
      }
    </QueryGate>
  );
}

/** The file name's first part for the index's charts: it is no single indicator. */
const INDEX_FILE = "digital-development-index";

function LevelIndexBody({
  level,
  result,
  indicators,
  units,
  selected,
  order,
  norm,
  weights,
  heading,
  year,
}: {
  level: CompareLevel;
  result: IndexResult;
  /** The indicators that may enter the index at this level (for the sources). */
  indicators: readonly Indicator[];
  units: readonly Region[];
  selected: readonly string[];
  order: readonly string[];
  norm: Norm;
  weights: readonly number[] | null;
  heading: string;
  year: string;
}) {
  const t = useT();
  const lang = useLang();
  const decimals = norm === "minmax" ? 1 : 2;
  const fmt = useMemo(() => (v: number | null) => (v === null ? "—" : formatNumber(v, decimals, lang)), [decimals, lang]);
  const byCode = useMemo(() => new Map(result.rows.map((r) => [r.code, r])), [result]);
  const names = useMemo(() => new Map(units.map((u) => [u.code, u.name])), [units]);
  const rows = useMemo(
    (): RankedRow[] =>
      result.rows.map((r) => ({
        code: r.code,
        name: names.get(r.code) ?? { zh: r.code, en: r.code },
        value: r.index,
        rank: r.rank,
        of: r.of,
      })),
    [result, names],
  );
  const slotList = useMemo(() => rankingSlots(rows, selected), [rows, selected]);
  const radar = useMemo(() => {
    const scores = result.rows.flatMap((r) => result.pillars.map((p) => r.pillars[p])).filter((v): v is number => v !== null);
    // Min–max scores live on 0–100; z-scores on whatever range the units span.
    const [min, max] = norm === "minmax" ? [0, 100] : [Math.floor(Math.min(...scores, 0)), Math.ceil(Math.max(...scores, 0))];
    return buildRadarOption(
      {
        pillars: result.pillars,
        series: selected.map((code) => ({
          name: pick(names.get(code) ?? { zh: code, en: code }, lang),
          color: selectionColor(order.indexOf(code)),
          scores: result.pillars.map((p) => byCode.get(code)?.pillars[p] ?? null),
        })),
        min,
        max,
        format: fmt,
      },
      t,
    );
  }, [result, norm, selected, names, order, byCode, fmt, lang, t]);
  const ranking = useMemo(
    () =>
      buildRankingBarsOption(
        {
          slots: slotList,
          selected: order,
          format: fmt,
          tooltip: (row) =>
            [
              `<strong>${escapeHtml(pick(row.name, lang))}</strong>`,
              escapeHtml(`${t("compare.indexCol")}: ${fmt(row.value)}`),
              row.rank === null ? "" : escapeHtml(t("map.rank", { rank: row.rank, of: row.of })),
            ]
              .filter(Boolean)
              .join("<br/>"),
        },
        lang,
      ),
    [slotList, order, fmt, lang, t],
  );
  const slots = slotList.length;
  const indicatorCount = result.pillars.reduce((a, p) => a + result.indicators[p].length, 0);
  const of = result.rows[0]?.of ?? 0;
  const radarTitle = t("compare.radar", { level: heading });
  const rankingTitle = t("compare.indexRanking", { level: heading });

  // Both charts' exports: the selection of this level, the year, the method and the weights.
  const entered = new Set(result.pillars.flatMap((p) => result.indicators[p]));
  const weightText = weights
    ? PILLARS.map((p, i) => `${t(`pillar.${p}`)} ${weights[i]}`).join(", ")
    : t("compare.export.equalWeights");
  const subtitle = [
    compareSubtitle(
      selected.map((c) => pick(names.get(c) ?? { zh: c, en: c }, lang)),
      year,
      [level],
      t,
    ),
    t("compare.export.indexNote", { norm: t(`compare.norm.${norm}`), weights: weightText }),
  ].join(" · ");
  const source = sourcesOf(
    indicators.filter((i) => entered.has(i.id)),
    lang,
  );
  const radarSpec = (): ExportSpec => ({
    title: t("compare.export.indexTitle", { chart: radarTitle, year }),
    subtitle,
    option: radar,
    file: { indicator: INDEX_FILE, level, period: year, lang, suffix: `radar-${norm}` },
    // The radar's scores are the index table's: one row per selected unit, a column per pillar.
    csv: () => indexTable({ result, codes: selected, names, level }, lang, t),
    source,
  });
  const rankingSpec = (): ExportSpec => ({
    title: t("compare.export.indexTitle", { chart: rankingTitle, year }),
    subtitle,
    option: ranking,
    file: { indicator: INDEX_FILE, level, period: year, lang, suffix: `ranking-${norm}` },
    csv: () =>
      rankedTable(
        slotList.flatMap((s) => (s.gap ? [] : [s.row])),
        level,
        t("compare.indexCol"),
        lang,
        t,
      ),
    source,
  });
  return (
    <>
      <p className="muted compare-note">{t("compare.indexYear", { year, n: indicatorCount, units: of })}</p>
      {/* Each chart in a section of its own, so that its export menu measures it and no other. */}
      <div className="index-charts">
        <section className="index-figure">
          <div className="compare-chart-head">
            <h4>{radarTitle}</h4>
            {selected.length > 0 && <ExportMenu id={`compare-radar-${level}`} spec={radarSpec} />}
          </div>
          <Chart option={radar} label={radarTitle} height={340} />
        </section>
        <section className="index-figure">
          <div className="compare-chart-head">
            <h4>{rankingTitle}</h4>
            <ExportMenu id={`compare-index-ranking-${level}`} spec={rankingSpec} />
          </div>
          <Chart option={ranking} label={rankingTitle} height={Math.max(160, slots * 20 + 24)} />
        </section>
      </div>
      <TableWrap label={rankingTitle}>
        <table className="catalogue index-table">
          <caption className="visually-hidden">{rankingTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.name")}</th>
              <th scope="col">{t("compare.indexCol")}</th>
              <th scope="col">{t("table.rank")}</th>
              {result.pillars.map((p) => (
                <th scope="col" key={p}>
                  {t(`pillar.${p}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {selected.map((code) => {
              const row = byCode.get(code);
              return (
                <tr key={code}>
                  <th scope="row">
                    <span className="swatch" style={{ background: selectionColor(order.indexOf(code)) }} aria-hidden="true" />
                    <ProfileLink code={code}>{pick(names.get(code) ?? { zh: code, en: code }, lang)}</ProfileLink>
                  </th>
                  <td className="num">
                    {row?.index === null || !row ? (
                      <span title={t("compare.noIndexHelp")}>{t("compare.noIndex")}</span>
                    ) : (
                      fmt(row.index)
                    )}
                  </td>
                  <td className="num">{row?.rank ? `${row.rank} / ${row.of}` : "—"}</td>
                  {result.pillars.map((p) => (
                    <td className="num" key={p}>
                      {fmt(row?.pillars[p] ?? null)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
