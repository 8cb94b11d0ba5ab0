import type { Shortfall } from "../../domain/assessment";
import { formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { viewToParams } from "../../state/url";
import { Empty } from "../../ui/Panel";
import { ProfileLink } from "../../ui/ProfileLink";
import { TableWrap } from "../../ui/TableWrap";
import { shortfallText } from "./brief-sections";

/**
 * For leaders: the cities (or counties) whose progress falls furthest short, on the most
 * indicators with a target. Level and progress are separate columns, so that "low" and
 * "behind" are never confused.
 */
export function BehindPanel({ shortfalls }: { shortfalls: readonly Shortfall[] }) {
  const t = useT();
  const lang = useLang();
  const view = useApp((s) => s);
  return shortfalls.length ? (
    <TableWrap label={t("behind.tableLabel")}>
      <table className="catalogue behind">
        <thead>
          <tr>
            <th scope="col">{t("behind.region")}</th>
            <th scope="col">{t("behind.count")}</th>
            <th scope="col">{t("behind.worst")}</th>
            <th scope="col">{t("behind.level")}</th>
            <th scope="col">{t("behind.gap")}</th>
          </tr>
        </thead>
        <tbody>
          {shortfalls.map(({ region, worst, behindOn, of }) => {
            const href = `?${viewToParams({ ...view, view: "explore", indicator: worst.indicator.id, regions: [region.code], tab: "chart" })}`;
            return (
              <tr key={region.code}>
                <th scope="row">
                  <ProfileLink code={region.code}>{pick(region.name, lang)}</ProfileLink>
                </th>
                <td className="num">{t("behind.countValue", { n: behindOn, of })}</td>
                <td>
                  <a href={href}>{pick(worst.indicator.name, lang)}</a>
                </td>
                <td className="num">
                  {formatValue(worst.level, worst.indicator, lang)}
                  {worst.levelPeriod && <span className="code"> ({worst.levelPeriod})</span>}
                </td>
                <td className="num bad">
                  {shortfallText(worst, lang, t)}
                  <span className="code"> ({t(`behind.against.${worst.against}`)})</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  ) : (
    <Empty reason={t("behind.none")} />
  );
}
