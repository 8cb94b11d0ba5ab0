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

/** Skeleton while its series load, an alert if one fails, then the part drawn from its judgment. */
function Judged<K extends keyof Judgments>({
  part,
  height,
  body,
  ...props
}: JudgedProps & {
  part: K;
  height: number;
  body: (value: NonNullable<Judgments[K]["value"]>) => ReactNode;
}) {
  const { queries, value } = useJudgments(props)[part];
  return (
    <QueryGate queries={queries} height={height}>
      {() => (value ? body(value as NonNullable<Judgments[K]["value"]>) : <Skeleton height={height} />)}
    </QueryGate>
  );
}

export function FindingsPart(props: JudgedProps) {
  return (
    <Judged
      {...props}
      part="findings"
      height={96}
      body={(findings) => (
        <FindingsPanel findings={findings} indicators={props.indicators} regions={props.regions} level={props.level} />
      )}
    />
  );
}

export function TargetsPart(props: JudgedProps) {
  return <Judged {...props} part="targets" height={200} body={(assessments) => <TargetsPanel assessments={assessments} />} />;
}

export function BehindPart(props: JudgedProps) {
  return <Judged {...props} part="behind" height={240} body={(rows) => <BehindPanel shortfalls={rows} />} />;
}

export function WarningsPart(props: JudgedProps) {
  return (
    <Judged
      {...props}
      part="warnings"
      height={200}
      body={(warnings) => <WarningsPanel warnings={warnings} indicators={props.indicators} regions={props.regions} />}
    />
  );
}
