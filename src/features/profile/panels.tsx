import { Fragment, useId, useMemo } from "react";
import { type Indicator, PILLARS, type Region } from "../../api/contract";
import { type MeasureChoice, TOTAL } from "../../domain/intensity";
import type { Standing } from "../../domain/profile";
import { tierRange } from "../../domain/profile";
import type { Warning } from "../../domain/warnings";
import type { ExportSpec } from "../../export/spec";
import { formatChange, formatNumber, formatValue, pick, type Translate } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import type { Lang, ViewState } from "../../state/url";
import { ExportMenu } from "../../ui/ExportMenu";
import { MeasureNotice } from "../../ui/MeasureControls";
import { Empty, Panel } from "../../ui/Panel";
import { ProfileLink, ViewLink } from "../../ui/ProfileLink";
import { TableWrap } from "../../ui/TableWrap";
import { indicatorsTable, standingTable } from "./export";
import { type PillarStanding, type Profile, rowsFor } from "./profile-model";
import { SeriesVsMedian } from "./SeriesVsMedian";

const ZH_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** "第二梯队" / "Tier 2". */
export const tierName = (n: number, lang: Lang, t: Translate): string =>
  t("profile.tierName", { n: lang === "zh" ? (ZH_NUMERALS[n - 1] ?? String(n)) : n });

/** Explore on one region and indicator, its whole series. */
const exploreView =
  (code: string, indicator: string) =>
  (v: ViewState): ViewState => ({
    ...v,
    view: "explore",
    indicator,
    regions: [code],
    region: null,
    tab: "chart",
    from: null,
    to: null,
  });

const levelName = (profile: Profile, t: Translate) => t(`level.${profile.level}`);

function useScoreFormat() {
  const lang = useLang();
  const norm = useApp((s) => s.norm);
  return useMemo(() => (v: number | null) => (v === null ? "—" : formatNumber(v, norm === "minmax" ? 1 : 2, lang)), [norm, lang]);
}

/** Benchmark column names: the average county of its city, its zone, the province. */
function benchmarkNames(profile: Profile, regions: readonly Region[], lang: Lang, t: Translate): string[] {
  const parent = regions.find((r) => r.code === profile.region.parent);
  return (profile.standing[0]?.benchmarks ?? []).map((b) =>
    b.kind === "city"
      ? t("profile.vsCity", { name: parent ? pick(parent.name, lang) : "" })
      : b.kind === "zone"
        ? t("profile.vsZone", { zone: profile.region.zone ? t(`profile.zone.${profile.region.zone}`) : "" })
        : t("profile.vsProvince"),
  );
}

