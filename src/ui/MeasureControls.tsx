import { useEffect, useId, useState } from "react";
import type { MeasureChoice } from "../domain/intensity";
import { pick } from "../i18n/format";
import { addMessages } from "../i18n/messages";
import * as texts from "../i18n/messages-measure";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";

addMessages(texts);

/** The name of a measure in the reader's language ("Total", "per 10,000 residents"). */
export function useMeasureLabel(): (m: MeasureChoice) => string {
  const t = useT();
  const lang = useLang();
  return (m) => (m.label ? pick(m.label, lang) : t("measure.total"));
}

/**
 * Total / per 10,000 residents / per 100 million yuan of GDP / per 1,000 km² … as the
 * indicator offers (`per=` in the URL). Nothing is shown for an indicator with one measure.
 */
export function MeasureSelect({ measures, value }: { measures: readonly MeasureChoice[]; value: MeasureChoice }) {
  const t = useT();
  const id = useId();
  const update = useApp((s) => s.update);
  const label = useMeasureLabel();
  if (measures.length < 2) return null;
  return (
    <div className="field measure-select">
      <label htmlFor={id}>{t("measure.label")}</label>
      <select id={id} value={value.per} onChange={(e) => update({ per: e.target.value })} aria-describedby={`${id}-help`}>
        {measures.map((m) => (
          <option key={m.per} value={m.per}>
            {label(m)}
          </option>
        ))}
      </select>
      <span id={`${id}-help`} className="visually-hidden">
        {t("measure.help")}
      </span>
    </div>
  );
}

const SEEN_KEY = "gd-de.measure-notice-seen";
const seen = () => {
  try {
    return localStorage.getItem(SEEN_KEY) === "1";
  } catch {
    return false;
  }
};

/**
 * Says once that amounts now open in their intensive form (a URL from before measures existed
 * has no `per=`): shown while the measure is implicit and not yet dismissed on this browser.
 */
export function MeasureNotice({ choice, implicit }: { choice: MeasureChoice; implicit: boolean }) {
  const t = useT();
  const label = useMeasureLabel();
  const [dismissed, setDismissed] = useState(seen);
  useEffect(() => {
    if (!implicit) setDismissed(seen());
  }, [implicit]);
  if (!implicit || dismissed || choice.denominator === null) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(SEEN_KEY, "1");
    } catch {
      // Private mode: the notice goes for this page only.
    }
    setDismissed(true);
  };
  return (
    <p className="measure-notice" role="status">
      {t("measure.new", { measure: label(choice) })}{" "}
      <button type="button" className="link-button" onClick={dismiss}>
        {t("measure.dismiss")}
      </button>
    </p>
  );
}

/** Log scale and relative change (first period = 100) for time-series charts (`scale=log`, `relative=1`). */
export function AxisOptions() {
  const t = useT();
  const { scale, relative, update } = useApp((s) => s);
  return (
    <fieldset className="axis-options">
      <legend className="visually-hidden">{t("axis.log")}</legend>
      <label>
        <input
          type="checkbox"
          checked={scale === "log"}
          onChange={(e) => update({ scale: e.target.checked ? "log" : "linear" })}
        />
        {t("axis.log")}
      </label>
      <label>
        <input type="checkbox" checked={relative} onChange={(e) => update({ relative: e.target.checked })} />
        {t("axis.relative")}
      </label>
    </fieldset>
  );
}
