import type { Indicator } from "../../api/contract";
import { useManyObservations } from "../../api/hooks";
import { type TargetProgress, targetProgress } from "../../domain/targets";
import { formatNumber, formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { Empty, QueryGate } from "../../ui/Panel";

/** The indicators with a target for `region`, each with its targets (earliest first). */
export function targetIndicators(indicators: readonly Indicator[], region: string): Indicator[] {
  return indicators.filter((i) => !i.context && i.levels.includes("province") && i.targets.some((x) => x.region === region));
}

const ORDER = { behind: 0, "on-track": 1, achieved: 2 } as const;

/** For leaders: each official target, the value today, the path to it, and a verdict. */
export function TargetsPanel({ indicators, province }: { indicators: readonly Indicator[]; province: string }) {
  const t = useT();
  const lang = useLang();
  const list = targetIndicators(indicators, province);
  const results = useManyObservations(list.map((i) => ({ indicator: i.id, level: "province" as const })));
  if (!list.length) return <Empty reason={t("targets.none")} />;
  return (
    <QueryGate queries={results} height={200}>
      {() => {
        const rows = list
          .flatMap((ind, k) =>
            ind.targets
              .filter((x) => x.region === province)
              .map((x) => ({ ind, progress: targetProgress(ind, x, results[k].data ?? []) })),
          )
          .filter((r): r is { ind: Indicator; progress: TargetProgress } => r.progress !== null)
          .sort((a, b) => ORDER[a.progress.verdict] - ORDER[b.progress.verdict]);
        return (
          <div className="table-wrap">
            <table className="catalogue targets">
              <thead>
                <tr>
                  <th scope="col">{t("targets.indicator")}</th>
                  <th scope="col">{t("targets.baseline")}</th>
                  <th scope="col">{t("targets.latest")}</th>
                  <th scope="col">{t("targets.target")}</th>
                  <th scope="col">{t("targets.expected")}</th>
                  <th scope="col">{t("targets.progress")}</th>
                  <th scope="col">{t("targets.verdict")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ ind, progress: p }) => {
                  const covered = Math.max(0, Math.min(1, p.covered));
                  const expectedAt =
                    p.target.value === p.baseline.value
                      ? 1
                      : Math.max(0, Math.min(1, (p.expected - p.baseline.value) / (p.target.value - p.baseline.value)));
                  const pct = formatNumber(p.covered * 100, 0, lang);
                  return (
                    <tr key={`${ind.id}-${p.target.period}`}>
                      <th scope="row">{pick(ind.name, lang)}</th>
                      <td className="num">
                        {formatValue(p.baseline.value, ind, lang)}{" "}
                        <span className="code">
                          (
                          {p.baseline.from === "plan"
                            ? p.baseline.period
                            : `${p.baseline.period}, ${t("targets.baselineFromData")}`}
                          )
                        </span>
                      </td>
                      <td className="num">
                        {formatValue(p.latest.value, ind, lang)} <span className="code">({p.latest.period})</span>
                      </td>
                      <td className="num">
                        {formatValue(p.target.value, ind, lang)} <span className="code">({p.target.period})</span>
                      </td>
                      <td className="num">{formatValue(p.expected, ind, lang)}</td>
                      <td>
                        <div className="bullet" role="img" aria-label={t("targets.covered", { pct: `${pct}%` })}>
                          <div className={`bullet-fill verdict-${p.verdict}`} style={{ width: `${covered * 100}%` }} />
                          <div className="bullet-mark" style={{ left: `${expectedAt * 100}%` }} />
                        </div>
                      </td>
                      <td>
                        <span className={`verdict verdict-${p.verdict}`}>{t(`verdict.${p.verdict}`)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      }}
    </QueryGate>
  );
}
