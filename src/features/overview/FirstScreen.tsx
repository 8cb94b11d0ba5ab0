import type { Indicator, Region } from "../../api/contract";
import { Shell } from "../../app/Shell";
import { featured } from "../../domain/catalogue";
import type { Findings } from "../../domain/findings";
import { addMessages } from "../../i18n/messages";
import * as overviewTexts from "../../i18n/messages-overview";
import { DEFAULT_VIEW } from "../../state/url";
import { FindingsPanel } from "./FindingsPanel";
import { FindingsSection, KpiSection } from "./Overview";

// The findings' texts, which the page loads with its judged parts (judged.tsx).
addMessages(overviewTexts);

/**
 * The Overview's first screen as the build prerenders it into index.html (scripts/prerender.tsx):
 * the page's own header and panels, drawn from the snapshot the site is built with and the key
 * findings the domain computes from it, for the default view (the latest year, cities). The same
 * components as the page, so the app's first screen replaces it without a change.
 */
export function FirstScreen({
  findings,
  indicators,
  regions,
  province,
  years,
}: {
  findings: Findings;
  indicators: readonly Indicator[];
  regions: readonly Region[];
  province: string;
  /** The snapshot's years, latest first. */
  years: readonly string[];
}) {
  return (
    <Shell>
      <FindingsSection>
        <FindingsPanel findings={findings} indicators={indicators} regions={regions} level={DEFAULT_VIEW.level} />
      </FindingsSection>
      <KpiSection indicators={featured(indicators)} province={province} until={years[0]} years={years} />
    </Shell>
  );
}
