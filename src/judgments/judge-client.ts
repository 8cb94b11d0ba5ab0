/**
 * Judging off the main thread: requests go to one module worker (judge.worker.ts) and come back
 * with the page's own catalogue objects restored (src/domain/judgments.ts, `restore`). Where there is no Worker
 * (jsdom, a browser without module workers) or it fails to start, the same function runs on the
 * page, after a yield, so that it is still a task of its own and not part of a render.
 */
import type { JudgeRequest, JudgeResult } from "../domain/judgments";
import type { Ask } from "./judge.worker";
import { buffersOf, packSeries } from "./pack";
import { restore } from "./restore";

type Pending = { request: JudgeRequest; resolve: (r: JudgeResult) => void; reject: (e: Error) => void };

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

const onPage = async (request: JudgeRequest): Promise<JudgeResult> => {
  const [{ judgeParts }] = await Promise.all([import("../domain/judgments"), new Promise((ok) => setTimeout(ok, 0))]);
  return judgeParts(request);
};

/** The worker broke (failed to load, e.g. blocked or unsupported): judge on the page from now on. */
function fallBack() {
  worker?.terminate();
  worker = null;
  const left = [...pending.values()];
  pending.clear();
  for (const p of left) onPage(p.request).then(p.resolve, p.reject);
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === "undefined") return null;
  try {
    worker = new Worker(new URL("./judge.worker.ts", import.meta.url), { type: "module", name: "judgments" });
  } catch {
    // Module workers are missing in some supported browsers (Firefox before 114).
    return null;
  }
  worker.onmessage = ({ data }: MessageEvent<{ id: number; result?: JudgeResult; error?: string }>) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.error !== undefined) p.reject(new Error(data.error));
    else p.resolve(restore(data.result ?? {}, p.request.indicators, p.request.regions));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    // Said, not lost: the page judges instead, more slowly.
    console.warn(`judgments worker: ${e.message || "failed to start"}; judging on the page`);
    fallBack();
  };
  worker.onmessageerror = () => fallBack();
  return worker;
}

/** The asked parts of one request, as `judgeParts` computes them, off the main thread where possible. */
export function judge(request: JudgeRequest): Promise<JudgeResult> {
  const w = start();
  if (!w) return onPage(request);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { request, resolve, reject });
    try {
      const { provinceSeries, levelSeries, ...rest } = request;
      const ask: Ask = { id, request: rest, provinceSeries: packSeries(provinceSeries), levelSeries: packSeries(levelSeries) };
      w.postMessage(ask, [...buffersOf(ask.provinceSeries), ...buffersOf(ask.levelSeries)]);
    } catch {
      // Not cloneable (never for validated data): judge on the page rather than not at all.
      pending.delete(id);
      onPage(request).then(resolve, reject);
    }
  });
}

/** For tests: forget the worker, so that the next request starts (or falls back) afresh. */
export function resetJudgeWorker(): void {
  worker?.terminate();
  worker = undefined;
  pending.clear();
}
