import type { Indicator } from "../../api/contract";
import { formatChange, formatValue, pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import { escapeHtml } from "../escape";
import type { MapRow } from "./map-data";

/**
 * A region's tooltip: name, value with unit, rank among its peers, change on the previous
 * period, status flag. ECharts inserts it as HTML, so every part is escaped here.
 */
export function regionTooltip(row: MapRow, ind: Indicator, lang: Lang, t: Translate): string {
  const lines = [
    `<strong>${escapeHtml(pick(row.name, lang))}</strong>`,
    escapeHtml(formatValue(row.value, ind, lang, t("map.noData"))),
  ];
  if (row.rank !== null) lines.push(escapeHtml(t("map.rank", { rank: row.rank, of: row.of })));
  if (row.change) lines.push(escapeHtml(t("map.change", { change: formatChange(row.change, lang, t) })));
  if (row.status && row.status !== "final") lines.push(escapeHtml(t(`status.${row.status}`)));
  return lines.join("<br/>");
}
