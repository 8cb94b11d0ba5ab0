/**
 * The Overview's judged parts: key findings, targets with both verdicts, where we are behind,
 * warnings and the trend with its outlook. One lazy chunk (with the assessment module and its
 * texts): these parts wait for some forty series anyway, so their code loads beside the data
 * instead of before the headline figures.
 */
import type { ReactNode } from "react";
import type { Indicator, Level, Region } from "../../api/contract";
import { addMessages } from "../../i18n/messages";
import * as overviewTexts from "../../i18n/messages-overview";
import { QueryGate, Skeleton } from "../../ui/Panel";
import { BehindPanel } from "./BehindPanel";
import { FindingsPanel } from "./FindingsPanel";
import { TargetsPanel } from "./TargetsPanel";
import { type Judgments, useJudgments } from "./use-judgments";
import { WarningsPanel } from "./WarningsPanel";

addMessages(overviewTexts);

export { TrendPanel } from "./TrendPanel";

/** What every judged part is computed from. */
export interface JudgedProps {
  indicators: readonly Indicator[];
  regions: readonly Region[];
  province: string;
  level: Level;
  lastYear: number;
}

/** Skeleton while the series load, an alert if one fails, then the part drawn from the judgments. */
function Judged({ height, body, ...props }: JudgedProps & { height: number; body: (j: Judgments) => ReactNode }) {
  const { queries, judgments } = useJudgments(props);
  return (
    <QueryGate queries={queries} height={height}>
      {() => (judgments ? body(judgments) : <Skeleton height={height} />)}
    </QueryGate>
  );
}

export function FindingsPart(props: JudgedProps) {
  return (
    <Judged
      {...props}
      height={96}
      body={(j) => (
        <FindingsPanel findings={j.findings} indicators={props.indicators} regions={props.regions} level={props.level} />
      )}
    />
  );
}

export function TargetsPart(props: JudgedProps) {
  return <Judged {...props} height={200} body={(j) => <TargetsPanel assessments={j.assessments} />} />;
}

export function BehindPart(props: JudgedProps) {
  return <Judged {...props} height={240} body={(j) => <BehindPanel shortfalls={j.shortfalls} />} />;
}

export function WarningsPart(props: JudgedProps) {
  return (
    <Judged
      {...props}
      height={200}
      body={(j) => <WarningsPanel warnings={j.warnings} indicators={props.indicators} regions={props.regions} />}
    />
  );
}
