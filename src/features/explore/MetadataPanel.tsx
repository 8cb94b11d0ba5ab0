import type { ReactNode } from "react";
import type { Indicator } from "../../api/contract";
import { pick } from "../../i18n/format";
import { aggregationText, measureText } from "../../i18n/indicator-text";
import { useLang, useT } from "../../i18n/use-t";
import { Panel } from "../../ui/Panel";
import { TargetList } from "../../ui/TargetList";

/** Definition, unit, frequency, direction, aggregation, source, targets, levels, decimals, and the caution. */
export function MetadataPanel({ indicator, indicators }: { indicator: Indicator; indicators: readonly Indicator[] }) {
  const t = useT();
  const lang = useLang();
  const rows: [string, ReactNode][] = [
    [t("data.definition"), pick(indicator.description, lang)],
    [t("data.unit"), pick(indicator.unit, lang)],
    [t("data.frequency"), [t(`frequency.${indicator.frequency}`), measureText(indicator, t)].filter(Boolean).join(" · ")],
    [t("explore.meta.direction"), t(indicator.direction === "higher" ? "explore.meta.higher" : "explore.meta.lower")],
    [t("data.aggregation"), aggregationText(indicator, indicators, lang, t)],
    [t("data.source"), pick(indicator.source, lang)],
    [
      t("data.targets"),
      indicator.targets.length ? <TargetList key="targets" indicator={indicator} /> : t("explore.meta.noTargets"),
    ],
    [t("data.levels"), indicator.levels.map((l) => t(`level.${l}`)).join(" / ")],
    [t("explore.meta.decimals"), t("explore.meta.decimalsValue", { n: indicator.decimals })],
  ];
  return (
    <Panel title={t("explore.meta.title")} className="explore-meta">
      <h3 className="explore-subtitle">{pick(indicator.name, lang)}</h3>
      {indicator.caution && (
        <div role="note" className="explore-caution">
          <strong>{t("explore.meta.caution")}</strong> {pick(indicator.caution, lang)}
        </div>
      )}
      <dl className="explore-dl">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
