import { addMessages } from "../../i18n/messages";
import * as compareTexts from "../../i18n/messages-compare";
import * as exploreTexts from "../../i18n/messages-explore";
import * as methodsTexts from "../../i18n/messages-methods";
import "./explore.css";
import "./register";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useRef } from "react";
import type { Indicator, Meta, Region } from "../../api/contract";
import { useIndicators, useMeta, useRegions } from "../../api/hooks";
import { resolveIndicator } from "../../domain/catalogue";
import { pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { TABS } from "../../state/url";
import { useUrlRegions } from "../../state/use-url-regions";
import { ExportMenu } from "../../ui/ExportMenu";
import { Empty, Panel, QueryGate } from "../../ui/Panel";
import { ChartTab } from "./ChartTab";
import { Controls } from "./Controls";
import { type ExportSlot, useExportSlot } from "./export-slot";
import { InputsPanel } from "./InputsPanel";
import { MapTab } from "./MapTab";
import { MetadataPanel } from "./MetadataPanel";
import { resolveRange } from "./range";
import { TableTab } from "./TableTab";
import { useMeasuredSelection } from "./use-explore-data";

// The Explore view's texts load with its chunk, with the region picker's (see i18n/messages.ts).
addMessages(compareTexts);
addMessages(exploreTexts);
addMessages(methodsTexts);

/** The Explore view, for analysts: one indicator, some regions, a period, as a chart, a map or a table. */
export default function ExploreView() {
  const t = useT();
  const meta = useMeta();
  const regions = useRegions();
  const indicators = useIndicators();
  return (
    <QueryGate queries={[meta, regions, indicators]} height={480}>
      {() =>
        meta.data && regions.data && indicators.data?.length ? (
          <ExploreBody meta={meta.data} regions={regions.data} indicators={indicators.data} />
        ) : (
          <Panel title={t("explore.title")}>
            <Empty reason={t("overview.noKpis")} />
          </Panel>
        )
      }
    </QueryGate>
  );
}

/** The regions the URL selects, in its order (unknown codes leave with a notice); the province alone by default. */
function useSelection(regions: readonly Region[]) {
  const known = useUrlRegions(regions);
  const province = regions.find((r) => r.level === "province") ?? regions[0];
  const selected = useMemo(() => (known.length ? known : [province]), [known, province]);
  return { selected, province };
}

function ExploreBody({
  meta,
  regions,
  indicators,
}: {
  meta: Meta;
  regions: readonly Region[];
  indicators: readonly Indicator[];
}) {
  const t = useT();
  const lang = useLang();
  const indicatorId = useApp((s) => s.indicator);
  const from = useApp((s) => s.from);
  const to = useApp((s) => s.to);
  const tab = useApp((s) => s.tab);
  const per = useApp((s) => s.per);
  const reject = useApp((s) => s.reject);

  const resolved = resolveIndicator(indicators, indicatorId);
  const indicator = resolved.indicator as Indicator;
  useEffect(() => {
    if (resolved.unknown && indicatorId) reject("indicator", indicatorId);
  }, [resolved.unknown, indicatorId, reject]);

  const { selected, province } = useSelection(regions);
  const range = useMemo(
    () =>
      resolveRange({
        firstYear: meta.firstYear,
        lastYear: meta.lastYear,
        from,
        to,
        quarterlyIndicator: indicator.frequency === "quarterly",
      }),
    [meta.firstYear, meta.lastYear, from, to, indicator.frequency],
  );
  useEffect(() => {
    for (const end of range.invalid) {
      const value = end === "from" ? from : to;
      if (value) reject(end, value);
    }
  }, [range.invalid, from, to, reject]);

  // The measure (per resident, per GDP, per km², total): the natural intensive form by default.
  const selection = useMeasuredSelection(indicator, indicators, per, selected);
  const { measure } = selection;
  const shown = measure.indicator;
  useEffect(() => {
    if (measure.unknown && per) reject("per", per);
  }, [measure.unknown, per, reject]);
  const unpublished = selected.filter((r) => !indicator.levels.includes(r.level));
  const name = pick(shown.name, lang);
  const title = t("explore.chartTitle", { name, from: range.from, to: range.to });
  const exportSlot = useExportSlot();

  return (
    <>
      <Panel title={t("explore.title")}>
        <Controls
          indicator={indicator}
          indicators={indicators}
          regions={regions}
          selected={selected}
          province={province}
          range={range}
          measure={measure}
        />
      </Panel>
      <div className="explore-layout">
        <TabbedPanel title={title} tab={tab} exportSlot={exportSlot}>
          {unpublished.length > 0 && tab !== "map" && (
            <p className="explore-note">
              {t("panel.empty", {
                reason: t("explore.notPublished", {
                  levels: indicator.levels.map((l) => t(`level.${l}`)).join(t("explore.listSeparator")),
                  regions: unpublished.map((r) => pick(r.name, lang)).join(t("explore.listSeparator")),
                }),
              })}
            </p>
          )}
          {tab === "chart" && (
            <ChartTab
              indicator={shown}
              published={indicator}
              catalogue={indicators}
              measure={measure}
              selected={selected}
              province={province}
              range={range}
              milestones={meta.milestones}
              selection={selection}
              exportSlot={exportSlot}
            />
          )}
          {tab === "map" && (
            <MapTab indicator={indicator} regions={regions} range={range} explicitEnd={to !== null} exportSlot={exportSlot} />
          )}
          {tab === "table" && (
            <TableTab
              indicator={shown}
              published={indicator}
              catalogue={indicators}
              measure={measure}
              selected={selected}
              range={range}
              selection={selection}
              exportSlot={exportSlot}
            />
          )}
        </TabbedPanel>
        <MetadataPanel indicator={indicator} indicators={indicators} />
      </div>
      <InputsPanel indicator={shown} indicators={indicators} region={selected[0]} range={range} selection={selection} />
    </>
  );
}

/**
 * The Chart | Map | Table switch (ARIA tabs: arrow keys move between them), the open tab's
 * export menu, and the open tab's panel.
 */
function TabbedPanel({
  title,
  tab,
  exportSlot,
  children,
}: {
  title: string;
  tab: (typeof TABS)[number];
  exportSlot: ExportSlot;
  children: ReactNode;
}) {
  const t = useT();
  const update = useApp((s) => s.update);
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const i = TABS.indexOf(tab);
    const next = e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : (i + step + TABS.length) % TABS.length;
    update({ tab: TABS[next] });
    buttons.current[next]?.focus();
  };
  return (
    <Panel
      title={title}
      className="explore-main"
      actions={
        <>
          <div role="tablist" aria-label={t("explore.tabs")} className="explore-tabs" onKeyDown={onKey}>
            {TABS.map((k, i) => (
              <button
                key={k}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${id}-${k}`}
                aria-selected={tab === k}
                aria-controls={`${id}-panel`}
                tabIndex={tab === k ? 0 : -1}
                onClick={() => update({ tab: k })}
              >
                {t(`explore.tab.${k}`)}
              </button>
            ))}
          </div>
          {/* One menu for the open tab: a new one per tab, so that an open menu never offers the last tab's files. */}
          <ExportMenu key={tab} id="explore-main" spec={() => exportSlot.current()} />
        </>
      }
    >
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} className="explore-tabpanel">
        {children}
      </div>
    </Panel>
  );
}
