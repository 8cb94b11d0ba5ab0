import type { Indicator } from "../../api/contract";
import { useIndicators, useMeta, useRegions } from "../../api/hooks";
import { byPillar } from "../../domain/catalogue";
import { indexPlanTable } from "../../domain/index-inputs";
import { formatNumber, pick, type Translate } from "../../i18n/format";
import { aggregationText, measureText } from "../../i18n/indicator-text";
import { addMessages } from "../../i18n/messages";
import * as compareTexts from "../../i18n/messages-compare";
import * as methodsTexts from "../../i18n/messages-methods";
import * as profileTexts from "../../i18n/messages-profile";
import { useLang, useT } from "../../i18n/use-t";
import type { Lang } from "../../state/url";
import { Panel, QueryGate } from "../../ui/Panel";
import { TableWrap } from "../../ui/TableWrap";
import { TargetList } from "../../ui/TargetList";

// The index method is described with the Compare view's texts (see i18n/messages.ts).
addMessages(compareTexts);
addMessages(methodsTexts);
// The tiers of the region profile are described with its texts.
addMessages(profileTexts);

/** Every indicator's definition, unit, source and targets, with the data notices. */
export function DataMethods() {
  const t = useT();
  const lang = useLang();
  const meta = useMeta();
  const indicators = useIndicators();
  // The targets name regions (TargetList): the tables wait for them too, so that each is drawn
  // once, not again for every row when the regions land (154 ms at a phone's 4× CPU). Without
  // them (an error) the targets name region codes, as before.
  const regions = useRegions();
  const gate = regions.isError ? [indicators] : [indicators, regions];
  return (
    <>
      <Panel title={t("data.title")}>
        <p className="intro">{t("data.intro")}</p>
        {meta.data?.simulated && <p className="notice-simulated">{t("data.simulated")}</p>}
        <h3>{t("data.boundaries")}</h3>
        <p>{t("data.boundariesText")}</p>
        <p>{t("data.codes")}</p>
      </Panel>
      <QueryGate queries={gate}>
        {() =>
          byPillar(indicators.data ?? []).map((group, k) => (
            // Below the first, laid out once near the viewport (styles.css, .panel-later): a
            // phone's first load laid out every table at once (460 ms at 4× CPU).
            <Panel key={group.pillar} title={t(`pillar.${group.pillar}`)} className={k > 0 ? "panel-later" : undefined}>
              <div className="table-wrap">
                <table className="catalogue">
                  <thead>
                    <tr>
                      <th scope="col">{t("data.name")}</th>
                      <th scope="col">{t("data.definition")}</th>
                      <th scope="col">{t("data.unit")}</th>
                      <th scope="col">{t("data.frequency")}</th>
                      <th scope="col">{t("data.levels")}</th>
                      <th scope="col">{t("data.aggregation")}</th>
                      <th scope="col">{t("data.source")}</th>
                      <th scope="col">{t("data.targets")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.indicators.map((ind) => (
                      <tr key={ind.id} id={`indicator-${ind.id}`}>
                        <th scope="row">
                          {pick(ind.name, lang)}
                          {ind.context && <span className="tag">{t("data.context")}</span>}
                        </th>
                        <td>
                          {pick(ind.description, lang)}
                          {ind.caution && (
                            <p className="caution" role="note">
                              ⚠ {pick(ind.caution, lang)}
                            </p>
                          )}
                        </td>
                        <td>{pick(ind.unit, lang)}</td>
                        <td>
                          {t(`frequency.${ind.frequency}`)}
                          {measureText(ind, t) && <p className="measure">{measureText(ind, t)}</p>}
                        </td>
                        <td>{ind.levels.map((l) => t(`level.${l}`)).join(" / ")}</td>
                        <td>{aggregationText(ind, indicators.data ?? [], lang, t)}</td>
                        <td>{pick(ind.source, lang)}</td>
                        <td>
                          <TargetList indicator={ind} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Panel>
          ))
        }
      </QueryGate>
      <Panel title={t("methods.title")} className="index-method panel-later">
        <p>{t("methods.intro")}</p>
        <p>{t("methods.change")}</p>
        <p>{t("methods.targets")}</p>
        <p>{t("methods.model")}</p>
        <p>{t("methods.projection")}</p>
        <p>{t("methods.band")}</p>
        <p>{t("methods.outlook")}</p>
        <p>{t("methods.effort")}</p>
        <p>{t("methods.behind")}</p>
        <p>{t("methods.warnings")}</p>
        <p>{t("methods.findings")}</p>
        <p>{t("methods.classes")}</p>
        <p>{t("methods.measure")}</p>
      </Panel>
      <Panel title={t("methods.fair.title")} className="index-method panel-later" id="fair-comparison">
        <p>{t("methods.fair.why")}</p>
        <p>{t("methods.fair.measures")}</p>
        <p>{t("methods.fair.rules")}</p>
        <p>{t("methods.fair.circles")}</p>
        <p>{t("methods.fair.axes")}</p>
        <p>{t("methods.fair.index")}</p>
        <QueryGate queries={[indicators]}>{() => <IndexPlan catalogue={indicators.data ?? []} lang={lang} t={t} />}</QueryGate>
      </Panel>
      <Panel title={t("compare.method.title")} className="index-method panel-later">
        <p>{t("compare.method.intro")}</p>
        <p>{t("methods.fair.scope")}</p>
        <p>{t("compare.method.normalisation")}</p>
        <p>{t("compare.method.missing")}</p>
        <p>{t("compare.method.weights")}</p>
        <p>{t("compare.method.benchmarks")}</p>
      </Panel>
      <Panel title={t("methods.tiers.title")} className="index-method panel-later" id="tiers">
        <p>{t("methods.tiers")}</p>
      </Panel>
    </>
  );
}

/** How each indicator of the catalogue enters the index: generated by the index's own rule (indexPlanTable). */
function IndexPlan({ catalogue, lang, t }: { catalogue: readonly Indicator[]; lang: Lang; t: Translate }) {
  const rows = indexPlanTable(catalogue);
  const title = t("methods.fair.table");
  return (
    <>
      <h3>{title}</h3>
      <TableWrap label={title}>
        <table className="catalogue index-plan">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("methods.fair.col.indicator")}</th>
              <th scope="col">{t("methods.fair.col.pillar")}</th>
              <th scope="col">{t("methods.fair.col.form")}</th>
              <th scope="col">{t("methods.fair.col.levels")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ entry, levels }) => (
              <tr key={entry.indicator.id}>
                {/* A plain cell: the catalogue's tables above hold each indicator's row header. */}
                <td>{pick(entry.indicator.name, lang)}</td>
                <td>{t(`pillar.${entry.indicator.pillar}`)}</td>
                <td>
                  {entry.form === "ratio"
                    ? t("methods.fair.ratio", {
                        measure: pick(entry.choice.label ?? entry.indicator.name, lang),
                        indicator: pick(entry.indicator.name, lang),
                        denominator: pick(entry.denominator.name, lang),
                        scale: formatNumber(entry.choice.scale, entry.choice.scale < 1 ? 1 : 0, lang),
                      })
                    : entry.form === "as-is"
                      ? t("methods.fair.asIs")
                      : t(`methods.fair.out.${entry.reason}`)}
                </td>
                <td>{levels.length ? levels.map((l) => t(`level.${l}`)).join(" / ") : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
