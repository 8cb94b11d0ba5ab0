/**
 * The command screen (`?screen=big`, 大屏): the whole province on one wall, unattended all day.
 * A choropleth of the current indicator in the centre, the headline figures on one side, the
 * targets with both verdicts on the other, the ranking's two ends under the map and a ticker
 * of warnings at the bottom; the map, ranking and highlighted figure cycle through the
 * indicators together. Its own lazy chunk (with its texts and styles).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useDataSource } from "../../api/context";
import type { Indicator, Meta, Region } from "../../api/contract";
import { describeError } from "../../api/errors";
import { regionsAtLevel } from "../../api/filter";
import { useIndicators, useManyObservations, useMeta, useRegions } from "../../api/hooks";
import { observationsQuery } from "../../api/queries";
import { Chart, ThemeContext, WALL_THEME } from "../../charts/Chart";
import { buildChoroplethOption, legendPieces } from "../../charts/map/choropleth-option";
import { buildRows, periodsOf } from "../../charts/map/map-data";
import { useBoundaries, useMapName } from "../../charts/map/use-boundaries";
import type { TargetAssessment } from "../../domain/assessment";
// The Overview's judgments, reused as they are: one computation, the same verdicts and warnings.
import { sortAssessments } from "../../domain/assessment";
import { computeBreaks } from "../../domain/bins";
import { featured } from "../../domain/catalogue";
import { change, latestWithPrevious } from "../../domain/change";
import { resolveMeasure } from "../../domain/intensity";
import { isQuarter } from "../../domain/periods";
import { seriesOf } from "../../domain/series";
import type { Warning } from "../../domain/warnings";
import { formatChange, formatValue, pick, type Translate, unitLabel } from "../../i18n/format";
import { addMessages } from "../../i18n/messages";
import * as overviewTexts from "../../i18n/messages-overview";
import * as screenTexts from "../../i18n/messages-screen";
import { useLang, useT } from "../../i18n/use-t";
import { useJudgments } from "../../judgments/use-judgments";
import { warningReason } from "../../judgments/warning-text";
import { useMeasured } from "../../measures/use-measured";
import { useApp } from "../../state/context";
import { Sparkline } from "../../ui/Sparkline";
import { beijingTime, cycleList, mappableLevel, rankingEnds, screenMapOption } from "./screen-model";
import { type Health, useOfflineSince, useRefresh, useSelfHealing } from "./use-unattended";
import "./screen.css";

addMessages(overviewTexts);
addMessages(screenTexts);

/** How long each warning stays in the ticker. */
const TICKER_MS = 8000;

export default function CommandScreen() {
  const t = useT();
  const update = useApp((s) => s.update);
  const meta = useMeta();
  const regions = useRegions();
  const indicators = useIndicators();
  const health = useSelfHealing([meta, regions, indicators]);
  const [paused, setPaused] = useState(false);
  // Before the first paint (a layout effect): the wall's theme never shows as the page's for a frame.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.add("wall", "screen-mode");
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") update({ screen: "normal", view: "overview" });
    };
    window.addEventListener("keydown", onKey);
    return () => {
      root.classList.remove("wall", "screen-mode");
      window.removeEventListener("keydown", onKey);
    };
  }, [update]);
  const ready = meta.data && regions.data && indicators.data;
  return (
    <ThemeContext.Provider value={WALL_THEME}>
      {/* Pausing on hover is a convenience; focus pauses it for keyboard users. */}
      <main
        id="main"
        className="screen"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={() => setPaused(false)}
      >
        <ScreenHeader meta={meta.data} onExit={() => update({ screen: "normal", view: "overview" })} />
        {ready ? (
          <ScreenBody meta={meta.data} regions={regions.data} indicators={indicators.data} paused={paused} />
        ) : (
          <div className="screen-wait">
            <Note health={health} t={t} />
            {!health.failing && <p role="status">{t("screen.loading")}</p>}
          </div>
        )}
      </main>
    </ThemeContext.Provider>
  );
}

function ScreenHeader({ meta, onExit }: { meta: Meta | undefined; onExit: () => void }) {
  const t = useT();
  const lang = useLang();
  const offlineSince = useOfflineSince();
  return (
    <header className="screen-head">
      <h1>{meta ? pick(meta.title, lang) : t("app.title")}</h1>
      {meta?.simulated && (
        <span className="screen-badge" title={t("badge.simulatedHelp")}>
          {t("badge.simulated")}
        </span>
      )}
      {meta && <span className="screen-version">{t("header.version", { version: meta.dataVersion })}</span>}
      {offlineSince !== null && (
        <p className="screen-offline" role="status">
          {t("screen.offline", { time: beijingTime(offlineSince).minutes })}
        </p>
      )}
      <Clock />
      <button type="button" className="screen-exit" onClick={onExit}>
        {t("big.exit")}
      </button>
    </header>
  );
}

