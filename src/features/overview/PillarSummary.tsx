import type { Indicator, Observation } from "../../api/contract";
import { useLandedSeries } from "../../api/landed";
import { byPillar } from "../../domain/catalogue";
import { change } from "../../domain/change";
import { useT } from "../../i18n/use-t";
import { QueryGate } from "../../ui/Panel";

export interface PillarMoves {
  pillar: Indicator["pillar"];
  better: number;
  worse: number;
  flat: number;
}

/** How a region's indicators of each pillar moved in `year` against the year before, by each one's direction. */
export function pillarMoves(
  indicators: readonly Indicator[],
  observations: readonly (readonly Observation[] | undefined)[],
  region: string,
  year: string,
): PillarMoves[] {
  const value = (obs: readonly Observation[] | undefined, period: string) =>
    obs?.find((o) => o.region === region && o.period === period)?.value ?? null;
  const moves = indicators.map((ind, k) =>
    change(ind, value(observations[k], year), value(observations[k], String(Number(year) - 1))),
  );
  return byPillar(indicators).map(({ pillar, indicators: list }) => {
    const mine = list.map((i) => moves[indicators.indexOf(i)]);
    const better = mine.filter((c) => c?.better === true).length;
    const worse = mine.filter((c) => c?.better === false).length;
    return { pillar, better, worse, flat: mine.length - better - worse };
  });
}

/** For leaders: for each of the seven pillars, how many of the province's indicators improved this year. */
export function PillarSummary({
  indicators,
  province,
  year,
}: {
  indicators: readonly Indicator[];
  province: string;
  year: string;
}) {
  const t = useT();
  const list = indicators.filter((i) => !i.context && i.levels.includes("province"));
  const results = useLandedSeries(list.map((i) => ({ indicator: i.id, level: "province" as const })));
  return (
    <QueryGate queries={results} height={200}>
      {() => (
        <>
          <p className="intro">{t("pillars.intro", { year })}</p>
          <ul className="pillar-moves">
            {pillarMoves(
              list,
              results.map((r) => r.data),
              province,
              year,
            ).map((m) => {
              const total = m.better + m.worse + m.flat;
              return (
                <li key={m.pillar}>
                  <span className="pillar-name">{t(`pillar.${m.pillar}`)}</span>
                  <span className="moves-bar" aria-hidden="true">
                    <span className="good-bg" style={{ flex: m.better }} />
                    <span className="flat-bg" style={{ flex: m.flat }} />
                    <span className="bad-bg" style={{ flex: m.worse }} />
                  </span>
                  <span className="moves-text">
                    ▲ {t("pillars.better", { n: m.better })} · ▼ {t("pillars.worse", { n: m.worse })} ·{" "}
                    {t("pillars.flat", { n: m.flat })}
                    <span className="visually-hidden"> ({t("pillars.count", { n: total })})</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </QueryGate>
  );
}
