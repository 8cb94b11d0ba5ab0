import { sortAssessments, type TargetAssessment } from "../../domain/assessment";
import { formatChange, formatValue, pick, type Translate } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { Lang } from "../../state/url";
import { Empty } from "../../ui/Panel";
import { TableWrap } from "../../ui/TableWrap";

/** "+0.8 pp a year" / "+12.0% a year", or "—". */
export function perYear(value: number | null, unit: "pp" | "pct", lang: Lang, t: Translate): string {
  if (value === null) return "—";
  return t("targets.perYear", { change: formatChange({ kind: unit, value, better: null }, lang, t) });
}

/**
 * For leaders: each official target with two verdicts side by side (today against the path,
 * and by the target year from the projection of the current trend with its 80% band), and
 * the effort it needs from now on beside what was achieved so far.
 */
export function TargetsPanel({ assessments }: { assessments: readonly TargetAssessment[] }) {
  const t = useT();
  const lang = useLang();
  if (!assessments.length) return <Empty reason={t("targets.none")} />;
  return (
    <TableWrap label={t("targets.tableLabel")}>
      <table className="catalogue targets">
        <thead>
          <tr>
            <th scope="col">{t("targets.indicator")}</th>
            <th scope="col">{t("targets.baseline")}</th>
            <th scope="col">{t("targets.latest")}</th>
            <th scope="col">{t("targets.target")}</th>
            <th scope="col">{t("targets.expected")}</th>
            <th scope="col">{t("targets.verdict")}</th>
            <th scope="col">{t("targets.projected")}</th>
            <th scope="col">{t("targets.outlook")}</th>
            <th scope="col">{t("targets.effort")}</th>
          </tr>
        </thead>
        <tbody>
          {sortAssessments(assessments).map((a) => {
            const { indicator: ind, progress: p, projection, outlook, effort } = a;
            return (
              <tr key={`${ind.id}-${p.target.period}`}>
                <th scope="row">{pick(ind.name, lang)}</th>
                <td className="num">
                  {formatValue(p.baseline.value, ind, lang)}{" "}
                  <span className="code">
                    ({p.baseline.from === "plan" ? p.baseline.period : `${p.baseline.period}, ${t("targets.baselineFromData")}`})
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
                  <span className={`verdict verdict-${p.verdict}`}>{t(`verdict.${p.verdict}`)}</span>
                </td>
                <td className="num">
                  {projection ? (
                    <>
                      {formatValue(projection.atTarget.value, ind, lang)}
                      <span className="code">
                        {" "}
                        (
                        {t("targets.band", {
                          low: formatValue(projection.atTarget.low, ind, lang),
                          high: formatValue(projection.atTarget.high, ind, lang),
                        })}
                        ; {t(`fit.${projection.method}`)})
                      </span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{outlook ? <span className={`verdict outlook-${outlook}`}>{t(`outlook.${outlook}`)}</span> : "—"}</td>
                <td className="num">
                  {t("targets.effortValue", {
                    needed: perYear(effort.needed, effort.unit, lang, t),
                    achieved: perYear(effort.achieved, effort.unit, lang, t),
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
