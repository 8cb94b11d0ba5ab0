/**
 * The Overview's judged parts: key findings, targets with both verdicts, where we are behind,
 * warnings and the trend with its outlook. One lazy chunk (with the assessment module and its
 * texts): these parts wait for some forty series anyway, so their code loads beside the data
 * instead of before the headline figures.
 */
import { type ReactNode, startTransition, useContext, useEffect, useLayoutEffect, useState } from "react";
import type { Indicator, Level, Region } from "../../api/contract";
import type { BriefBlock } from "../../export/brief";
import { useRegisterBrief } from "../../export/registry";
import { addMessages } from "../../i18n/messages";
import * as overviewTexts from "../../i18n/messages-overview";
import { useLang, useT } from "../../i18n/use-t";
import { type Judgments, useJudgments } from "../../judgments/use-judgments";
import { ErrorAlert, QueryGate, Skeleton } from "../../ui/Panel";
import { BehindPanel } from "./BehindPanel";
import { behindBlock, findingsSentences, targetsBlock, warningsBlock } from "./brief-sections";
import { FindingsPanel } from "./FindingsPanel";
import { JudgedContext, type JudgedStore } from "./judged-store";
import { TargetsPanel } from "./TargetsPanel";
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

const NOT_YET = { queries: [], value: null } as const;

/**
 * One part of the shared judgments. A new snapshot renders in a transition (React slices it
 * between other work); one computed for another level, province, year or catalogue than this
 * part's reads as not judged yet, never as that other one's verdicts.
 */
function useJudgedPart<K extends keyof Judgments>(part: K, props: JudgedProps): Judgments[K] | typeof NOT_YET {
  const store = useContext(JudgedContext);
  if (!store) throw new Error("a judged part needs the Overview's JudgedContext");
  const [snapshot, setSnapshot] = useState(store.get);
  useEffect(() => {
    setSnapshot(store.get());
    return store.subscribe(() => startTransition(() => setSnapshot(store.get())));
  }, [store]);
  const same =
    snapshot !== null &&
    snapshot.props.level === props.level &&
    snapshot.props.province === props.province &&
    snapshot.props.lastYear === props.lastYear &&
    snapshot.props.indicators === props.indicators &&
    snapshot.props.regions === props.regions;
  return same ? snapshot.judgments[part] : NOT_YET;
}

/** Skeleton while its series load, an alert if one fails, then the part drawn from its judgment. */
function Judged<K extends keyof Judgments>({
  part,
  height,
  body,
  brief,
  ...props
}: JudgedProps & {
  part: K;
  height: number;
  body: (value: NonNullable<Judgments[K]["value"]>) => ReactNode;
  /** The part in the view's briefing, in the order of the page. */
  brief: { order: number; blocks: (value: NonNullable<Judgments[K]["value"]>) => BriefBlock[] };
}) {
  const { queries, value, error, retry } = { error: undefined, retry: undefined, ...useJudgedPart(part, props) };
  useRegisterBrief(`overview-${part}`, brief.order, () =>
    value ? brief.blocks(value as NonNullable<Judgments[K]["value"]>) : null,
  );
  return (
    <QueryGate queries={queries} height={height}>
      {() =>
        value ? (
          body(value as NonNullable<Judgments[K]["value"]>)
        ) : error && retry ? (
          <ErrorAlert error={error} onRetry={retry} />
        ) : (
          <Skeleton height={height} />
        )
      }
    </QueryGate>
  );
}

export function FindingsPart(props: JudgedProps) {
  const t = useT();
  const lang = useLang();
  return (
    <Judged
      {...props}
      part="findings"
      height={96}
      brief={{
        order: 10,
        blocks: (findings) => [
          { kind: "heading", text: t("findings.title") },
          { kind: "list", items: findingsSentences(findings, props.indicators, props.regions, props.level, lang, t) },
        ],
      }}
      body={(findings) => (
        <FindingsPanel findings={findings} indicators={props.indicators} regions={props.regions} level={props.level} />
      )}
    />
  );
}

export function TargetsPart(props: JudgedProps) {
  const t = useT();
  const lang = useLang();
  return (
    <Judged
      {...props}
      part="targets"
      height={200}
      body={(assessments) => <TargetsPanel assessments={assessments} />}
      brief={{ order: 30, blocks: (assessments) => [targetsBlock(assessments, lang, t)] }}
    />
  );
}

export function BehindPart(props: JudgedProps) {
  const t = useT();
  const lang = useLang();
  return (
    <Judged
      {...props}
      part="behind"
      height={240}
      body={(rows) => <BehindPanel shortfalls={rows} />}
      brief={{ order: 40, blocks: (rows) => [behindBlock(rows, lang, t)] }}
    />
  );
}

export function WarningsPart(props: JudgedProps) {
  const t = useT();
  const lang = useLang();
  return (
    <Judged
      {...props}
      part="warnings"
      height={200}
      brief={{
        order: 50,
        blocks: (warnings) => [warningsBlock(warnings, props.indicators, props.regions, lang, t)],
      }}
      body={(warnings) => <WarningsPanel warnings={warnings} indicators={props.indicators} regions={props.regions} />}
    />
  );
}

/** The page's judgments, computed once for all four parts; renders nothing. */
export function JudgmentsSource({ store, ...props }: JudgedProps & { store: JudgedStore }) {
  const judgments = useJudgments(props);
  useLayoutEffect(() => store.set({ props, judgments }));
  return null;
}
