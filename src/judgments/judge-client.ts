/**
 * Judging off the main thread: requests go to one module worker (judge.worker.ts), their series
 * packed (pack.ts), and come back with the page's own catalogue objects restored (`restore`).
 * Where there is no Worker or it fails to start, the page judges (src/workers/off-page.ts).
 */
import type { JudgeRequest, JudgeResult } from "../domain/judgments";
import { offPage } from "../workers/off-page";
import type { Ask } from "./judge.worker";
import { buffersOf, packSeries } from "./pack";
import { restore } from "./restore";

const judgments = offPage<JudgeRequest, JudgeResult>({
  name: "judgments",
  doing: "judging",
  spawn: () => new Worker(new URL("./judge.worker.ts", import.meta.url), { type: "module", name: "judgments" }),
  onPage: async (request) => (await import("../domain/judgments")).judgeParts(request),
  ask: (id, { provinceSeries, levelSeries, ...rest }) => {
    const message: Ask = { id, request: rest, provinceSeries: packSeries(provinceSeries), levelSeries: packSeries(levelSeries) };
    return { message, transfer: [...buffersOf(message.provinceSeries), ...buffersOf(message.levelSeries)] };
  },
  answer: (result, request) => restore((result ?? {}) as JudgeResult, request.indicators, request.regions),
});

/** The asked parts of one request, as `judgeParts` computes them, off the main thread where possible. */
export const judge = (request: JudgeRequest): Promise<JudgeResult> => judgments.run(request);

/** For tests: forget the worker, so that the next request starts (or falls back) afresh. */
export const resetJudgeWorker = (): void => judgments.reset();
