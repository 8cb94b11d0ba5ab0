import { useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { MAP_LEVELS } from "../../state/url";

/** City or county level (none checked while drilled into a city); choosing one leaves the city. */
export function LevelSwitch({ checked }: { checked: (typeof MAP_LEVELS)[number] | null }) {
  const t = useT();
  const update = useApp((s) => s.update);
  return (
    <fieldset className="segmented">
      <legend>{t("map.level")}</legend>
      {MAP_LEVELS.map((l) => (
        <label key={l}>
          <input
            type="radio"
            name="map-level"
            value={l}
            checked={checked === l}
            onChange={() => update({ level: l, city: null })}
          />
          {t(`level.${l}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The map or its table twin. */
export function ViewSwitch({ table }: { table: boolean }) {
  const t = useT();
  const update = useApp((s) => s.update);
  return (
    <fieldset className="segmented">
      <legend>{t("map.view")}</legend>
      {(["map", "table"] as const).map((v) => (
        <label key={v}>
          <input type="radio" name="map-tab" value={v} checked={(v === "table") === table} onChange={() => update({ tab: v })} />
          {t(v === "map" ? "map.showMap" : "map.showTable")}
        </label>
      ))}
    </fieldset>
  );
}
