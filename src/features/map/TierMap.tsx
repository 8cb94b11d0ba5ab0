import { useMemo } from "react";
import type { Indicator, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useManyObservations } from "../../api/hooks";
import { isSettled } from "../../api/queries";
import { Chart } from "../../charts/Chart";
import { buildChoroplethOption } from "../../charts/map/choropleth-option";
import type { MapRow } from "../../charts/map/map-data";
import type { useBoundaries } from "../../charts/map/use-boundaries";
import { useMapName } from "../../charts/map/use-boundaries";
import { indexInputs, indexSeries } from "../../domain/index-inputs";
import { computeIndex } from "../../domain/index-score";
import { directedRanks, indexYear, tierRange, tiersOf } from "../../domain/profile";
import type { CsvTable } from "../../export/csv";
import type { ExportSpec } from "../../export/spec";
import { formatNumber, pick, type Translate } from "../../i18n/format";
import { addMessages } from "../../i18n/messages";
import * as profileTexts from "../../i18n/messages-profile";
import "./tiers.css";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import type { Lang } from "../../state/url";
import { ExportMenu } from "../../ui/ExportMenu";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { Empty, Panel, QueryGate, Skeleton } from "../../ui/Panel";
import { ProfileLink, profilePatch } from "../../ui/ProfileLink";
import { LevelSwitch, ViewSwitch } from "./MapSwitches";
import { TIER_GROUP, TIER_ID, TIER_LABEL } from "./tiers";

// The tiers' texts are the profile's (loaded with this chunk, only when the tier map is chosen).
addMessages(profileTexts);

const ZH_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
const tierName = (n: number, lang: Lang, t: Translate) =>
  t("profile.tierName", { n: lang === "zh" ? (ZH_NUMERALS[n - 1] ?? String(n)) : n });

/** One unit of the tier map and its table: index score, rank and tier. */
export interface TierRow {
  code: string;
  name: Region["name"];
  score: number | null;
  rank: number | null;
  of: number;
  tier: number | null;
}

/** The tier table as CSV: code, name, score, rank, of, tier. */
export function tierTable(rows: readonly TierRow[], lang: Lang, t: Translate): CsvTable {
  return {
    header: [
      t("table.code"),
      t("table.name"),
      t("profile.export.score"),
      t("table.rank"),
      t("profile.export.of"),
      t("profile.export.tier"),
    ],
    textColumns: [0],
    rows: rows.map((r) => [
      r.code,
      pick(r.name, lang),
      r.score === null ? null : Number(r.score.toFixed(6)),
      r.rank,
      r.of,
      r.tier,
    ]),
  };
}

/**
 * The Map coloured by Digital Development Index tier: the index of every unit of the level
 * (computeIndex, as in Compare and the profile), classed by the tiers' natural breaks, so that
 * each colour is a tier; with the tiers' legend and the table twin. A click opens a profile.
 */
