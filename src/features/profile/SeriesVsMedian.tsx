import { useId } from "react";
import type { Indicator } from "../../api/contract";
import { formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import type { Profile, SeriesPoint } from "./profile-model";

const W = 240;
const H = 72;
const PAD = 6;

/** The SVG paths of a region's series and its level's median on one scale (pure, for tests). */
export function seriesPaths(points: readonly SeriesPoint[], width = W, height = H): { own: string; median: string } {
  const xs = points.flatMap((p) => [p.value, p.median]).filter((v): v is number => v !== null);
  if (!xs.length) return { own: "", median: "" };
  const [min, max] = [Math.min(...xs), Math.max(...xs)];
  const x = (i: number) => (points.length < 2 ? width / 2 : PAD + (i * (width - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => (max === min ? height / 2 : height - PAD - ((v - min) * (height - 2 * PAD)) / (max - min));
  const path = (key: "value" | "median") => {
    let d = "";
    let pen = false;
    points.forEach((p, i) => {
      const v = p[key];
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return { own: path("value"), median: path("median") };
}

/** A small chart of a region's series against the median of its level, with its table twin. */
export function SeriesVsMedian({ profile, indicator }: { profile: Profile; indicator: Indicator }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const points = profile.series.get(indicator.id) ?? [];
  if (points.length < 2) return null;
  const { own, median } = seriesPaths(points);
  const region = pick(profile.region.name, lang);
  const label = t("profile.chartLabel", {
    name: pick(indicator.name, lang),
    region,
    from: points[0].period,
    to: points[points.length - 1].period,
  });
  return (
    <figure className="profile-chart">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-label`}>
        <title id={`${id}-label`}>{label}</title>
        <path d={median} fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="4 3" className="median" />
        <path d={own} fill="none" stroke="currentColor" strokeWidth="2" className="own" />
      </svg>
      <details>
        <summary>{t("profile.showTable")}</summary>
        <div className="table-wrap">
          <table className="catalogue">
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t("profile.year")}</th>
                <th scope="col">{region}</th>
                <th scope="col">{t("profile.median")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period}</th>
                  <td className="num">{formatValue(p.value, indicator, lang)}</td>
                  <td className="num">{formatValue(p.median, indicator, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
