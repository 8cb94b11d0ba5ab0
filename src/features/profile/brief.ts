/**
 * The profile's sections of the view's briefing (A4, text as text): pure, from the profile
 * to blocks. The indicators table and the standing table come with their panels' export
 * menus (every panel's table is in the briefing); these sections add what only the page says.
 */
import type { Indicator, Meta, Region } from "../../api/contract";
import type { EChartsOption } from "../../charts/echarts";
import type { Norm } from "../../domain/index-score";
import type { BriefBlock } from "../../export/brief";
import { formatNumber, formatValue, pick, type Translate } from "../../i18n/format";
import type { Lang } from "../../state/url";
import type { Profile, SeriesPoint } from "./profile-model";

const ZH_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
const tierText = (n: number, lang: Lang, t: Translate) =>
  t("profile.tierName", { n: lang === "zh" ? (ZH_NUMERALS[n - 1] ?? String(n)) : n });

/** A strength's or weakness's series against the median of its level, as a line chart for the briefing. */
export function seriesVsMedianOption(
  points: readonly SeriesPoint[],
  region: string,
  median: string,
  ind: Indicator,
  lang: Lang,
): EChartsOption {
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 36, bottom: 28 },
    legend: { top: 4, data: [region, median] },
    xAxis: { type: "category", data: points.map((p) => p.period) },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, Math.min(ind.decimals, 2), lang) },
    },
    series: [
      { type: "line", name: region, data: points.map((p) => p.value), color: "#0072B2", symbolSize: 5 },
      {
        type: "line",
        name: median,
        data: points.map((p) => p.median),
        color: "#666666",
        lineStyle: { type: "dashed" },
        symbolSize: 4,
      },
    ],
  };
}

