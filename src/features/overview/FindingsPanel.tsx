import type { Indicator, Level, Region } from "../../api/contract";
import type { Outlook } from "../../domain/assessment";
import type { Findings } from "../../domain/findings";
import { useLang, useT } from "../../i18n/use-t";
import { useTakeOver } from "../../ui/first-screen";
import { Interpolate } from "../../ui/Interpolate";
import { namers } from "./brief-sections";

const OUTLOOKS: Outlook[] = ["achieved", "on-course", "at-risk", "off-course"];

/**
 * Key findings (要点): deterministic sentences built from the same computations as the panels
 * below (no language model); every number links to the panel it comes from.
 */
export function FindingsPanel({
  findings,
  indicators,
  regions,
  level,
}: {
  findings: Findings;
  indicators: readonly Indicator[];
  regions: readonly Region[];
  level: Level;
}) {
  const t = useT();
  const lang = useLang();
  // The app's own findings replace the prerendered first screen's in the frame they are drawn.
  useTakeOver();
  const { nameOf, regionName } = namers(indicators, regions, lang);
  const link = (anchor: string, n: number) => <a href={`#${anchor}`}>{n}</a>;
  const list = (items: readonly string[]) => items.join(t("findings.separator"));
  const total = OUTLOOKS.reduce((n, o) => n + findings.outlooks[o].length, 0) + findings.unjudged;
  const worrying = (["off-course", "at-risk"] as const).filter((o) => findings.outlooks[o].length);
  return (
    <ul className="findings">
      <li>
        <Interpolate
          template={t("findings.targets")}
          parts={{
            total: link("targets", total),
            achieved: link("targets", findings.outlooks.achieved.length),
            onCourse: link("targets", findings.outlooks["on-course"].length),
            atRisk: link("targets", findings.outlooks["at-risk"].length),
            offCourse: link("targets", findings.outlooks["off-course"].length),
          }}
        />
        {worrying.map((o) => (
          <span key={o}>
            {" "}
            {t(`findings.${o}`, {
              list: list(
                findings.outlooks[o].map((x) => t("findings.targetItem", { name: nameOf(x.indicator), period: x.period })),
              ),
            })}
          </span>
        ))}
      </li>
      <li>
        {findings.mostBehind.length ? (
          <Interpolate
            template={t("findings.behind", { level: t(`level.${level}`) })}
            parts={{
              list: findings.mostBehind.map((b, i) => (
                <span key={b.region}>
                  {i > 0 && t("findings.separator")}
                  {regionName(b.region)} (<a href="#behind">{b.behindOn}</a>/{b.of})
                </span>
              )),
            }}
          />
        ) : (
          t("findings.noneBehind", { level: t(`level.${level}`) })
        )}
      </li>
      <li>
        <Interpolate
          template={t("findings.warnings", { level: t(`level.${level}`) })}
          parts={{
            total: link("warnings", findings.warnings.total),
            outlier: link("warnings", findings.warnings.byKind.outlier),
            reversal: link("warnings", findings.warnings.byKind.reversal),
            vanished: link("warnings", findings.warnings.byKind.vanished),
          }}
        />
      </li>
    </ul>
  );
}
