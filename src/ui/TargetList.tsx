import type { Indicator } from "../api/contract";
import { useRegions } from "../api/hooks";
import { pick } from "../i18n/format";
import { targetText } from "../i18n/indicator-text";
import { useLang, useT } from "../i18n/use-t";

/**
 * An indicator's targets: the province's in full, and the targets of other regions (a plan's
 * decomposition to the cities, say) folded under one line that says how many there are.
 */
export function TargetList({ indicator }: { indicator: Indicator }) {
  const t = useT();
  const lang = useLang();
  const regions = useRegions().data ?? [];
  const province = regions.find((r) => r.level === "province")?.code;
  const own = indicator.targets.filter((x) => x.region === province);
  const others = indicator.targets.filter((x) => x.region !== province);
  const name = (code: string) => {
    const r = regions.find((x) => x.code === code);
    return r ? pick(r.name, lang) : code;
  };
  if (!indicator.targets.length) return <>{t("data.noTargets")}</>;
  return (
    <>
      {own.map((x) => (
        <p key={`${x.region}-${x.period}`}>{targetText(x, indicator, lang, t)}</p>
      ))}
      {others.length > 0 && (
        <details>
          <summary>{t("target.others", { n: new Set(others.map((x) => x.region)).size })}</summary>
          <ul>
            {others.map((x) => (
              <li key={`${x.region}-${x.period}`}>
                {name(x.region)} {targetText(x, indicator, lang, t)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
