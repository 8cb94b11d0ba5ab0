import type { Indicator, Meta, Observation, Region } from "../../api/contract";
import type { SeriesInput } from "../../charts/series-option";
import { periodWithin } from "../../domain/periods";
import { pick } from "../../i18n/format";
import type { Lang } from "../../state/url";
import { type PeriodRange, withinRange } from "./range";

/**
 * What the shared multi-line builder draws for the selection: one line per region published
 * at the indicator's levels, over the range. The targets are the province's, drawn with its
 * line only (beside a city's line a provincial total would mislead), and by year only.
 */
export function chartInput(input: {
  indicator: Indicator;
  selected: readonly Region[];
  province: Region;
  range: PeriodRange;
  observations: readonly Observation[];
  milestones?: Meta["milestones"];
  lang: Lang;
}): SeriesInput {
  const { indicator, selected, province, range, lang } = input;
  const inRange = withinRange(input.observations, range.periods);
  const shown = selected.filter((r) => indicator.levels.includes(r.level));
  const withProvince = !range.quarterly && shown.some((r) => r.code === province.code);
  return {
    indicator,
    lines: shown.map((r) => ({ name: pick(r.name, lang), observations: inRange.filter((o) => o.region === r.code) })),
    // A range that reaches the data's last year keeps the targets beyond it; an earlier end cuts them.
    targets: withProvince
      ? indicator.targets.filter(
          (x) =>
            x.region === province.code &&
            periodWithin(x.period, range.from, range.to === range.options.at(-1) ? undefined : range.to),
        )
      : [],
    milestones: input.milestones,
    quarterly: range.quarterly,
  };
}