function Clock() {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const { date, seconds } = beijingTime(now);
  return (
    <p className="screen-clock">
      <span className="screen-clock-zone">{t("screen.clock")}</span>{" "}
      <time dateTime={`${date}T${seconds}+08:00`}>{`${date} ${seconds}`}</time>
    </p>
  );
}

/** "data as of HH:MM, retrying" over a panel's last good data, or why it has none yet. */
function Note({ health, t }: { health: Health; t: Translate }) {
  if (!health.failing) return null;
  return health.asOf > 0 ? (
    <p className="screen-stale" role="status">
      {t("screen.asOf", { time: beijingTime(health.asOf).minutes })}
    </p>
  ) : (
    <p className="screen-stale" role="alert">
      {t("screen.retrying", { reason: describeError(health.error, t) })}
    </p>
  );
}

function ScreenBody({
  meta,
  regions,
  indicators,
  paused,
}: {
  meta: Meta;
  regions: readonly Region[];
  indicators: readonly Indicator[];
  paused: boolean;
}) {
  const { cycle, indicators: ids, refresh } = useApp((s) => s);
  const province = regions.find((r) => r.level === "province")?.code ?? "";
  const list = useMemo(() => cycleList(indicators, ids), [indicators, ids]);
  const [step, setStep] = useState(0);
  const index = list.length ? step % list.length : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each step restarts the timer
  useEffect(() => {
    if (paused || list.length < 2) return;
    const timer = window.setTimeout(() => setStep((s) => (s + 1) % list.length), cycle * 1000);
    return () => window.clearTimeout(timer);
  }, [step, paused, cycle, list.length]);
  // The next indicator's figures load while this one is up: each change is drawn at once.
  const client = useQueryClient();
  const src = useDataSource();
  const next = list[(index + 1) % list.length];
  useEffect(() => {
    const level = next && mappableLevel(next);
    if (!level) return;
    void client.prefetchQuery(observationsQuery(src, { indicator: next.id, level }));
    // The map shows it in its natural intensive form: its denominator too.
    const den = resolveMeasure(next, indicators, null).choice.denominator;
    if (den?.kind === "indicator") void client.prefetchQuery(observationsQuery(src, { indicator: den.id, level }));
  }, [client, src, next, indicators]);
  useRefresh(refresh, meta.dataVersion);

  // County level, as the map: the warnings are about the units the map draws.
  const judged = useJudgments({ indicators, regions, province, level: "county", lastYear: meta.lastYear });
  const targets = useLastGood(judged.targets.value);
  const warnings = useLastGood(judged.warnings.value);
  const targetsHealth = useSelfHealing(judged.targets.queries);
  const warningsHealth = useSelfHealing(judged.warnings.queries);
  const current = list[index];
  return (
    <>
      <Kpis indicators={indicators} current={current} province={province} lastYear={meta.lastYear} />
      {current ? (
        // Not keyed by indicator: one chart for the whole day, its option replaced at each step.
        <MapAndRanking indicator={current} regions={regions} step={index} steps={list.length} paused={paused} />
      ) : (
        <section className="screen-panel screen-map" />
      )}
      <Targets assessments={targets} health={targetsHealth} />
      <Ticker warnings={warnings} health={warningsHealth} indicators={indicators} regions={regions} paused={paused} />
    </>
  );
}

