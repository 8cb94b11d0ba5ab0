import { useMemo } from "react";
import type { Indicator, Region } from "../../api/contract";
import { Chart } from "../../charts/Chart";
import type { EChartsOption } from "../../charts/echarts";
import { yearOf } from "../../domain/periods";
import type { ExportSpec } from "../../export/spec";
import { formatChange, formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { ExportMenu } from "../../ui/ExportMenu";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { exploreSubtitle, inputsTable, rangeText, sourcesOf } from "./export";
import {
  buildInputsOption,
  INPUT_PILLARS,
  type InputsData,
  inputIndicators,
  inputsData,
  inputsLegend,
  type Point,
} from "./inputs-option";
import type { PeriodRange } from "./range";
import { type Selection, useRegionObservations } from "./use-explore-data";

/** The years a range covers (a quarterly range is compared year on year too). */
export const rangeYears = (range: PeriodRange): string[] => [...new Set(range.periods.map((p) => String(yearOf(p))))];

/**
 * "Investment" and "Talent" beside outcomes: for the first selected region, each pillar's
 * indicators as bars of their change on the year before, with the explored indicator's change
 * as a line on a second axis. The caption says that moving together is not causation.
 */
export function InputsPanel({
  indicator,
  indicators,
  region,
  range,
  selection,
}: {
  indicator: Indicator;
  indicators: readonly Indicator[];
  region: Region;
  range: PeriodRange;
  selection: Selection;
}) {
  const t = useT();
  const lang = useLang();
  const candidates = useMemo(() => inputIndicators(indicators, indicator, region.level), [indicators, indicator, region.level]);
  const all = useMemo(() => INPUT_PILLARS.flatMap((p) => candidates[p]), [candidates]);
  const inputs = useRegionObservations(all, region);
  const outcomePublished = indicator.levels.includes(region.level);
  const outcomeObservations = useMemo(
    () => selection.observations.filter((o) => o.region === region.code),
    [selection.observations, region.code],
  );
  const years = useMemo(() => rangeYears(range), [range]);
  const charts = useMemo(
    () =>
      INPUT_PILLARS.map((pillar) => {
        const data = inputsData({
          outcome: indicator,
          outcomeObservations,
          inputs: candidates[pillar].map((ind) => ({ indicator: ind, observations: inputs.data[all.indexOf(ind)] ?? [] })),
          years,
        });
        return {
          pillar,
          data,
          option: buildInputsOption(data, indicator, lang, t),
          legend: inputsLegend(data, indicator, lang, t),
        };
      }),
    [inputs.data, all, candidates, indicator, outcomeObservations, years, lang, t],
  );

  const regionName = pick(region.name, lang);
  const name = pick(indicator.name, lang);
  const [first, last] = [years[0] ?? range.from, years[years.length - 1] ?? range.to];
  const exportSpec = (pillar: (typeof INPUT_PILLARS)[number], data: InputsData, option: EChartsOption): ExportSpec => ({
    title: `${t("explore.inputs.title", { region: regionName })} · ${t(`pillar.${pillar}`)}`,
    // Two axes and a caution the reader of a lone image needs: how to read it, and that it is no proof of cause.
    subtitle: [
      exploreSubtitle([region], rangeText(first, last), lang, t),
      `${t("explore.inputs.caption", { name, unit: data.line.kind === "pp" ? t("explore.inputs.pp") : "%" })} ${t("explore.inputs.causation")}`,
    ].join("\n"),
    option,
    file: {
      indicator: indicator.id,
      level: region.level,
      period: rangeText(first, last, "-"),
      lang,
      suffix: `inputs-${pillar}`,
    },
    csv: () => inputsTable(data, indicator, region, lang, t),
    // Several indicators: no single "full indicator" CSV; the sources of all of them.
    source: sourcesOf([...data.bars.map((b) => b.indicator), indicator], lang),
  });
  return (
    <Panel title={t("explore.inputs.title", { region: regionName })} className="explore-inputs">
      <p className="intro">{t("explore.inputs.intro", { region: regionName, name })}</p>
      <p className="explore-causation" role="note">
        {t("explore.inputs.causation")}
      </p>
      {!outcomePublished && <p className="explore-note">{t("explore.inputs.noOutcome", { name, region: regionName })}</p>}
      <QueryGate queries={[...inputs.queries, ...selection.queries]} height={320}>
        {() => (
          <div className="explore-inputs-grid">
            {charts.map(({ pillar, data, option, legend }) => (
              <section key={pillar} aria-label={t(`pillar.${pillar}`)}>
                <div className="explore-chart-head">
                  <h3 className="explore-subtitle">{t(`pillar.${pillar}`)}</h3>
                  {data.bars.length > 0 && (
                    <ExportMenu id={`explore-inputs-${pillar}`} spec={() => exportSpec(pillar, data, option)} />
                  )}
                </div>
                {data.bars.length === 0 ? (
                  <Empty reason={t("explore.inputs.none", { region: regionName, level: t(`level.${region.level}`) })} />
                ) : (
                  <>
                    <ul className="explore-series-key" aria-hidden="true">
                      {legend.map((entry) => (
                        <li key={entry.name}>
                          <span className={`explore-swatch explore-swatch-${entry.type}`} style={{ background: entry.color }} />
                          {entry.name}
                        </li>
                      ))}
                    </ul>
                    <Chart
                      option={option}
                      label={t("explore.inputs.chartLabel", {
                        pillar: t(`pillar.${pillar}`),
                        name,
                        region: regionName,
                        from: years[0],
                        to: years[years.length - 1],
                      })}
                      height={340}
                    />
                    <p className="explore-note">
                      {t("explore.inputs.caption", {
                        name,
                        unit: data.line.kind === "pp" ? t("explore.inputs.pp") : "%",
                      })}
                    </p>
                    <Figures data={data} outcome={indicator} />
                  </>
                )}
                {data.omitted.length > 0 && (
                  <p className="explore-note">
                    {t("explore.inputs.omitted", {
                      names: data.omitted.map((i) => pick(i.name, lang)).join(t("explore.listSeparator")),
                    })}
                  </p>
                )}
              </section>
            ))}
          </div>
        )}
      </QueryGate>
    </Panel>
  );
}

/** The chart's numbers as a table: each input's level and change, and the outcome's change. */
function Figures({ data, outcome }: { data: InputsData; outcome: Indicator }) {
  const t = useT();
  const lang = useLang();
  const cell = (p: Point, ind: Indicator, kind: "pct" | "pp", level: boolean) => {
    if (p.value === null) return "—";
    const change = p.change === null ? "—" : formatChange({ kind, value: p.change, better: null }, lang, t);
    return level ? `${formatValue(p.value, ind, lang)} (${change})` : change;
  };
  return (
    <details className="explore-figures">
      <summary>{t("explore.inputs.figures")}</summary>
      <div className="table-wrap">
        <table className="catalogue">
          <thead>
            <tr>
              <th scope="col">{t("explore.inputs.indicator")}</th>
              {data.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.bars.map((bar) => (
              <tr key={bar.indicator.id}>
                <th scope="row">{pick(bar.indicator.name, lang)}</th>
                {bar.points.map((p, i) => (
                  <td key={data.years[i]} className="num">
                    {cell(p, bar.indicator, "pct", true)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("explore.inputs.outcomeSeries", { name: pick(outcome.name, lang) })}</th>
              {data.line.points.map((p, i) => (
                <td key={data.years[i]} className="num">
                  {cell(p, outcome, data.line.kind, false)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  );
}
