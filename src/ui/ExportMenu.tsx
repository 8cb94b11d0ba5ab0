import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useDataSource } from "../api/context";
import { describeError } from "../api/errors";
import { useRegions } from "../api/hooks";
import type { ExportFrame } from "../export/export-option";
import { exportFileName } from "../export/filename";
import { useRegisterExport } from "../export/registry";
import { type ExportSpec, observationsTable } from "../export/spec";
import { useLang, useT } from "../i18n/use-t";
import { useExportFrame } from "./export-frame";

const SCALES = [1, 2, 3] as const;

/** The CSS size of the panel's chart on screen, the base of every image export. */
export function chartSize(from: Element | null): { width: number; height: number } {
  const chart = from?.closest("section")?.querySelector(".chart");
  const rect = chart?.getBoundingClientRect();
  return { width: Math.round(rect?.width || 800), height: Math.round(rect?.height || 400) };
}

/** The items of an open menu, in order (roving focus: each has tabIndex -1). */
const itemsOf = (menu: HTMLElement | null): HTMLElement[] =>
  menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]')] : [];

function MenuItem({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * A panel's Export (导出) menu: PNG at 1×/2×/3×, SVG, CSV of the data shown or of the whole
 * indicator, and Copy link. Images are the chart redrawn from its builder with a title, the
 * full legend, a footer (source, data version, date, link) and the simulated-data mark.
 *
 * A WAI-ARIA menu button (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): Enter, Space
 * or ↓ opens it on the first item, ↑ on the last; ↑/↓ wrap, Home/End jump, Escape closes it
 * and returns focus to the button, Tab closes it and moves on; a click outside closes it. The
 * background is a pair of menuitemradio items that keep the menu open.
 */
export function ExportMenu({ id, spec }: { id: string; spec: () => ExportSpec | null }) {
  const t = useT();
  const lang = useLang();
  const regions = useRegions();
  const source = useDataSource();
  const menuId = useId();
  const buttonId = useId();
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // Which item takes focus when the menu opens (the first, or the last after ↑).
  const focusOnOpen = useRef<"first" | "last">("first");
  const [background, setBackground] = useState<ExportFrame["background"]>("white");
  const [status, setStatus] = useState<{ text: string; link?: string } | null>(null);
  useRegisterExport(id, () => {
    const s = spec();
    return s && { ...s, size: chartSize(anchor.current) };
  });
  const frameFor = useExportFrame();

  const openMenu = (at: "first" | "last") => {
    focusOnOpen.current = at;
    setOpen(true);
  };
  /** Closes the menu; with `refocus`, focus goes back to the button (Escape, an item chosen). */
  const close = (refocus: boolean) => {
    if (refocus) button.current?.focus();
    setOpen(false);
  };

  useEffect(() => {
    if (!open) return;
    const items = itemsOf(menu.current);
    (focusOnOpen.current === "last" ? items.at(-1) : items[0])?.focus();
    // A press anywhere outside the menu and its button closes it, leaving focus where it lands.
    const outside = (e: PointerEvent) => {
      if (!anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const items = itemsOf(menu.current);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    if (e.key === "ArrowDown") go(at + 1);
    else if (e.key === "ArrowUp") go(at < 0 ? -1 : at - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(-1);
    else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "Tab") {
      // Not prevented: from the button, the browser moves focus on to the next (or previous) stop.
      close(true);
    }
  };

  const run = async (task: (s: ExportSpec) => Promise<string> | string) => {
    const s = spec();
    if (!s) return;
    close(true);
    setStatus({ text: t("export.working") });
    try {
      setStatus({ text: await task(s) });
    } catch (e) {
      setStatus({ text: t("export.failed", { reason: describeError(e, t) }) });
    }
  };
  const image = (kind: "png" | "svg", scale = 2) =>
    run(async (s) => {
      if (!s.option) throw new Error("no chart");
      // Loaded on use: the export code measures text with ECharts, which the page loads lazily.
      const [{ renderPng, renderSvg, download }, { buildExportOption, exportSize }] = await Promise.all([
        import("../export/render"),
        import("../export/export-option"),
      ]);
      const base = chartSize(anchor.current);
      const frame = frameFor({ ...s, size: base }, background);
      // The plot at its size on screen, and as much frame around it as its texts and legend need.
      const size = exportSize(s.option, frame, base);
      const option = buildExportOption(s.option, frame);
      const file = exportFileName(s.file, kind);
      download(kind === "png" ? renderPng(option, size, scale) : renderSvg(option, size), file);
      return t("export.done", { file });
    });
  const csv = (full: boolean) =>
    run(async (s) => {
      const [{ download }, { toCsv }] = await Promise.all([import("../export/render"), import("../export/csv")]);
      let table = s.csv();
      if (full && s.indicator) {
        const ind = s.indicator;
        const all = (await Promise.all(ind.levels.map((level) => source.observations({ indicator: ind.id, level })))).flat();
        // A city without counties answers at both city and county level: list it once.
        const unique = [...new Map(all.map((o) => [`${o.region}@${o.period}`, o])).values()];
        table = observationsTable(ind, regions.data ?? [], unique, lang, t);
      }
      // The whole indicator has no level or period of its own.
      const file = exportFileName(full ? { indicator: s.file.indicator, suffix: "all", lang } : s.file, "csv");
      download(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), file);
      return t("export.done", { file });
    });
  const copyLink = async () => {
    close(true);
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ text: t("export.copied") });
    } catch {
      // No clipboard (insecure context, permission): show the link to copy by hand.
      setStatus({ text: t("export.copyFallback"), link });
    }
  };

  const current = open ? spec() : null;
  return (
    <div className="export-menu" ref={anchor}>
      <button
        ref={button}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        // Only while the menu exists: an id reference must point at an element.
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu("first"))}
        onKeyDown={(e) => {
          // Enter and Space click the button; the arrows open the menu on its first or last item.
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            openMenu(e.key === "ArrowDown" ? "first" : "last");
          }
        }}
      >
        {t("export.menu")} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={menuId} ref={menu} role="menu" aria-labelledby={buttonId} className="export-list" onKeyDown={onMenuKey}>
          {current?.option && (
            <>
              {SCALES.map((scale) => (
                <MenuItem key={scale} onClick={() => image("png", scale)}>
                  {t("export.png", { scale })}
                </MenuItem>
              ))}
              <MenuItem onClick={() => image("svg")}>{t("export.svg")}</MenuItem>
              {/* A fieldset is a group, which a menu may hold; its legend names it. */}
              <fieldset className="segmented">
                <legend>{t("export.background")}</legend>
                {(["white", "transparent"] as const).map((b) => (
                  // A choice for the images above: it stays in the menu, which stays open.
                  <button
                    key={b}
                    type="button"
                    role="menuitemradio"
                    tabIndex={-1}
                    aria-checked={background === b}
                    onClick={() => setBackground(b)}
                  >
                    {t(`export.${b}`)}
                  </button>
                ))}
              </fieldset>
            </>
          )}
          <MenuItem onClick={() => csv(false)}>{t("export.csvShown")}</MenuItem>
          {current?.indicator && <MenuItem onClick={() => csv(true)}>{t("export.csvFull")}</MenuItem>}
          <MenuItem onClick={copyLink}>{t("export.copyLink")}</MenuItem>
        </div>
      )}
      {status && (
        <p className="export-status" role="status">
          {status.text}
          {status.link && (
            <input readOnly value={status.link} aria-label={t("export.copyLink")} onFocus={(e) => e.target.select()} />
          )}
        </p>
      )}
    </div>
  );
}
