import type { Indicator } from "../../api/contract";
import { useObservations } from "../../api/hooks";
import { change, latestWithPrevious } from "../../domain/change";
import { seriesOf } from "../../domain/series";
import { formatChange, formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { ErrorAlert, Skeleton } from "../../ui/Panel";
import { Sparkline } from "../../ui/Sparkline";

interface KpiCardProps {
  indicator: Indicator;
  region: string;
  /** Show the latest figure at or before this year. */
  until: string;
}

/** One headline figure: latest value with unit and period, change on last year, status flag. */
export function KpiCard({ indicator, region, until }: KpiCardProps) {
  const t = useT();
  const lang = useLang();
  const q = useObservations({ indicator: indicator.id, level: "province" });
  const name = pick(indicator.name, lang);
  let body: React.ReactNode;
  if (q.isError) body = <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  else if (q.isPending) body = <Skeleton height={72} />;
  else {
    const { latest, previous } = latestWithPrevious(q.data, region, until);
    const c = latest ? change(indicator, latest.value, previous?.value ?? null) : null;
    body = latest ? (
      <>
        <p className="kpi-value">{formatValue(latest.value, indicator, lang)}</p>
        <Sparkline values={seriesOf(q.data, region, { until }).map((o) => o.value)} />
        <p className="kpi-meta">
          <span>{latest.period}</span>
          {latest.status !== "final" && <span className={`flag flag-${latest.status}`}>{t(`status.${latest.status}`)}</span>}
        </p>
        <p className={`kpi-change ${c?.better === true ? "good" : c?.better === false ? "bad" : ""}`}>
          {c ? (
            <>
              <span aria-hidden="true">{c.value > 0 ? "▲" : c.value < 0 ? "▼" : "■"}</span> {formatChange(c, lang, t)}{" "}
              {t("kpi.vsLastYear")}
              {c.better !== null && <span className="visually-hidden"> ({t(c.better ? "kpi.better" : "kpi.worse")})</span>}
            </>
          ) : (
            t("kpi.noPrevious")
          )}
        </p>
      </>
    ) : (
      <p className="kpi-value">{t("kpi.noData")}</p>
    );
  }
  return (
    <article className="kpi" aria-label={name}>
      <h3 className="kpi-name">{name}</h3>
      <div className="kpi-body">{body}</div>
    </article>
  );
}
