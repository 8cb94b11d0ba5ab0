import { useMeta } from "../api/hooks";
import { formatDate, pick } from "../i18n/format";
import { useLang, useT } from "../i18n/use-t";
import { useApp } from "../state/context";
import { VIEWS } from "../state/url";
import { Briefing } from "../ui/Briefing";
import { useTakeOver } from "../ui/first-screen";

export function Header() {
  const t = useT();
  const lang = useLang();
  const meta = useMeta();
  const update = useApp((s) => s.update);
  const view = useApp((s) => s.view);
  // The prerendered header (app/ViewShell.tsx) stands in until this one can say the same.
  useTakeOver(meta.data !== undefined, "shell");
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{meta.data ? pick(meta.data.title, lang) : t("app.title")}</h1>
        {meta.data?.simulated && (
          <span className="badge-simulated" title={t("badge.simulatedHelp")}>
            {t("badge.simulated")}
          </span>
        )}
        {/* Always there, its lines reserved in CSS: the page does not jump when /meta answers. */}
        <span className="data-version">
          {meta.data && (
            <>
              {t("header.version", { version: meta.data.dataVersion })} ·{" "}
              {t("header.updated", { date: formatDate(meta.data.updatedAt, lang) })}
            </>
          )}
        </span>
      </div>
      <div className="header-actions">
        <Briefing />
        <button type="button" className="wall-switch" onClick={() => update({ screen: "big", view: "overview" })}>
          {t("big.enter")}
        </button>
        <button
          type="button"
          className="lang-switch"
          lang={lang === "zh" ? "en" : "zh"}
          aria-label={`${t("lang.label")}: ${t("lang.switchTo")}`}
          onClick={() => update({ lang: lang === "zh" ? "en" : "zh" })}
        >
          {t("lang.switchTo")}
        </button>
      </div>
      <nav aria-label={t("nav.label")} className="app-nav">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <a
                href={`?view=${v}`}
                aria-current={v === view ? "page" : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  update({ view: v });
                }}
              >
                {t(`nav.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
