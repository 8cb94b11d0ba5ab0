/**
 * A pure function run in a module worker, off the page's main thread, with the page's own
 * fallback: where there is no Worker (jsdom, a browser without module workers) or it fails to
 * start, the same function runs on the page, after a yield, so that it is still a task of its
 * own. The judgments (src/judgments/judge-client.ts) and the map's boundaries
 * (src/charts/map/geo-client.ts) go through it. Its worker answers `{ id, result }` or
 * `{ id, error }`.
 */
export interface OffPage<Req, Res> {
  /** The function's answer for `request`, off the main thread where possible. */
  run(request: Req): Promise<Res>;
  /** Starts the worker (once), e.g. so that its script loads while its input downloads. */
  start(): void;
  /** For tests: forget the worker, so that the next request starts (or falls back) afresh. */
  reset(): void;
}

export function offPage<Req, Res>(o: {
  /** The worker's name, in its warnings ("judgments", "boundaries"). */
  name: string;
  /** What the page does instead, in the warning ("judging", "decoding"). */
  doing: string;
  /** `new Worker(new URL("./x.worker.ts", import.meta.url), …)`, written where Vite can see it. */
  spawn: () => Worker;
  /** The same function on the page. */
  onPage: (request: Req) => Res | Promise<Res>;
  /** The worker's message for one request, and what it transfers. */
  ask: (id: number, request: Req) => { message: unknown; transfer?: Transferable[] };
  /** The worker's `result` as the caller's (e.g. with the page's own objects restored). */
  answer?: (result: unknown, request: Req) => Res;
}): OffPage<Req, Res> {
  type Pending = { request: Req; resolve: (r: Res) => void; reject: (e: Error) => void };
  let worker: Worker | null | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const onPage = async (request: Req): Promise<Res> => {
    await new Promise((ok) => setTimeout(ok, 0));
    return o.onPage(request);
  };

  /** The worker broke (failed to load, e.g. blocked or unsupported): the page from now on. */
  const fallBack = () => {
    worker?.terminate();
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) onPage(p.request).then(p.resolve, p.reject);
  };

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    worker = null;
    if (typeof Worker === "undefined") return null;
    try {
      worker = o.spawn();
    } catch {
      // Module workers are missing in some supported browsers (Firefox before 114).
      return null;
    }
    worker.onmessage = ({ data }: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (data.error !== undefined) p.reject(new Error(data.error));
      else p.resolve(o.answer ? o.answer(data.result, p.request) : (data.result as Res));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // Said, not lost: the page does it instead, more slowly.
      console.warn(`${o.name} worker: ${e.message || "failed to start"}; ${o.doing} on the page`);
      fallBack();
    };
    worker.onmessageerror = () => fallBack();
    return worker;
  };

  return {
    run(request) {
      const w = start();
      if (!w) return onPage(request);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { request, resolve, reject });
        try {
          const { message, transfer = [] } = o.ask(id, request);
          w.postMessage(message, transfer);
        } catch {
          // Not cloneable (never for parsed, validated data): on the page rather than not at all.
          pending.delete(id);
          onPage(request).then(resolve, reject);
        }
      });
    },
    start: () => void start(),
    reset() {
      worker?.terminate();
      worker = undefined;
      pending.clear();
    },
  };
}
