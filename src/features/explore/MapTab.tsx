import { useMemo } from "react";
import { useConfig } from "../../api/context";
import type { Indicator, Region } from "../../api/contract";
import { regionsAtLevel } from "../../api/filter";
import { useIndicators } from "../../api/hooks";
import { Chart } from "../../charts/Chart";
import { buildChoroplethOption } from "../../charts/map/choropleth-option";
import { centroids } from "../../charts/map/geo";
import { measuredMapRowsTable } from "../../charts/map/map-csv";
import { buildRows, mapMeasure } from "../../charts/map/map-data";
import { buildProportionalOption } from "../../charts/map/proportional-option";
import { useBoundaries, useMapName } from "../../charts/map/use-boundaries";
import { computeBreaks } from "../../domain/bins";
import { isAmount } from "../../domain/intensity";

import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useMeasured } from "../../measures/use-measured";
import { useApp } from "../../state/context";
import { MAP_LEVELS, viewToParams } from "../../state/url";
import { Empty, QueryGate, Skeleton } from "../../ui/Panel";
import { type ExportSlot, useFillExportSlot } from "./export-slot";
import { mapPeriod, mapViewPatch } from "./map-period";
import type { PeriodRange } from "./range";

/**
 * The indicator at the range's end (or its latest period) by city or county, in the measure
 * Explore shows (`per=`, chosen in its controls): a choropleth of an intensive measure,
 * proportional circles for a total.
 */
export function MapTab({
  indicator,
  regions,
  range,
  explicitEnd,
  exportSlot,
}: {
  indicator: Indicator;
  regions: readonly Region[];
  range: PeriodRange;
  explicitEnd: boolean;
  exportSlot: ExportSlot;
}) {
  const t = useT();
  const lang = useLang();
  const config = useConfig();
  const level = useApp((s) => s.level);
  const bins = useApp((s) => s.bins);
  const update = useApp((s) => s.update);
  const view = useApp((s) => s);
  const published = indicator.levels.includes(level);
  const per = useApp((s) => s.per);
  // Cached: Explore has read the catalogue already.
  const catalogue = useIndicators().data ?? [indicator];
  const query = useMemo(() => ({ indicator: indicator.id, level }), [indicator.id, level]);
  const measured = useMeasured(indicator, catalogue, per, query, published);
  const shown = measured.indicator;
  const circles = measured.choice.denominator === null && isAmount(indicator);
  const boundaries = useBoundaries();
  const units = useMemo(() => regionsAtLevel(regions, level), [regions, level]);
  const period = mapPeriod(range, explicitEnd, measured.data ?? []);
  const rows = useMemo(
    () => (measured.data ? buildRows(units, measured.data, period, shown) : []),
    [units, measured.data, period, shown],
  );
  const breaks = useMemo(
    () =>
      computeBreaks(
        rows.map((r) => r.value),
        bins,
      ),
    [rows, bins],
  );
  const mapName = useMapName(boundaries.data, level, null, units);
  const title = t("explore.mapTitle", { name: pick(shown.name, lang), period, level: t(`level.${level}`) });
  const where = useMemo(
    () => (circles && boundaries.data ? centroids(level === "city" ? boundaries.data.cities : boundaries.data.counties) : null),
    [circles, boundaries.data, level],
  );
  const option = useMemo(
    () =>
      !mapName || !boundaries.data
        ? null
        : circles && where
          ? buildProportionalOption(
              { mapName, indicator: shown, rows, centroids: where, frame: boundaries.data.mainland, labels: level === "city" },
              lang,
              t,
            )
          : buildChoroplethOption(
              { mapName, indicator: shown, rows, breaks, frame: boundaries.data.mainland, labels: level === "city" },
              lang,
              t,
            ),
    [mapName, boundaries.data, circles, where, shown, rows, breaks, level, lang, t],
  );
  // Named like the Map view's export of the same map: indicator, level, period, language.
  useFillExportSlot(exportSlot, () =>
    published && measured.settled && option
      ? {
          title,
          subtitle: `${t("map.province")}, ${t(`level.${level}`)}`,
          option,
          file: {
            indicator: measured.choice.denominator === null ? indicator.id : `${indicator.id}-per-${measured.choice.per}`,
            level,
            period,
            lang,
          },
          csv: () => measuredMapRowsTable(rows, shown, lang, t, mapMeasure(indicator, measured.choice, catalogue, lang, t)),
          indicator: shown,
          source: pick(indicator.source, lang),
        }
      : null,
  );
  const patch = mapViewPatch(indicator.id, period, level);
  const href = `?${viewToParams({ ...view, ...patch }).toString()}`;

  return (
    <div className="explore-map">
      <div className="explore-map-head">
        <fieldset className="segmented">
          <legend>{t("map.level")}</legend>
          {MAP_LEVELS.map((l) => (
            <label key={l}>
              <input
                type="radio"
                name="explore-map-level"
                value={l}
                checked={level === l}
                onChange={() => update({ level: l })}
              />
              {t(`level.${l}`)}
            </label>
          ))}
        </fieldset>
        <a
          href={href}
          onClick={(e) => {
            e.preventDefault();
            update(patch);
          }}
        >
          {t("explore.openMap")}
        </a>
      </div>
      <h3 className="explore-subtitle">{title}</h3>
      {!published ? (
        <Empty reason={t("map.notAtLevel", { levels: indicator.levels.map((l) => t(`level.${l}`)).join(", ") })} />
      ) : (
        <QueryGate queries={[...measured.queries, boundaries]} height={480}>
          {() =>
            option ? (
              <>
                <p className="explore-note">{t(explicitEnd ? "explore.mapPeriod" : "explore.mapLatest", { period })}</p>
                <Chart option={option} label={title} height={520} />
              </>
            ) : (
              <Skeleton height={480} />
            )
          }
        </QueryGate>
      )}
      <p className="map-note">
        {config.boundaries.approval ? t("map.approval", { number: config.boundaries.approval }) : t("map.boundaries")}
      </p>
    </div>
  );
}
