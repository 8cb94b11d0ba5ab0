/**
 * The briefing's own texts (page numbers, the lines under the title, a cut table's note), in
 * both languages. Here rather than in the message catalogue: they load with the briefing's
 * chunk, when a briefing is asked for, and never with a view.
 */
import type { Lang } from "../state/url";
import type { BriefTexts } from "./brief";

export interface BriefHeadTexts {
  /** "Guangdong Digital Economy Monitor · Overview: briefing" */
  title: (app: string, view: string) => string;
  version: (version: string) => string;
  exported: (date: string) => string;
  link: (url: string) => string;
}

const TEXTS: Record<Lang, BriefTexts & BriefHeadTexts> = {
  zh: {
    page: (n, total) => `第 ${n} 页，共 ${total} 页`,
    moreRows: (n) => `…… 另有 ${n} 行未列出（完整表格请用面板的“导出 → CSV”）`,
    tableOf: (title) => `数据表：${title}`,
    sources: "数据来源",
    title: (app, view) => `${app} · ${view}简报`,
    version: (v) => `数据版本 ${v}`,
    exported: (d) => `导出日期 ${d}`,
    link: (url) => `在线查看：${url}`,
  },
  en: {
    page: (n, total) => `Page ${n} of ${total}`,
    moreRows: (n) => `… ${n} more rows not listed (the whole table: the panel's Export → CSV)`,
    tableOf: (title) => `Data: ${title}`,
    sources: "Sources",
    title: (app, view) => `${app} · ${view} briefing`,
    version: (v) => `Data version ${v}`,
    exported: (d) => `Exported ${d}`,
    link: (url) => `Online: ${url}`,
  },
};

export const briefTexts = (lang: Lang): BriefTexts & BriefHeadTexts => TEXTS[lang];

/** 2026-11-26, the export date as the chart footers write it. */
export const isoDay = (date: Date): string =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
