import { useEffect, useState } from "react";
import { useT } from "../i18n/use-t";

/**
 * Period picker and slider with play/pause that steps through the periods. `onChange` says
 * whether the step was playback's (`auto`), so that the caller can replace the history entry
 * instead of adding one per step.
 */
export function TimeControl({
  periods,
  value,
  onChange,
}: {
  periods: readonly string[];
  value: string;
  onChange: (p: string, auto: boolean) => void;
}) {
  const t = useT();
  const [playing, setPlaying] = useState(false);
  const index = Math.max(periods.indexOf(value), 0);
  useEffect(() => {
    if (!playing) return;
    if (index >= periods.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => onChange(periods[index + 1], true), 1200);
    return () => window.clearTimeout(timer);
  }, [playing, index, periods, onChange]);
  return (
    <div className="time-control">
      <button
        type="button"
        aria-pressed={playing}
        onClick={() => {
          if (!playing && index >= periods.length - 1) onChange(periods[0], false);
          setPlaying(!playing);
        }}
      >
        {playing ? `❚❚ ${t("map.pause")}` : `▶ ${t("map.play")}`}
      </button>
      <input
        type="range"
        min={0}
        max={periods.length - 1}
        step={1}
        value={index}
        aria-label={t("map.slider")}
        aria-valuetext={value}
        onChange={(e) => onChange(periods[Number(e.target.value)], false)}
      />
      <label className="field">
        <span>{t("map.period")}</span>
        <select value={value} onChange={(e) => onChange(e.target.value, false)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
