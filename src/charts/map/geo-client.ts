/**
 * The boundaries decoded off the main thread: the TopoJSON goes to one module worker
 * (geo.worker.ts) and its GeoJSON comes back as a structured clone. Where there is no Worker
 * (jsdom, a browser without module workers) or it fails to start, the same function runs on the
 * page, after a yield, so that it is still a task of its own and not part of a fetch's.
 */
import type { Topology } from "topojson-specification";
import { fetchJson } from "../../api/fetch-json";
import { type Boundaries, decodeBoundaries } from "./geo";
import type { GeoAsk } from "./geo.worker";

type Pending = { topology: Topology; resolve: (b: Boundaries) => void; reject: (e: Error) => void };

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

const onPage = async (topology: Topology): Promise<Boundaries> => {
  await new Promise((ok) => setTimeout(ok, 0));
  return decodeBoundaries(topology);
};

/** The worker broke (failed to load, e.g. blocked or unsupported): decode on the page from now on. */
function fallBack() {
  worker?.terminate();
  worker = null;
  const left = [...pending.values()];
  pending.clear();
  for (const p of left) onPage(p.topology).then(p.resolve, p.reject);
}

/** Starts the worker (once), so that its script loads while the boundaries file downloads. */
function start(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === "undefined") return null;
  try {
    worker = new Worker(new URL("./geo.worker.ts", import.meta.url), { type: "module", name: "boundaries" });
  } catch {
    // Module workers are missing in some supported browsers (Firefox before 114).
    return null;
  }
  worker.onmessage = ({ data }: MessageEvent<{ id: number; boundaries?: Boundaries; error?: string }>) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.boundaries) p.resolve(data.boundaries);
    else p.reject(new Error(data.error ?? "boundaries: the worker gave no answer"));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    // Said, not lost: the page decodes instead, more slowly.
    console.warn(`boundaries worker: ${e.message || "failed to start"}; decoding on the page`);
    fallBack();
  };
  worker.onmessageerror = () => fallBack();
  return worker;
}

/** `decodeBoundaries(topology)`, off the main thread where possible. */
export function decodeOffPage(topology: Topology): Promise<Boundaries> {
  const w = start();
  if (!w) return onPage(topology);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { topology, resolve, reject });
    try {
      w.postMessage({ id, topology } satisfies GeoAsk);
    } catch {
      // Not cloneable (never for parsed JSON): decode on the page rather than not at all.
      pending.delete(id);
      onPage(topology).then(resolve, reject);
    }
  });
}

/**
 * The boundaries file, fetched like the API (config.json's `timeoutMs`: a file that never
 * answers becomes an alert, not an eternal skeleton; errors worded in the reader's language),
 * then decoded off the main thread.
 */
export async function loadBoundaries(url: string, timeoutMs: number, signal?: AbortSignal): Promise<Boundaries> {
  start();
  const json = await fetchJson(new URL(url, document.baseURI).href, `GET ${url}`, { signal, timeoutMs });
  return decodeOffPage(json as Topology);
}

/** For tests: forget the worker, so that the next request starts (or falls back) afresh. */
export function resetGeoWorker(): void {
  worker?.terminate();
  worker = undefined;
  pending.clear();
}