export default function TierMap({
  regions,
  indicators,
  boundaries,
}: {
  regions: readonly Region[];
  indicators: readonly Indicator[];
  boundaries: ReturnType<typeof useBoundaries>;
}) {
  const t = useT();
  const lang = useLang();
  const level = useApp((s) => s.level);
  const tab = useApp((s) => s.tab);
  const year = useApp((s) => s.year);
  const weights = useApp((s) => s.weights);
  const norm = useApp((s) => s.norm);
  const update = useApp((s) => s.update);
  // The indicators that enter the index and the denominators that make their amounts size-free.
  const series = useMemo(() => indexSeries(indicators, level), [indicators, level]);
  const inds = useMemo(() => {
    const ids = new Set(series);
    return indicators.filter((i) => ids.has(i.id));
  }, [indicators, series]);
  const queries = useManyObservations(inds.map((i) => ({ indicator: i.id, level })));
  const ready = queries.every(isSettled);
  const stamp = queries.map((q) => q.dataUpdatedAt).join();
  const units = useMemo(() => regionsAtLevel(regions, level), [regions, level]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` stands for the data of `queries`
  const model = useMemo(() => {
    if (!ready) return null;
    const data = new Map(inds.map((ind, k) => [ind.id, queries[k]?.data ?? []]));
    const y = indexYear(inds, data, year);
    if (!y) return null;
    const result = computeIndex(
      units.map((u) => u.code),
      indexInputs(indicators, level, data, y),
      weights,
      norm,
    );
    const scores = new Map(result.rows.map((r) => [r.code, r.index]));
    const tiers = tiersOf(scores);
    const ranks = directedRanks(scores, "higher");
    const of = result.rows[0]?.of ?? 0;
    const rows: TierRow[] = units.map((u) => ({
      code: u.code,
      name: u.name,
      score: scores.get(u.code) ?? null,
      rank: ranks.get(u.code) ?? null,
      of,
      tier: tiers.tiers.get(u.code) ?? null,
    }));
    return { year: y, rows, tiers };
  }, [ready, stamp, inds, indicators, level, units, year, weights, norm]);

  const decimals = norm === "minmax" ? 1 : 2;
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const label = pick(TIER_LABEL, lang);
  const title = model ? t("map.mapTitle", { name: label, period: model.year }) : label;
  // The index as an indicator for the choropleth's builder: scores classed by the tiers' breaks.
  const pseudo = useMemo(
    () =>
      ({
        id: TIER_ID,
        pillar: "industry",
        name: TIER_LABEL,
        unit: { zh: "分", en: "points" },
        description: TIER_LABEL,
        source: TIER_LABEL,
        frequency: "annual",
        direction: "higher",
        levels: ["city", "county"],
        aggregation: { method: "sum" },
        decimals,
        targets: [],
      }) as Indicator,
    [decimals],
  );
  const mapRows = useMemo(
    (): MapRow[] =>
      (model?.rows ?? []).map((r) => ({
        code: r.code,
        name: r.name,
        value: r.score,
        status: null,
        rank: r.rank,
        of: r.of,
        change: null,
      })),
    [model],
  );
  const mapName = useMapName(boundaries.data, level, null, units);
  const option = useMemo(
    () =>
      model && mapName && boundaries.data
        ? buildChoroplethOption(
            {
              mapName,
              indicator: pseudo,
              rows: mapRows,
              breaks: model.tiers.breaks,
              frame: boundaries.data.mainland,
              labels: level === "city",
              scale: t("map.scale", { n: model.rows[0]?.of ?? 0, level: t(`level.${level}`) }),
            },
            lang,
            t,
          )
        : null,
    [model, mapName, boundaries.data, pseudo, mapRows, level, lang, t],
  );
  const events = useMemo(
    () => ({
      click: (p: unknown) => {
        const code = (p as { name: string }).name;
        if (regions.some((r) => r.code === code)) update(profilePatch(code));
      },
    }),
    [regions, update],
  );
  const sorted = useMemo(
    () => [...(model?.rows ?? [])].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code)),
    [model],
  );
  const spec = (): ExportSpec | null =>
    model
      ? {
          title,
          subtitle: `${t("map.province")}, ${t(`level.${level}`)}`,
          option: tab === "table" ? null : option,
          file: { indicator: TIER_ID, level, period: model.year, lang },
          csv: () => tierTable(sorted, lang, t),
          source: t("profile.index"),
        }
      : null;
  const showTable = tab === "table";

  return (
    <>
      <Panel title={t("map.title")}>
        <div className="map-controls">
          <IndicatorPicker
            indicators={indicators}
            value={TIER_ID}
            onChange={(id) => update({ indicator: id })}
            label={t("overview.indicator")}
            extra={[{ id: TIER_ID, label, group: pick(TIER_GROUP, lang) }]}
          />
          <LevelSwitch checked={level} />
          <ViewSwitch table={showTable} />
        </div>
        <p className="map-tiers-intro">{t("tiers.intro")}</p>
      </Panel>
      <Panel title={title} className="map-main" actions={<ExportMenu id="map-tiers" spec={spec} />}>
        <QueryGate queries={showTable ? queries : [...queries, boundaries]} height={520}>
          {() =>
            !model ? (
              <Empty reason={t("profile.noYear")} />
            ) : (
              <>
                <ul className="tier-legend" aria-label={t("profile.breaks", { name: t("profile.index") })}>
                  {Array.from({ length: model.tiers.count }, (_, k) => k + 1).map((tier) => {
                    const range = tierRange(model.tiers, tier);
                    const n = model.rows.filter((r) => r.tier === tier).length;
                    return (
                      <li key={tier}>
                        <strong>{tierName(tier, lang, t)}</strong> {range ? `${fmt(range[0])}–${fmt(range[1])}` : ""} ·{" "}
                        {t("tiers.count", { n })}
                      </li>
                    );
                  })}
                </ul>
                {showTable ? (
                  <div className="table-wrap map-table">
                    <table className="catalogue">
                      <caption className="visually-hidden">{title}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("table.name")}</th>
                          <th scope="col">{t("table.code")}</th>
                          <th scope="col">{t("profile.score")}</th>
                          <th scope="col">{t("table.rank")}</th>
                          <th scope="col">{t("profile.tier")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {sorted.map((r) => (
                          <tr key={r.code}>
                            <th scope="row">
                              <ProfileLink code={r.code}>{pick(r.name, lang)}</ProfileLink>
                            </th>
                            <td className="code">{r.code}</td>
                            <td className="num">{r.score === null ? t("map.noData") : fmt(r.score)}</td>
                            <td className="num">{r.rank === null ? "—" : `${r.rank} / ${r.of}`}</td>
                            <td>{r.tier === null ? "—" : tierName(r.tier, lang, t)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : option ? (
                  <Chart option={option} label={title} height={560} onEvents={events} />
                ) : (
                  <Skeleton height={520} />
                )}
              </>
            )
          }
        </QueryGate>
        <p className="map-note">{t("tiers.note")}</p>
      </Panel>
    </>
  );
}
