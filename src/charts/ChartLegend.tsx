import { useT } from "../i18n/use-t";
import type { LegendEntry } from "./legend";

/** The swatch of one entry: the series' colour in the shape it is drawn with. */
function Swatch({ entry }: { entry: LegendEntry }) {
  const { color, mark } = entry;
  return (
    <svg className="legend-swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
      {mark === "marker" ? (
        <path d="M11 1 L16 6 L11 11 L6 6 Z" fill={color} />
      ) : mark === "area" ? (
        <rect x="2" y="2" width="18" height="8" rx="2" fill={color} fillOpacity="0.35" stroke={color} />
      ) : (
        <line
          x1="1"
          y1="6"
          x2="21"
          y2="6"
          stroke={color}
          strokeWidth="2.5"
          strokeDasharray={mark === "dashed" ? "4 3" : undefined}
        />
      )}
    </svg>
  );
}

/**
 * A chart's legend in HTML: names as text (they wrap), swatches in the series' colours and
 * shapes, and for series charts a toggle per entry (aria-pressed) that hides or shows it.
 */
export function ChartLegend({
  entries,
  hidden,
  onToggle,
}: {
  entries: readonly LegendEntry[];
  hidden: ReadonlySet<string>;
  onToggle: (name: string) => void;
}) {
  const t = useT();
  return (
    <ul className="chart-legend" aria-label={t("chart.legend")}>
      {entries.map((e) => (
        <li key={`${e.name}\u0000${e.color}\u0000${e.mark}`}>
          {e.toggles ? (
            <button
              type="button"
              aria-pressed={!hidden.has(e.name)}
              title={t(hidden.has(e.name) ? "chart.legendShow" : "chart.legendHide")}
              onClick={() => onToggle(e.name)}
            >
              <Swatch entry={e} />
              {e.name}
            </button>
          ) : (
            <span>
              <Swatch entry={e} />
              {e.name}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
