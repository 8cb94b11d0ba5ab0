import type { Indicator } from "../api/contract";
import type { Warning } from "../domain/warnings";
import { formatChange, formatNumber, formatValue, type Translate } from "../i18n/format";
import type { Lang } from "../state/url";

const num = (v: number | string | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A warning's one-line reason in the reader's language, from the numbers the detector found. */
export function warningReason(w: Warning, ind: Indicator, lang: Lang, t: Translate): string {
  const p = w.params;
  const value = (v: number | string | undefined) => formatValue(num(v), ind, lang);
  switch (w.kind) {
    case "outlier": {
      const change = num(p.change);
      const unit = p.unit === "pp" ? "pp" : "pct";
      return t("warnings.outlier", {
        change: change === null ? "—" : formatChange({ kind: unit, value: change, better: null }, lang, t),
        from: value(p.previous),
        to: value(p.current),
        z: formatNumber(Math.abs(num(p.z) ?? 0), 1, lang),
      });
    }
    case "reversal":
      return t("warnings.reversal", {
        from: value(p.from),
        to: value(p.to),
        since: String(p.since ?? ""),
        years: String(p.years ?? ""),
      });
    case "vanished":
      return t("warnings.vanished", { last: String(p.last ?? ""), value: value(p.lastValue) });
  }
}
