import { useMemo } from "react";
import type { Indicator, Observation, Region } from "../../api/contract";
import { useMeta, useObservations } from "../../api/hooks";
import { Chart } from "../../charts/Chart";
import { buildSeriesOption } from "../../charts/series-option";
import { assessTarget, type TargetAssessment } from "../../domain/assessment";
import { currentTarget } from "../../domain/catalogue";
import { seriesOf } from "../../domain/series";
import type { CsvTable } from "../../export/csv";
import { formatValue, pick, type Translate, unitLabel } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { Lang } from "../../state/url";
import { ExportMenu } from "../../ui/ExportMenu";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { TableWrap } from "../../ui/TableWrap";

/** The province's path on one indicator over the years, with its targets and the policy milestones. */
export function TrendPanel({
  indicator,
  indicators,
  province,
  onPick,
  controls,
}: {
  indicator: Indicator;
  indicators: readonly Indicator[];
  province: Region;
  onPick: (id: string) => void;
  /** Show the picker and the export menu (not on a wall display). */
  controls: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const q = useObservations({ indicator: indicator.id, level: "province" });
  const milestones = useMeta().data?.milestones;
  const region = province.code;
  const observations = useMemo(() => seriesOf(q.data ?? [], region), [q.data, region]);
  const lastYear = useMeta().data?.lastYear;
  // The outlook to the target judged today (the earliest not yet passed), from the assessment module.
  const assessment = useMemo(() => {
    const target = lastYear === undefined ? undefined : currentTarget(indicator, region, lastYear);
    return target && q.data ? assessTarget(indicator, target, q.data) : null;
  }, [indicator, region, lastYear, q.data]);
  const option = useMemo(
    () =>
      buildSeriesOption(
        {
          indicator,
          lines: [{ name: pick(province.name, lang), observations }],
          targets: indicator.targets.filter((x) => x.region === region && !x.period.includes("Q")),
          milestones,
          outlook: assessment ? { trajectory: assessment.trajectory, projection: assessment.projection?.path ?? [] } : undefined,
        },
        lang,
        t,
      ),
    [indicator, observations, province, region, milestones, assessment, lang, t],
  );
  const twin = useMemo(
    () => trendTable(indicator, observations, assessment, lang, t),
    [indicator, observations, assessment, lang, t],
  );
  const [from, to] = [observations[0]?.period ?? "", observations.at(-1)?.period ?? ""];
  const title = t("overview.trendTitle", { name: pick(indicator.name, lang), from, to });
  return (
    <Panel
      title={t("overview.trend")}
      actions={
        controls && (
          <>
            <IndicatorPicker indicators={indicators} value={indicator.id} onChange={onPick} label={t("overview.indicator")} />
            <ExportMenu
              id="overview-trend"
              spec={() => ({
                title,
                subtitle: `${pick(province.name, lang)}, ${t("level.province")}`,
                option,
                file: { indicator: indicator.id, level: "province", period: `${from}-${to}`, lang },
                csv: () => twin,
                indicator,
                source: pick(indicator.source, lang),
              })}
            />
          </>
        )
      }
    >
      <QueryGate queries={[q]} height={320}>
        {() =>
          observations.some((o) => o.value !== null) ? (
            <>
              <Chart option={option} label={title} />
              <details className="twin">
                <summary>{t("trend.table")}</summary>
                <TableWrap label={title}>
                  <table className="catalogue">
                    <caption className="visually-hidden">{title}</caption>
                    <thead>
                      <tr>
                        {twin.header.map((h) => (
                          <th key={h} scope="col">
                            {/* The CSV's header names the raw numbers' unit; on screen the figures are scaled ("yuan"). */}
                            {h.replace(`(${pick(indicator.unit, lang)})`, `(${unitLabel(indicator, lang)})`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {twin.rows.map((row) => (
                        <tr key={String(row[0])}>
                          <th scope="row">{row[0]}</th>
                          {row.slice(1).map((cell, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                            <td key={i} className="num">
                              {typeof cell === "string" ? cell : formatValue(cell, indicator, lang, "—", false)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </details>
            </>
          ) : (
            <Empty reason={t("overview.noValues")} />
          )
        }
      </QueryGate>
    </Panel>
  );
}

/**
 * The trend chart's table twin (and its CSV): by year, the value and its status, the target
 * path, and the projection with its 80% band: the same numbers as the chart.
 */
export function trendTable(
  indicator: Indicator,
  observations: readonly Observation[],
  assessment: TargetAssessment | null,
  lang: Lang,
  t: Translate,
): CsvTable {
  const path = new Map(assessment?.trajectory.map((x) => [String(x.year), x.value]));
  const projection = new Map(assessment?.projection?.path.map((x) => [String(x.year), x]));
  const observed = new Map(observations.map((o) => [o.period, o]));
  const years = [...new Set([...observed.keys(), ...path.keys(), ...projection.keys()])].sort();
  const unit = pick(indicator.unit, lang);
  return {
    header: [
      t("export.period"),
      `${t("table.value")} (${unit})`,
      t("table.status"),
      `${t("chart.trajectory")} (${unit})`,
      `${t("chart.projection")} (${unit})`,
      t("trend.bandLow"),
      t("trend.bandHigh"),
    ],
    textColumns: [0],
    rows: years.map((y) => {
      const o = observed.get(y);
      const p = projection.get(y);
      return [
        y,
        o?.value ?? null,
        o ? t(`status.${o.status}`) : "",
        path.get(y) ?? null,
        p?.value ?? null,
        p?.low ?? null,
        p?.high ?? null,
      ];
    }),
  };
}