/** The briefing's sections of a profile, in the page's order (10 header, 20 standing, 30 strengths, 40 progress, 50 similar). */
export function profileBrief(
  profile: Profile,
  regions: readonly Region[],
  meta: Meta,
  norm: Norm,
  lang: Lang,
  t: Translate,
): { order: number; blocks: BriefBlock[] }[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const r = profile.region;
  const name = pick(r.name, lang);
  const parent = r.parent ? byCode.get(r.parent) : undefined;
  const fmt = (v: number | null) => (v === null ? "—" : formatNumber(v, norm === "minmax" ? 1 : 2, lang));
  const facts = [
    `${t("profile.code")}: ${r.code}`,
    `${t("profile.level")}: ${t(`level.${r.level}`)}`,
    r.kind ? `${t("profile.kind")}: ${t(`kind.${r.kind}`)}` : "",
    parent?.level === "city" ? `${t("profile.parent")}: ${pick(parent.name, lang)}` : "",
    r.zone ? `${t("profile.zone")}: ${t(`profile.zone.${r.zone}`)}` : "",
    ...profile.base.map(
      (b) =>
        `${pick(b.indicator.name, lang)}: ${formatValue(b.value, b.indicator, lang)} (${t("profile.asOf", { period: b.period, status: t(`status.${b.status}`) })})`,
    ),
    `${t("profile.status")}: ${meta.simulated ? `${t("profile.simulated")} · ` : ""}${t("profile.published", { version: meta.dataVersion })}`,
  ].filter(Boolean);
  const out: { order: number; blocks: BriefBlock[] }[] = [
    {
      order: 10,
      blocks: [
        { kind: "heading", text: `${t("profile.title")}: ${name} (${r.name[lang === "zh" ? "en" : "zh"]})` },
        { kind: "list", items: facts },
      ],
    },
  ];
  const index = profile.standing[0];
  if (profile.level !== "province") {
    const year = profile.year ?? "";
    out.push({
      order: 20,
      blocks: [
        { kind: "heading", text: t("profile.standing") },
        {
          kind: "paragraph",
          text:
            index && index.score !== null
              ? `${t("profile.index")} ${year}: ${fmt(index.score)} · ${t("profile.rank")} ${index.rank} / ${index.of} · ${index.tier ? tierText(index.tier, lang, t) : "—"}`
              : t("profile.noIndex", {
                  name,
                  year,
                  have: profile.scoredPillars,
                  of: profile.index?.pillars.length ?? 7,
                }),
        },
      ],
    });
    const byId = new Map(profile.rows.map((x) => [x.indicator.id, x.indicator]));
    const items = (kind: "strengths" | "weaknesses") =>
      profile[kind].flatMap((s) => {
        const ind = byId.get(s.indicator);
        return ind
          ? [
              `${pick(ind.name, lang)}: ${formatValue(s.value, ind, lang)} · ${t("table.rank")} ${s.rank} / ${s.of} · ${t("profile.percentile")} ${formatNumber(s.percentile, 0, lang)} · ${t("profile.median")} ${formatValue(s.median, ind, lang)}`,
            ]
          : [];
      });
    // Each with its series against the median of its level, drawn as a chart.
    const charts = (kind: "strengths" | "weaknesses"): BriefBlock[] =>
      profile[kind].flatMap((st): BriefBlock[] => {
        const ind = byId.get(st.indicator);
        const points = profile.series.get(st.indicator) ?? [];
        if (!ind || points.length < 2) return [];
        return [
          {
            kind: "chart",
            caption: t("profile.chartLabel", {
              name: pick(ind.name, lang),
              region: name,
              from: points[0].period,
              to: points[points.length - 1].period,
            }),
            option: seriesVsMedianOption(points, name, t("profile.median"), ind, lang),
            size: { width: 520, height: 220 },
          },
        ];
      });
    if (profile.strengths.length) {
      out.push({
        order: 30,
        blocks: [
          { kind: "heading", text: t("profile.strengths") },
          { kind: "list", items: items("strengths") },
          ...charts("strengths"),
          { kind: "heading", text: t("profile.weaknesses") },
          { kind: "list", items: items("weaknesses") },
          ...charts("weaknesses"),
        ],
      });
    }
    const progress: BriefBlock[] = [{ kind: "heading", text: t("profile.progress") }];
    if (profile.progress.length) {
      progress.push({
        kind: "table",
        caption: `${name}: ${t("profile.progress")}`,
        numeric: [false, true, true, false, false],
        table: {
          header: [t("profile.indicator"), t("table.value"), t("profile.gap"), t("profile.against"), t("profile.verdict")],
          rows: profile.progress.map((p) => [
            pick(p.indicator.name, lang),
            `${formatValue(p.level, p.indicator, lang)}${p.levelPeriod ? ` (${p.levelPeriod})` : ""}`,
            p.gap === null
              ? "—"
              : t(p.unit === "pp" ? "change.pp" : "change.pct", {
                  sign: p.gap > 0 ? "+" : p.gap < 0 ? "−" : "±",
                  value: formatNumber(Math.abs(p.gap), 1, lang),
                }),
            t(`profile.against.${p.against}`),
            p.behind ? t("profile.behind") : t("profile.onPath"),
          ]),
        },
      });
    } else progress.push({ kind: "paragraph", text: t("profile.progressNone") });
    progress.push({ kind: "heading", text: t("profile.warnings") });
    progress.push(
      profile.warnings.length
        ? {
            kind: "list",
            items: profile.warnings.map((w) => {
              const ind = byId.get(w.indicator);
              const what =
                w.kind === "outlier"
                  ? t("profile.warning.outlier", { period: w.period })
                  : w.kind === "reversal"
                    ? t("profile.warning.reversal", { since: String(w.params.since ?? ""), years: String(w.params.years ?? "") })
                    : t("profile.warning.vanished", { period: w.period });
              return `${ind ? pick(ind.name, lang) : w.indicator}: ${what}`;
            }),
          }
        : { kind: "paragraph", text: t("profile.warningsNone") },
    );
    out.push({ order: 40, blocks: progress });
    if (profile.neighbours.length) {
      out.push({
        order: 50,
        blocks: [
          { kind: "heading", text: t("profile.similar") },
          {
            kind: "table",
            caption: `${name}: ${t("profile.similar")}`,
            table: {
              header: [t("table.name"), t("table.code"), t("profile.distance"), t("profile.shared")],
              textColumns: [1],
              rows: profile.neighbours.map((n) => [
                pick(byCode.get(n.code)?.name ?? { zh: n.code, en: n.code }, lang),
                n.code,
                Number(n.distance.toFixed(2)),
                n.shared,
              ]),
            },
          },
          { kind: "paragraph", text: t("profile.similarIntro", { level: t(`level.${profile.level}`) }) },
        ],
      });
    }
  } else {
    out.push({ order: 20, blocks: [{ kind: "paragraph", text: t("profile.provinceNoRank") }] });
  }
  return out;
}
