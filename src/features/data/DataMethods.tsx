import { useIndicators, useMeta } from "../../api/hooks";
import { byPillar } from "../../domain/catalogue";
import { pick } from "../../i18n/format";
import { aggregationText, measureText } from "../../i18n/indicator-text";
import { addMessages } from "../../i18n/messages";
import * as compareTexts from "../../i18n/messages-compare";
import * as methodsTexts from "../../i18n/messages-methods";
import * as profileTexts from "../../i18n/messages-profile";
import { useLang, useT } from "../../i18n/use-t";
import { Panel, QueryGate } from "../../ui/Panel";
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
  return (
    <>
      <Panel title={t("data.title")}>
        <p className="intro">{t("data.intro")}</p>
        {meta.data?.simulated && <p className="notice-simulated">{t("data.simulated")}</p>}
        <h3>{t("data.boundaries")}</h3>
        <p>{t("data.boundariesText")}</p>
        <p>{t("data.codes")}</p>
      </Panel>
      <QueryGate queries={[indicators]}>
        {() =>
          byPillar(indicators.data ?? []).map((group) => (
            <Panel key={group.pillar} title={t(`pillar.${group.pillar}`)}>
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
      <Panel title={t("methods.title")} className="index-method">
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
      <Panel title={t("compare.method.title")} className="index-method">
        <p>{t("compare.method.intro")}</p>
        <p>{t("compare.method.scope")}</p>
        <p>{t("compare.method.normalisation")}</p>
        <p>{t("compare.method.missing")}</p>
        <p>{t("compare.method.weights")}</p>
        <p>{t("compare.method.benchmarks")}</p>
      </Panel>
      <Panel title={t("methods.tiers.title")} className="index-method" id="tiers">
        <p>{t("methods.tiers")}</p>
      </Panel>
    </>
  );
}
