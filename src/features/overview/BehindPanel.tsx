import type { Indicator, Observation, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useManyObservations } from "../../api/hooks";
import { isRate } from "../../domain/measure";
import { gapToPath, type TargetProgress, targetProgress } from "../../domain/targets";
import { formatNumber, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { Empty, QueryGate } from "../../ui/Panel";
import { targetIndicators } from "./TargetsPanel";

export interface Shortfall {
  region: Region;
  indicator: Indicator;
  /** Relative gap to the province's path (negative = behind), see gapToPath. */
  gap: number;
  /** On how many of the indicators with targets the region is behind, of how many it has values for. */
  behindOn: number;
  of: number;
}

/**
 * The regions furthest behind the province's path: those behind on the most indicators with a
 * target (against the nearest target not yet passed), then by their worst gap; only gaps < 0.
 */
export function shortfalls(
  units: readonly Region[],
  list: readonly { indicator: Indicator; progress: TargetProgress; observations: readonly Observation[] }[],
  limit = 10,
): Shortfall[] {
  const worst = new Map<string, Shortfall>();
  const counted = new Map<string, number>();
  for (const { indicator, progress, observations } of list) {
    const at = (region: string, period: string) =>
      observations.find((o) => o.region === region && o.period === period)?.value ?? null;
    for (const region of units) {
      const gap = gapToPath(indicator, progress, {
        baseline: at(region.code, progress.baseline.period),
        latest: at(region.code, progress.latest.period),
      });
      if (gap === null) continue;
      counted.set(region.code, (counted.get(region.code) ?? 0) + 1);
      if (gap >= 0) continue;
      const current = worst.get(region.code);
      worst.set(region.code, {
        region,
        ...(!current || gap < current.gap ? { indicator, gap } : { indicator: current.indicator, gap: current.gap }),
        behindOn: (current?.behindOn ?? 0) + 1,
        of: 0,
      });
    }
  }
  return [...worst.values()]
    .map((s) => ({ ...s, of: counted.get(s.region.code) ?? 0 }))
    .sort((a, b) => b.behindOn - a.behindOn || a.gap - b.gap || a.region.code.localeCompare(b.region.code))
    .slice(0, limit);
}

/** The target a region is judged against: the earliest not yet passed, else the last. */
function currentTarget(ind: Indicator, province: string, lastYear: number) {
  const mine = ind.targets.filter((x) => x.region === province).sort((a, b) => a.period.localeCompare(b.period));
  return mine.find((x) => Number(x.period.slice(0, 4)) >= lastYear) ?? mine.at(-1);
}

/** For leaders: the cities (or counties) furthest from the province's path on the indicators with targets. */
export function BehindPanel({
  indicators,
  regions,
  province,
  lastYear,
}: {
  indicators: readonly Indicator[];
  regions: readonly Region[];
  province: string;
  lastYear: number;
}) {
  const t = useT();
  const lang = useLang();
  const level = useApp((s) => s.level);
  const update = useApp((s) => s.update);
  const list = targetIndicators(indicators, province).filter((i) => i.levels.includes(level));
  const provinceResults = useManyObservations(list.map((i) => ({ indicator: i.id, level: "province" as const })));
  const levelResults = useManyObservations(list.map((i) => ({ indicator: i.id, level })));
  const toggle = (
    <button type="button" onClick={() => update({ level: level === "city" ? "county" : "city" })}>
      {t(level === "city" ? "behind.showCounties" : "behind.showCities")}
    </button>
  );
  return (
    <>
      <p className="intro">{t("behind.intro")}</p>
      <QueryGate queries={[...provinceResults, ...levelResults]} height={240}>
        {() => {
          const inputs = list.flatMap((indicator, k) => {
            const target = currentTarget(indicator, province, lastYear);
            const progress = target && targetProgress(indicator, target, provinceResults[k].data ?? []);
            return progress ? [{ indicator, progress, observations: levelResults[k].data ?? [] }] : [];
          });
          const rows = shortfalls(regionsAtLevel(regions, level), inputs);
          return (
            <>
              {rows.length ? (
                <table className="catalogue behind">
                  <thead>
                    <tr>
                      <th scope="col">{t("behind.region")}</th>
                      <th scope="col">{t("behind.count")}</th>
                      <th scope="col">{t("behind.worst")}</th>
                      <th scope="col">{t("behind.gap")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.region.code}>
                        <th scope="row">{pick(r.region.name, lang)}</th>
                        <td className="num">{t("behind.countValue", { n: r.behindOn, of: r.of })}</td>
                        <td>{pick(r.indicator.name, lang)}</td>
                        <td className="num bad">
                          {isRate(r.indicator)
                            ? t("change.pp", { sign: "−", value: formatNumber(Math.abs(r.gap), 1, lang) })
                            : t("change.pct", { sign: "−", value: formatNumber(Math.abs(r.gap) * 100, 1, lang) })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty reason={t("behind.none")} />
              )}
              {toggle}
            </>
          );
        }}
      </QueryGate>
    </>
  );
}