function Kpis({
  indicators,
  current,
  province,
  lastYear,
}: {
  indicators: readonly Indicator[];
  current: Indicator | undefined;
  province: string;
  lastYear: number;
}) {
  const t = useT();
  const lang = useLang();
  const list = useMemo(() => featured(indicators), [indicators]);
  const queries = useManyObservations(list.map((i) => ({ indicator: i.id, level: "province" as const })));
  const health = useSelfHealing(queries);
  const until = String(lastYear);
  return (
    <section className="screen-panel screen-kpis" aria-labelledby="screen-kpis">
      <h2 id="screen-kpis">{t("screen.kpis")}</h2>
      <Note health={health} t={t} />
      <ul>
        {list.map((ind, k) => {
          const data = queries[k]?.data;
          const { latest, previous } = data
            ? latestWithPrevious(data, province, until)
            : { latest: undefined, previous: undefined };
          const c = latest ? change(ind, latest.value, previous?.value ?? null) : null;
          const name = pick(ind.name, lang);
          return (
            <li
              key={ind.id}
              className={ind.id === current?.id ? "current" : undefined}
              aria-current={ind.id === current?.id || undefined}
            >
              <h3>{name}</h3>
              <p className="screen-figure">{data ? formatValue(latest?.value ?? null, ind, lang, t("kpi.noData")) : "…"}</p>
              <p className={`screen-change ${c?.better === true ? "good" : c?.better === false ? "bad" : ""}`}>
                {c ? (
                  <>
                    <span aria-hidden="true">{c.value > 0 ? "▲" : c.value < 0 ? "▼" : "■"}</span> {formatChange(c, lang, t)}{" "}
                    {t("kpi.vsLastYear")} <span className="screen-period">{latest?.period}</span>
                  </>
                ) : (
                  latest?.period
                )}
              </p>
              {data && <Sparkline values={seriesOf(data, province, { until }).map((o) => o.value)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The element's height in px, followed as the window changes. */
function useHeight(ref: React.RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return height;
}

const NO_CATALOGUE: readonly Indicator[] = [];

function MapAndRanking({
  indicator,
  regions,
  step,
  steps,
  paused,
}: {
  indicator: Indicator;
  regions: readonly Region[];
  step: number;
  steps: number;
  paused: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const { bins, cycle } = useApp((s) => s);
  const level = mappableLevel(indicator) ?? "city";
  // An amount in its natural intensive form (per resident, per GDP…), never a choropleth of totals (#16).
  const catalogue = useIndicators().data;
  const query = useMemo(() => ({ indicator: indicator.id, level }), [indicator.id, level]);
  const measured = useMeasured(indicator, catalogue ?? NO_CATALOGUE, null, query);
  const shownIndicator = measured.indicator;
  const observations = { data: measured.data };
  const boundaries = useBoundaries();
  const health = useSelfHealing([...measured.queries, boundaries]);
  const units = useMemo(() => regionsAtLevel(regions, level), [regions, level]);
  const period = useMemo(() => {
    const data = observations.data ?? [];
    return periodsOf(data)
      .filter((p) => !isQuarter(p))
      .reverse()
      .find((p) => data.some((o) => o.period === p && o.value !== null));
  }, [observations.data]);
  const rows = useMemo(
    () => (period && observations.data ? buildRows(units, observations.data, period, shownIndicator) : []),
    [units, observations.data, period, shownIndicator],
  );
  const breaks = useMemo(
    () =>
      computeBreaks(
        rows.map((r) => r.value),
        bins,
      ),
    [rows, bins],
  );
  const mapName = useMapName(boundaries.data, level, null, units);
  const body = useRef<HTMLDivElement>(null);
  const height = useHeight(body);
  const option = useMemo(() => {
    if (!mapName || !boundaries.data || !rows.length || !height) return null;
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const scale = t("map.scale", { n: rows.filter((r) => r.value !== null).length, level: t(`level.${level}`) });
    const base = buildChoroplethOption(
      { mapName, indicator: shownIndicator, rows, breaks, frame: boundaries.data.mainland, labels: true, scale },
      lang,
      t,
    );
    return screenMapOption(base, rem);
  }, [mapName, boundaries.data, rows, breaks, shownIndicator, level, lang, t, height]);
  const pieces = useMemo(
    () => legendPieces({ indicator: shownIndicator, rows, breaks }, lang, t),
    [shownIndicator, rows, breaks, lang, t],
  );
  const lastOption = useRef(option);
  if (option) lastOption.current = option;
  const shown = lastOption.current;
  const name = pick(shownIndicator.name, lang);
  const title = period ? t("screen.mapTitle", { name, period, level: t(`level.${level}`) }) : name;
  const { top, bottom } = rankingEnds(rows);
  const item = (r: (typeof rows)[number]) => (
    <li key={r.code}>
      <span className="screen-rank">{r.rank}</span>
      <span className="screen-region">{pick(r.name, lang)}</span>
      <span className="screen-value">{formatValue(r.value, shownIndicator, lang)}</span>
    </li>
  );
  return (
    <>
      <section className="screen-panel screen-map" aria-labelledby="screen-map">
        <div className="screen-map-head">
          <h2 id="screen-map">{title}</h2>
          <p className="screen-cycle">
            {paused ? t("screen.paused") : t("screen.progress", { i: step + 1, n: steps, s: cycle })}
          </p>
          {steps > 1 && (
            <span
              key={`${step}-${paused}`}
              className={`screen-progress${paused ? " paused" : ""}`}
              style={{ animationDuration: `${cycle}s` }}
              aria-hidden="true"
            />
          )}
        </div>
        <Note health={health} t={t} />
        {option && (
          <div className="screen-legend">
            <span>{unitLabel(shownIndicator, lang)}</span>
            <ul aria-label={t("screen.legend")}>
              {pieces.map((p) => (
                <li key={p.value}>
                  <span className="screen-swatch" style={{ background: p.color }} aria-hidden="true" />
                  {p.label}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="screen-map-body" ref={body}>
          {/* One chart for the day: while the next indicator loads it stays mounted, hidden, never
              showing the previous indicator's colours under the new name. */}
          {shown && (
            <div className={option ? undefined : "screen-map-hidden"}>
              <Chart option={shown} label={title} height={height} />
            </div>
          )}
          {!option && <p className="screen-wait">{t("screen.loading")}</p>}
        </div>
      </section>
      <section className="screen-panel screen-ranking" aria-labelledby="screen-ranking">
        <h2 id="screen-ranking">{t("screen.ranking", { name })}</h2>
        <div className="screen-ends">
          <div>
            <h3>{t("screen.top")}</h3>
            <ol>{top.map(item)}</ol>
          </div>
          <div>
            <h3>{t("screen.bottom")}</h3>
            <ol>{bottom.map(item)}</ol>
          </div>
        </div>
      </section>
    </>
  );
}

/** A refetch that fails leaves a judgment unsettled (null): the last good one stays up meanwhile. */
function useLastGood<T>(value: T | null): T | null {
  const last = useRef(value);
  if (value !== null) last.current = value;
  return last.current;
}

function Targets({ assessments, health }: { assessments: readonly TargetAssessment[] | null; health: Health }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="screen-panel screen-targets" aria-labelledby="screen-targets">
      <h2 id="screen-targets">{t("screen.targets")}</h2>
      <Note health={health} t={t} />
      {assessments ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("targets.indicator")}</th>
              <th scope="col">{t("targets.target")}</th>
              <th scope="col">{t("screen.targetNow")}</th>
              <th scope="col">{t("screen.targetBy")}</th>
            </tr>
          </thead>
          <tbody>
            {sortAssessments(assessments).map(({ indicator: ind, progress: p, outlook }) => (
              <tr key={`${ind.id}-${p.target.period}`}>
                <th scope="row">{pick(ind.name, lang)}</th>
                <td className="screen-value">
                  {formatValue(p.target.value, ind, lang)} <span className="screen-period">{p.target.period}</span>
                </td>
                <td>
                  <span className={`screen-verdict v-${p.verdict}`}>{t(`verdict.${p.verdict}`)}</span>
                </td>
                <td>{outlook ? <span className={`screen-verdict v-${outlook}`}>{t(`outlook.${outlook}`)}</span> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !health.failing && <p className="screen-wait">{t("screen.loading")}</p>
      )}
    </section>
  );
}

function Ticker({
  warnings: found,
  health,
  indicators,
  regions,
  paused,
}: {
  warnings: readonly Warning[] | null;
  health: Health;
  indicators: readonly Indicator[];
  regions: readonly Region[];
  paused: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const warnings = found ?? [];
  const [step, setStep] = useState(0);
  const index = warnings.length ? step % warnings.length : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each step restarts the timer
  useEffect(() => {
    if (paused || warnings.length < 2) return;
    const timer = window.setTimeout(() => setStep((s) => (s + 1) % warnings.length), TICKER_MS);
    return () => window.clearTimeout(timer);
  }, [step, paused, warnings.length]);
  const w = warnings[index];
  const ind = w && indicators.find((i) => i.id === w.indicator);
  const region = w && regions.find((r) => r.code === w.region);
  return (
    <section className="screen-panel screen-ticker" aria-labelledby="screen-ticker">
      <h2 id="screen-ticker">
        {t("screen.warnings")}
        {warnings.length > 0 && (
          <span className="screen-count"> {t("screen.warningOf", { i: index + 1, n: warnings.length })}</span>
        )}
      </h2>
      <Note health={health} t={t} />
      {/* Not announced: a line that changes every few seconds would drown a screen reader. */}
      <p className="screen-ticker-line" aria-live="off" key={index}>
        {w && ind && region ? (
          <>
            <strong>{pick(region.name, lang)}</strong> · {pick(ind.name, lang)} · {w.period}: {warningReason(w, ind, lang, t)}
          </>
        ) : found ? (
          t("warnings.none")
        ) : null}
      </p>
    </section>
  );
}
