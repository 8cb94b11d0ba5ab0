import { expect } from "vitest";

/**
 * For a worker module's tests: the module's scope (`self`, to import it under) and Worker
 * classes whose messages cross it as structured clones, as a browser's do (transfers included);
 * `BrokenWorker` never starts (a blocked or unsupported script: the browser fires `error`).
 * `counts` says how many workers were started and how many messages they were asked.
 */
export function standInWorkers(script: RegExp) {
  const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: unknown) => void } = {
    onmessage: null,
    postMessage: () => undefined,
  };
  const counts = { started: 0, asked: 0 };
  class ClonedWorker {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: ((e: { preventDefault: () => void; message?: string }) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    constructor(url: URL, options: WorkerOptions) {
      counts.started++;
      expect(url.pathname).toMatch(script);
      expect(options.type).toBe("module");
      scope.postMessage = (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) }));
    }
    postMessage(m: unknown, transfer: Transferable[] = []) {
      counts.asked++;
      const data = structuredClone(m, { transfer });
      setTimeout(() => scope.onmessage?.({ data }));
    }
    terminate() {}
  }
  class BrokenWorker extends ClonedWorker {
    postMessage() {
      setTimeout(() => this.onerror?.({ preventDefault: () => undefined }));
    }
  }
  return {
    scope,
    counts,
    ClonedWorker,
    BrokenWorker,
    resetCounts: () => {
      counts.started = 0;
      counts.asked = 0;
    },
  };
}
