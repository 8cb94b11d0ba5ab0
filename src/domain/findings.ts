/**
 * Key findings (要点): the counts and lists the Overview's sentences are written from, taken
 * from the same assessments, shortfalls and warnings the panels show, so that a sentence can
 * never disagree with a table. Deterministic; the wording lives in the message catalogues.
 */
import type { Outlook, Shortfall, TargetAssessment } from "./assessment";
import type { Warning, WarningKind } from "./warnings";

/** What the key findings say, in numbers and ids. */
export interface Findings {
  /** Targets by outlook, in the order assessed: indicator id and target period. */
  outlooks: Record<Outlook, { indicator: string; period: string }[]>;
  /** Targets with no outlook (too little data to project). */
  unjudged: number;
  /** The regions behind on the most targets (ties included, at most MOST_BEHIND). */
  mostBehind: { region: string; behindOn: number; of: number }[];
  warnings: { total: number; byKind: Record<WarningKind, number> };
}

/** At most this many regions are named as the most behind. */
export const MOST_BEHIND = 5;

/**
 * The findings: targets counted by outlook; the regions behind on the highest number of
 * targets (every region tied at that number, up to MOST_BEHIND, in the shortfalls' order);
 * warnings counted by kind.
 */
export function keyFindings(
  assessments: readonly TargetAssessment[],
  shortfalls: readonly Shortfall[],
  warnings: readonly Warning[],
): Findings {
  const outlooks: Findings["outlooks"] = { achieved: [], "on-course": [], "at-risk": [], "off-course": [] };
  let unjudged = 0;
  for (const a of assessments) {
    if (a.outlook === null) unjudged++;
    else outlooks[a.outlook].push({ indicator: a.indicator.id, period: a.target.period });
  }
  const top = Math.max(0, ...shortfalls.map((s) => s.behindOn));
  const mostBehind = shortfalls
    .filter((s) => top > 0 && s.behindOn === top)
    .slice(0, MOST_BEHIND)
    .map((s) => ({ region: s.region.code, behindOn: s.behindOn, of: s.of }));
  const byKind: Record<WarningKind, number> = { outlier: 0, reversal: 0, vanished: 0 };
  for (const w of warnings) byKind[w.kind]++;
  return { outlooks, unjudged, mostBehind, warnings: { total: warnings.length, byKind } };
}
