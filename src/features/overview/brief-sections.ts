/**
 * The Overview's judgments as briefing sections: the same numbers as the panels, as plain
 * text and tables (a PDF's text is text). Pure: built when a briefing is asked for.
 */
import type { Indicator, Level, Region } from "../../api/contract";
import { type Outlook, type Shortfall, sortAssessments, type TargetAssessment } from "../../domain/assessment";
import type { Findings } from "../../domain/findings";
import type { Warning } from "../../domain/warnings";
import type { BriefBlock } from "../../export/brief";
import { formatNumber, formatValue, pick, type Translate } from "../../i18n/format";
import { warningReason } from "../../judgments/warning-text";
import type { Lang } from "../../state/url";
import { perYear } from "./TargetsPanel";

const fill = (template: string, parts: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in parts ? String(parts[k]) : m));

/** Names of indicators and regions by id and code, in the reader's language (the id or code if unknown). */
export function namers(indicators: readonly Indicator[], regions: readonly Region[], lang: Lang) {
  const indicatorNames = new Map(indicators.map((i) => [i.id, pick(i.name, lang)]));
  const regionNames = new Map(regions.map((r) => [r.code, pick(r.name, lang)]));
  return {
    nameOf: (id: string) => indicatorNames.get(id) ?? id,
    regionName: (code: string) => regionNames.get(code) ?? code,
  };
}

/** The key findings as sentences, the same as the panel's (without its links). */
export function findingsSentences(
  findings: Findings,
  indicators: readonly Indicator[],
  regions: readonly Region[],
  level: Level,
  lang: Lang,
  t: Translate,
): string[] {
  const { nameOf, regionName } = namers(indicators, regions, lang);
  const o = findings.outlooks;
  const total =
    (["achieved", "on-course", "at-risk", "off-course"] as Outlook[]).reduce((n, k) => n + o[k].length, 0) + findings.unjudged;
  const sep = t("findings.separator");
  const targets = [
    fill(t("findings.targets"), {
      total,
      achieved: o.achieved.length,
      onCourse: o["on-course"].length,
      atRisk: o["at-risk"].length,
      offCourse: o["off-course"].length,
    }),
    ...(["off-course", "at-risk"] as const)
      .filter((k) => o[k].length)
      .map((k) =>
        t(`findings.${k}`, {
          list: o[k].map((x) => t("findings.targetItem", { name: nameOf(x.indicator), period: x.period })).join(sep),
        }),
      ),
  ].join(" ");
  const levelName = t(`level.${level}`);
  const behind = findings.mostBehind.length
    ? fill(t("findings.behind", { level: levelName }), {
        list: findings.mostBehind.map((b) => `${regionName(b.region)} (${b.behindOn}/${b.of})`).join(sep),
      })
    : t("findings.noneBehind", { level: levelName });
  const w = findings.warnings;
  const warnings = fill(t("findings.warnings", { level: levelName }), {
    total: w.total,
    outlier: w.byKind.outlier,
    reversal: w.byKind.reversal,
    vanished: w.byKind.vanished,
  });
  return [targets, behind, warnings];
}

/** The targets table with both verdicts, the projection and the effort, most urgent first. */
export function targetsBlock(assessments: readonly TargetAssessment[], lang: Lang, t: Translate): BriefBlock {
  return {
    kind: "table",
    caption: t("targets.title"),
    numeric: [false, true, true, true, true, false, true, false, false],
    table: {
      header: [
        t("targets.indicator"),
        t("targets.baseline"),
        t("targets.latest"),
        t("targets.target"),
        t("targets.expected"),
        t("targets.verdict"),
        t("targets.projected"),
        t("targets.outlook"),
        t("targets.effort"),
      ],
      rows: sortAssessments(assessments).map(({ indicator: ind, progress: p, projection, outlook, effort }) => [
        pick(ind.name, lang),
        `${formatValue(p.baseline.value, ind, lang)} (${p.baseline.period})`,
        `${formatValue(p.latest.value, ind, lang)} (${p.latest.period})`,
        `${formatValue(p.target.value, ind, lang)} (${p.target.period})`,
        formatValue(p.expected, ind, lang),
        t(`verdict.${p.verdict}`),
        projection
          ? `${formatValue(projection.atTarget.value, ind, lang)} (${t("targets.band", {
              low: formatValue(projection.atTarget.low, ind, lang),
              high: formatValue(projection.atTarget.high, ind, lang),
            })})`
          : "—",
        outlook ? t(`outlook.${outlook}`) : "—",
        t("targets.effortValue", {
          needed: perYear(effort.needed, effort.unit, lang, t),
          achieved: perYear(effort.achieved, effort.unit, lang, t),
        }),
      ]),
    },
  };
}

/** A region's shortfall against its path: "−8.7 pp" for rates, "−12.0%" of its baseline for amounts; "—" without one. */
export function shortfallText(worst: Shortfall["worst"], lang: Lang, t: Translate): string {
  if (worst.gap === null) return "—";
  return t(worst.unit === "pp" ? "change.pp" : "change.pct", { sign: "−", value: formatNumber(Math.abs(worst.gap), 1, lang) });
}

/** Where we are behind: region, count, worst indicator, its level and shortfall. */
export function behindBlock(rows: readonly Shortfall[], lang: Lang, t: Translate): BriefBlock {
  return {
    kind: "table",
    caption: t("behind.title"),
    numeric: [false, true, false, true, true],
    table: {
      header: [t("behind.region"), t("behind.count"), t("behind.worst"), t("behind.level"), t("behind.gap")],
      rows: rows.map(({ region, worst, behindOn, of }) => [
        pick(region.name, lang),
        t("behind.countValue", { n: behindOn, of }),
        pick(worst.indicator.name, lang),
        formatValue(worst.level, worst.indicator, lang),
        shortfallText(worst, lang, t),
      ]),
    },
  };
}

/** The warnings, most severe first, with their reasons. */
export function warningsBlock(
  warnings: readonly Warning[],
  indicators: readonly Indicator[],
  regions: readonly Region[],
  lang: Lang,
  t: Translate,
): BriefBlock {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return {
    kind: "table",
    caption: t("warnings.title"),
    table: {
      header: [t("behind.region"), t("targets.indicator"), t("export.period"), t("warnings.reason")],
      rows: warnings.flatMap((w) => {
        const ind = byId.get(w.indicator);
        const region = byCode.get(w.region);
        return ind && region ? [[pick(region.name, lang), pick(ind.name, lang), w.period, warningReason(w, ind, lang, t)]] : [];
      }),
    },
  };
}
