import { useId } from "react";
import type { Indicator, Region } from "../../api/contract";
import { measuresOf } from "../../domain/intensity";
import { isQuarter } from "../../domain/periods";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { Measured } from "../../measures/use-measured";
import { useApp } from "../../state/context";
import { MAX_REGIONS } from "../../state/url";
import { IndicatorPicker } from "../../ui/IndicatorPicker";
import { AxisOptions, MeasureNotice, MeasureSelect } from "../../ui/MeasureControls";
import { RegionSearch } from "../../ui/RegionSearch";
import { annualEnds, endPatch, type PeriodRange, quarterlyPatch } from "./range";

/** The selection as the URL keeps it: the province alone is the default, so it leaves the URL. */
export function regionsParam(codes: readonly string[], province: string): string[] {
  const unique = [...new Set(codes)].slice(0, MAX_REGIONS);
  return unique.length === 1 && unique[0] === province ? [] : unique;
}

/** Indicator, regions (chips, search) and period range: everything writes the URL. */
export function Controls({
  indicator,
  indicators,
  regions,
  selected,
  province,
  range,
  measure,
}: {
  indicator: Indicator;
  indicators: readonly Indicator[];
  regions: readonly Region[];
  selected: readonly Region[];
  province: Region;
  range: PeriodRange;
  measure: Pick<Measured, "choice" | "implicit">;
}) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const update = useApp((s) => s.update);
  const from = useApp((s) => s.from);
  const to = useApp((s) => s.to);
  const codes = selected.map((r) => r.code);
  const setRegions = (next: string[]) => update({ regions: regionsParam(next, province.code) });
  const full = selected.length >= MAX_REGIONS;

  return (
    <div className="explore-controls">
      <p className="intro">{t("explore.intro", { n: MAX_REGIONS })}</p>
      <IndicatorPicker
        indicators={indicators}
        value={indicator.id}
        label={t("overview.indicator")}
        onChange={(next) => {
          const annual = indicators.find((i) => i.id === next)?.frequency !== "quarterly";
          const quarterEnds = [from, to].some((p) => p !== null && isQuarter(p));
          update({ indicator: next, ...(annual && quarterEnds ? annualEnds(from, to) : {}) });
        }}
      />
      <MeasureSelect measures={measuresOf(indicator, indicators)} value={measure.choice} />
      <MeasureNotice choice={measure.choice} implicit={measure.implicit} />
      <fieldset className="explore-regions">
        <legend>{t("explore.regions")}</legend>
        <ul className="explore-chips">
          {selected.map((r) => (
            <li key={r.code} className="explore-chip">
              <span>{pick(r.name, lang)}</span>
              {selected.length > 1 && (
                <button
                  type="button"
                  aria-label={t("explore.remove", { name: pick(r.name, lang) })}
                  title={t("explore.remove", { name: pick(r.name, lang) })}
                  onClick={() => setRegions(codes.filter((c) => c !== r.code))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {full ? (
          <p className="explore-note">{t("explore.maxRegions", { n: MAX_REGIONS })}</p>
        ) : (
          <div className="explore-add">
            <RegionSearch
              regions={regions}
              onPick={(r) => {
                if (!codes.includes(r.code)) setRegions([...codes, r.code]);
              }}
            />
            {!codes.includes(province.code) && (
              <button type="button" onClick={() => setRegions([...codes, province.code])}>
                {t("explore.add", { name: pick(province.name, lang) })}
              </button>
            )}
          </div>
        )}
      </fieldset>
      <fieldset className="explore-range">
        <legend>{t("explore.range")}</legend>
        {(["from", "to"] as const).map((end) => (
          <label key={end} className="field" htmlFor={`${id}-${end}`}>
            <span>{t(`explore.${end}`)}</span>
            <select id={`${id}-${end}`} value={range[end]} onChange={(e) => update(endPatch(range, end, e.target.value))}>
              {range.options.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        ))}
        {indicator.frequency === "quarterly" && (
          <label className="field">
            <input type="checkbox" checked={range.quarterly} onChange={(e) => update(quarterlyPatch(range, e.target.checked))} />
            <span>{t("explore.byQuarter")}</span>
          </label>
        )}
        <AxisOptions />
      </fieldset>
    </div>
  );
}
