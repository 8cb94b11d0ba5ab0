import { useState } from "react";
import type { Indicator, Region } from "../../api/contract";
import type { Warning } from "../../domain/warnings";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { warningReason } from "../../judgments/warning-text";
import { useApp } from "../../state/context";
import { viewToParams } from "../../state/url";
import { Empty } from "../../ui/Panel";
import { ProfileLink } from "../../ui/ProfileLink";
import { TableWrap } from "../../ui/TableWrap";

const SHOWN = 12;

/**
 * Early warnings (预警): figures that deserve a second look, most severe first, each with its
 * reason and a link that opens Explore on that region and indicator.
 */
export function WarningsPanel({
  warnings,
  indicators,
  regions,
}: {
  warnings: readonly Warning[];
  indicators: readonly Indicator[];
  regions: readonly Region[];
}) {
  const t = useT();
  const lang = useLang();
  const view = useApp((s) => s);
  const [all, setAll] = useState(false);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  if (!warnings.length) return <Empty reason={t("warnings.none")} />;
  const shown = all ? warnings : warnings.slice(0, SHOWN);
  return (
    <>
      <TableWrap label={t("warnings.tableLabel")}>
        <table className="catalogue warnings">
          <thead>
            <tr>
              <th scope="col">{t("behind.region")}</th>
              <th scope="col">{t("targets.indicator")}</th>
              <th scope="col">{t("export.period")}</th>
              <th scope="col">{t("warnings.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((w) => {
              const ind = byId.get(w.indicator);
              const region = byCode.get(w.region);
              if (!ind || !region) return null;
              const href = `?${viewToParams({ ...view, view: "explore", indicator: ind.id, regions: [region.code], tab: "chart", from: null, to: null })}`;
              return (
                <tr key={`${w.kind}-${w.indicator}-${w.region}-${w.period}`}>
                  <th scope="row">
                    <ProfileLink code={region.code}>{pick(region.name, lang)}</ProfileLink>
                  </th>
                  <td>
                    <a href={href}>{pick(ind.name, lang)}</a>
                  </td>
                  <td className="num">{w.period}</td>
                  <td>{warningReason(w, ind, lang, t)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {warnings.length > SHOWN && (
        <button type="button" onClick={() => setAll(!all)}>
          {all ? t("warnings.fewer") : t("warnings.all", { n: warnings.length })}
        </button>
      )}
    </>
  );
}