/** The year the whole profile describes (the URL's `year`): any year the index can describe. */
function YearPicker({ profile }: { profile: Profile }) {
  const t = useT();
  const update = useApp((s) => s.update);
  if (profile.years.length < 2 || !profile.year) return null;
  return (
    <label className="field profile-year">
      <span>{t("profile.year")}</span>
      <select value={profile.year} onChange={(e) => update({ year: e.target.value })}>
        {profile.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Index score, rank "17 / 124" and tier, then the same for each pillar against its benchmarks. */
export function StandingPanel({ profile, regions }: { profile: Profile; regions: readonly Region[] }) {
  const t = useT();
  const lang = useLang();
  const norm = useApp((s) => s.norm);
  const weights = useApp((s) => s.weights);
  const fmt = useScoreFormat();
  const name = pick(profile.region.name, lang);
  const year = profile.year ?? "";
  if (profile.level === "province") {
    return (
      <Panel title={t("profile.standing")}>
        <YearPicker profile={profile} />
        <p>{t("profile.provinceNoRank")}</p>
      </Panel>
    );
  }
  const index = profile.standing[0] as PillarStanding | undefined;
  const benchNames = benchmarkNames(profile, regions, lang, t);
  const title = t("profile.standing");
  const spec = (): ExportSpec => ({
    title: t("profile.export.standingTitle", { name, year }),
    subtitle: `${name} · ${levelName(profile, t)} · ${year}`,
    option: null,
    file: { indicator: `profile-${profile.region.code}`, level: profile.level, period: year, lang, suffix: "standing" },
    csv: () => standingTable(profile, benchNames, t),
    source: t("profile.index"),
  });
  const intro = t("profile.standingIntro", {
    year,
    norm: t(`profile.norm.${norm}`),
    weights: weights
      ? `${t("profile.customWeights")}: ${PILLARS.map((p, i) => `${t(`pillar.${p}`)} ${weights[i]}`).join(", ")}`
      : t("profile.equalWeights"),
    n: profile.units.length,
    level: levelName(profile, t),
  });
  return (
    <Panel
      title={title}
      className="profile-standing"
      actions={index?.score != null ? <ExportMenu id="profile-standing" spec={spec} /> : undefined}
    >
      <YearPicker profile={profile} />
      <p className="muted">{intro}</p>
      {!index || index.score === null ? (
        <p className="notice" role="status">
          {t("profile.noIndex", { name, year, have: profile.scoredPillars, of: profile.index?.pillars.length ?? PILLARS.length })}
        </p>
      ) : (
        <>
          <dl className="profile-kpis">
            <div>
              <dt>{t("profile.index")}</dt>
              <dd className="kpi-big">{fmt(index.score)}</dd>
            </div>
            <div>
              <dt>{t("profile.rank")}</dt>
              <dd className="kpi-big">
                {index.rank} / {index.of}
              </dd>
            </div>
            <div>
              <dt>{t("profile.tier")}</dt>
              <dd className="kpi-big">{index.tier ? tierName(index.tier, lang, t) : "—"}</dd>
            </div>
          </dl>
          <p className="profile-breaks">
            <strong>{t("profile.breaks", { name: t("profile.index") })}</strong>:{" "}
            {Array.from({ length: index.tiers.count }, (_, k) => {
              const range = tierRange(index.tiers, k + 1);
              return range
                ? t("profile.breaksText", {
                    n: lang === "zh" ? (ZH_NUMERALS[k] ?? String(k + 1)) : k + 1,
                    low: fmt(range[0]),
                    high: fmt(range[1]),
                  })
                : "";
            }).join(" · ")}
          </p>
          <TableWrap label={t("profile.export.standingTitle", { name, year })}>
            <table className="catalogue profile-table">
              <caption className="visually-hidden">{t("profile.export.standingTitle", { name, year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("profile.export.pillar")}</th>
                  <th scope="col">{t("profile.score")}</th>
                  <th scope="col">{t("profile.rank")}</th>
                  <th scope="col">{t("profile.tier")}</th>
                  {benchNames.map((b) => (
                    <th scope="col" key={b}>
                      {b}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {profile.standing.map((s) => (
                  <tr key={s.pillar} className={s.pillar === "index" ? "profile-index-row" : undefined}>
                    <th scope="row">{s.pillar === "index" ? t("profile.index") : t(`pillar.${s.pillar}`)}</th>
                    <td className="num">{fmt(s.score)}</td>
                    <td className="num">{s.rank === null ? "—" : `${s.rank} / ${s.of}`}</td>
                    <td>{s.tier === null ? "—" : tierName(s.tier, lang, t)}</td>
                    {s.benchmarks.map((b) => (
                      <td className="num" key={b.kind}>
                        {fmt(b.score)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="muted">{t("profile.benchNote")}</p>
        </>
      )}
      <p>
        <ViewLink to={(v) => ({ ...v, view: "data", region: null })}>{t("profile.method")}</ViewLink>
      </p>
    </Panel>
  );
}

/** The three strengths and three weaknesses, each with its series against the median of its level. */
export function StrengthsPanel({ profile }: { profile: Profile }) {
  const t = useT();
  const byId = useMemo(() => new Map(profile.rows.map((r) => [r.indicator.id, r.indicator])), [profile.rows]);
  const intro = t("profile.swIntro", { n: profile.units.length, level: levelName(profile, t) });
  if (!profile.strengths.length) {
    return (
      <Panel title={`${t("profile.strengths")} · ${t("profile.weaknesses")}`}>
        <Empty reason={t("profile.swNone")} />
      </Panel>
    );
  }
  return (
    <Panel title={`${t("profile.strengths")} · ${t("profile.weaknesses")}`} className="profile-sw">
      <p className="muted">{intro}</p>
      <div className="profile-sw-grid">
        {(["strengths", "weaknesses"] as const).map((kind) => (
          <section key={kind} className={`profile-sw-col ${kind}`}>
            <h3>{t(`profile.${kind}`)}</h3>
            <ol className="profile-sw-list">
              {profile[kind].map((s) => {
                const ind = byId.get(s.indicator);
                return ind ? <StandingItem key={s.indicator} standing={s} indicator={ind} profile={profile} /> : null;
              })}
            </ol>
          </section>
        ))}
      </div>
    </Panel>
  );
}

function StandingItem({ standing, indicator, profile }: { standing: Standing; indicator: Indicator; profile: Profile }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className="profile-sw-item">
      <h4>
        <ViewLink to={exploreView(profile.region.code, indicator.id)}>{pick(indicator.name, lang)}</ViewLink>
      </h4>
      <dl className="profile-sw-facts">
        <div>
          <dt>{t("table.value")}</dt>
          <dd>{formatValue(standing.value, indicator, lang)}</dd>
        </div>
        <div>
          <dt>{t("table.rank")}</dt>
          <dd>
            {standing.rank} / {standing.of}
          </dd>
        </div>
        <div>
          <dt>{t("profile.percentile")}</dt>
          <dd>{formatNumber(standing.percentile, 0, lang)}</dd>
        </div>
        <div>
          <dt>{t("profile.median")}</dt>
          <dd>{formatValue(standing.median, indicator, lang)}</dd>
        </div>
      </dl>
      <SeriesVsMedian profile={profile} indicator={indicator} />
    </li>
  );
}

const warningText = (w: Warning, t: Translate): string =>
  w.kind === "outlier"
    ? t("profile.warning.outlier", { period: w.period })
    : w.kind === "reversal"
      ? t("profile.warning.reversal", { since: String(w.params.since ?? ""), years: String(w.params.years ?? "") })
      : t("profile.warning.vanished", { period: w.period });

/** Progress against its targets or the province's path, and the warnings about it. */
export function ProgressPanel({ profile, regions }: { profile: Profile; regions: readonly Region[] }) {
  const t = useT();
  const lang = useLang();
  const byId = useMemo(() => new Map(profile.rows.map((r) => [r.indicator.id, r.indicator])), [profile.rows]);
  const regionName = pick(profile.region.name, lang);
  const province = regions.find((r) => r.level === "province");
  const rows = profile.progress;
  return (
    <Panel title={t("profile.progress")} className="profile-progress panel-later">
      <p className="muted">{t("profile.progressIntro")}</p>
      {profile.level === "province" ? (
        profile.assessments.length ? (
          <div className="table-wrap">
            <table className="catalogue">
              <caption className="visually-hidden">{`${regionName}: ${t("profile.progress")}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("profile.indicator")}</th>
                  <th scope="col">{t("table.value")}</th>
                  <th scope="col">{t("profile.against")}</th>
                  <th scope="col">{t("profile.verdict")}</th>
                </tr>
              </thead>
              <tbody>
                {profile.assessments.map((a) => (
                  <tr key={`${a.indicator.id}-${a.target.period}`}>
                    <th scope="row">
                      <ViewLink to={exploreView(province?.code ?? profile.region.code, a.indicator.id)}>
                        {pick(a.indicator.name, lang)}
                      </ViewLink>
                    </th>
                    <td className="num">
                      {formatValue(a.progress.latest.value, a.indicator, lang)}{" "}
                      <span className="code">({a.progress.latest.period})</span>
                    </td>
                    <td className="num">
                      {formatValue(a.target.value, a.indicator, lang)} <span className="code">({a.target.period})</span>
                    </td>
                    <td className={a.progress.verdict === "behind" ? "bad" : "good"}>
                      {t(`profile.verdict.${a.progress.verdict}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty reason={t("profile.progressNone")} />
        )
      ) : rows.length ? (
        <div className="table-wrap">
          <table className="catalogue">
            <caption className="visually-hidden">{`${regionName}: ${t("profile.progress")}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t("profile.indicator")}</th>
                <th scope="col">{t("table.value")}</th>
                <th scope="col">{t("profile.gap")}</th>
                <th scope="col">{t("profile.against")}</th>
                <th scope="col">{t("profile.verdict")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicator.id}>
                  <th scope="row">
                    <ViewLink to={exploreView(profile.region.code, r.indicator.id)}>{pick(r.indicator.name, lang)}</ViewLink>
                  </th>
                  <td className="num">
                    {formatValue(r.level, r.indicator, lang)}
                    {r.levelPeriod && <span className="code"> ({r.levelPeriod})</span>}
                  </td>
                  <td className="num">
                    {r.gap === null
                      ? "—"
                      : t(r.unit === "pp" ? "change.pp" : "change.pct", {
                          sign: r.gap > 0 ? "+" : r.gap < 0 ? "−" : "±",
                          value: formatNumber(Math.abs(r.gap), 1, lang),
                        })}
                  </td>
                  <td>{t(`profile.against.${r.against}`)}</td>
                  <td className={r.behind ? "bad" : "good"}>{r.behind ? t("profile.behind") : t("profile.onPath")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty reason={t("profile.progressNone")} />
      )}
      {profile.level !== "province" && (
        <>
          <h3>{t("profile.warnings")}</h3>
          {profile.warnings.length ? (
            <ul className="profile-warnings">
              {profile.warnings.map((w) => {
                const ind = byId.get(w.indicator);
                return ind ? (
                  <li key={`${w.kind}-${w.indicator}-${w.period}`}>
                    <ViewLink to={exploreView(profile.region.code, ind.id)}>{pick(ind.name, lang)}</ViewLink>: {warningText(w, t)}
                  </li>
                ) : null;
              })}
            </ul>
          ) : (
            <p className="muted">{t("profile.warningsNone")}</p>
          )}
        </>
      )}
    </Panel>
  );
}

/** The five nearest regions of its level, each a link to its profile, and one Compare of all six. */
export function SimilarPanel({ profile, regions }: { profile: Profile; regions: readonly Region[] }) {
  const t = useT();
  const lang = useLang();
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const near = profile.neighbours.map((n) => n.code);
  // Compare ranks a selection at its first region's level: a city profiled among the counties
  // (Dongguan, Zhongshan) goes after a county, so that a county leads and it joins the counties.
  const lead =
    profile.region.level === "city" && profile.level === "county"
      ? near.find((c) => byCode.get(c)?.level === "county")
      : undefined;
  const codes = lead ? [lead, profile.region.code, ...near.filter((c) => c !== lead)] : [profile.region.code, ...near];
  return (
    <Panel title={t("profile.similar")} className="profile-similar panel-later">
      <p className="muted">{t("profile.similarIntro", { level: levelName(profile, t) })}</p>
      {profile.neighbours.length ? (
        <>
          <div className="table-wrap">
            <table className="catalogue">
              <caption className="visually-hidden">{`${pick(profile.region.name, lang)}: ${t("profile.similar")}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.name")}</th>
                  <th scope="col">{t("profile.zone")}</th>
                  <th scope="col">{t("profile.distance")}</th>
                  <th scope="col">{t("profile.shared")}</th>
                </tr>
              </thead>
              <tbody>
                {profile.neighbours.map((n) => {
                  const r = byCode.get(n.code);
                  return (
                    <tr key={n.code}>
                      <th scope="row">
                        <ProfileLink code={n.code}>{r ? pick(r.name, lang) : n.code}</ProfileLink>
                      </th>
                      <td>{r?.zone ? t(`profile.zone.${r.zone}`) : "—"}</td>
                      <td className="num">{formatNumber(n.distance, 2, lang)}</td>
                      <td className="num">{n.shared}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <ViewLink
              className="button-link"
              to={(v) => ({
                ...v,
                view: "compare",
                regions: codes,
                region: null,
                // Compare's default indicator: the one in the URL may be the Map's index tiers, no indicator.
                indicator: null,
                year: profile.year,
                tab: "chart",
                from: null,
                to: null,
              })}
            >
              {t("profile.compare")}
            </ViewLink>
          </p>
        </>
      ) : (
        <Empty reason={t("profile.similarNone")} />
      )}
    </Panel>
  );
}

/**
 * The profile's measure (`per=` in the URL): size-free (null, each amount in its natural
 * intensive form, as the index reads it) or totals (`total`). Any other `per` (a Map's
 * `population`, say) names one denominator, which not every indicator has: size-free.
 */
function ProfileMeasure({ per }: { per: string | null }) {
  const t = useT();
  const update = useApp((s) => s.update);
  const id = useId();
  const total = per === TOTAL;
  return (
    <fieldset className="segmented profile-measure" aria-describedby={`${id}-help`}>
      <legend>{t("profile.measure")}</legend>
      <label>
        <input type="radio" name={`${id}-per`} checked={!total} onChange={() => update({ per: null })} />
        {t("profile.measure.natural")}
      </label>
      <label>
        <input type="radio" name={`${id}-per`} checked={total} onChange={() => update({ per: TOTAL })} />
        {t("profile.measure.total")}
      </label>
      <span id={`${id}-help`} className="visually-hidden">
        {t("profile.measure.help")}
      </span>
    </fieldset>
  );
}

/** The notice's measure: every amount in its own natural form (no single denominator). */
const NATURAL: MeasureChoice = {
  per: "natural",
  denominator: { kind: "indicator", id: "natural" },
  scale: 1,
  label: null,
  unit: { zh: "", en: "" },
  decimals: 1,
};

/** Every pillar's indicators: value, change, rank and median of the level; each row opens Explore. */
export function IndicatorsPanel({ profile }: { profile: Profile }) {
  const t = useT();
  const lang = useLang();
  const per = useApp((s) => s.per);
  const list = rowsFor(profile, per);
  const naturalChoice = useMemo(
    (): MeasureChoice => ({
      ...NATURAL,
      label: { zh: t("profile.measure.naturalLabel"), en: t("profile.measure.naturalLabel") },
    }),
    [t],
  );
  const name = pick(profile.region.name, lang);
  const year = profile.year ?? "";
  const title = t("profile.indicators");
  const spec = (): ExportSpec => ({
    title: t("profile.export.title", { name, year }),
    subtitle: `${name} · ${levelName(profile, t)} · ${year}`,
    option: null,
    file: { indicator: `profile-${profile.region.code}`, level: profile.level, period: year, lang, suffix: "indicators" },
    csv: () => indicatorsTable(profile, lang, t, list),
    source: [...new Set(list.map((r) => pick(r.indicator.source, lang)))].join("; "),
  });
  const ranked = profile.level !== "province";
  return (
    <Panel title={title} className="profile-indicators panel-later" actions={<ExportMenu id="profile-indicators" spec={spec} />}>
      <p className="muted">{t("profile.indicatorsIntro", { year })}</p>
      <ProfileMeasure per={per} />
      <MeasureNotice choice={naturalChoice} implicit={per === null} />
      {per === TOTAL && ranked && <p className="muted">{t("profile.measure.totalNote")}</p>}
      <TableWrap label={t("profile.export.title", { name, year })}>
        <table className="catalogue profile-table">
          <caption className="visually-hidden">{t("profile.export.title", { name, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("profile.indicator")}</th>
              <th scope="col">{t("table.value")}</th>
              <th scope="col">{t("table.change")}</th>
              {ranked && <th scope="col">{t("table.rank")}</th>}
              {ranked && <th scope="col">{t("profile.median")}</th>}
            </tr>
          </thead>
          <tbody>
            {PILLARS.map((p) => {
              const rows = list.filter((r) => r.indicator.pillar === p);
              return (
                <Fragment key={p}>
                  <tr className="profile-pillar-row">
                    <th scope="colgroup" colSpan={ranked ? 5 : 3}>
                      {t(`pillar.${p}`)}
                    </th>
                  </tr>
                  {rows.length ? (
                    rows.map((r) => (
                      <tr key={r.indicator.id}>
                        <th scope="row">
                          <ViewLink to={exploreView(profile.region.code, r.indicator.id)}>
                            {pick(r.indicator.name, lang)}
                          </ViewLink>
                        </th>
                        <td className="num">
                          {formatValue(r.value, r.indicator, lang)}
                          {r.status && r.status !== "final" && <span className="code"> ({t(`status.${r.status}`)})</span>}
                        </td>
                        <td className="num">{r.change ? formatChange(r.change, lang, t) : "—"}</td>
                        {ranked && <td className="num">{r.standing ? `${r.standing.rank} / ${r.standing.of}` : "—"}</td>}
                        {ranked && (
                          <td className="num">{r.standing ? formatValue(r.standing.median, r.indicator, lang) : "—"}</td>
                        )}
                      </tr>
                    ))
                  ) : (
                    <tr>
                      <td colSpan={ranked ? 5 : 3} className="muted">
                        {t("profile.noPillarIndicators")}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </Panel>
  );
}
