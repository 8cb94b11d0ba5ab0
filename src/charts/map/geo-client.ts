/**
 * The boundaries decoded off the main thread: the TopoJSON goes to one module worker
 * (geo.worker.ts) and its GeoJSON comes back as a structured clone; where there is no Worker or
 * it fails to start, the page decodes (src/workers/off-page.ts).
 */
import type { Topology } from "topojson-specification";
import { fetchJson } from "../../api/fetch-json";
import { offPage } from "../../workers/off-page";
import { type Boundaries, decodeBoundaries } from "./geo";
import type { GeoAsk } from "./geo.worker";

const boundaries = offPage<Topology, Boundaries>({
  name: "boundaries",
  doing: "decoding",
  spawn: () => new Worker(new URL("./geo.worker.ts", import.meta.url), { type: "module", name: "boundaries" }),
  onPage: decodeBoundaries,
  ask: (id, topology) => ({ message: { id, topology } satisfies GeoAsk }),
});

/** `decodeBoundaries(topology)`, off the main thread where possible. */
export const decodeOffPage = (topology: Topology): Promise<Boundaries> => boundaries.run(topology);

/**
 * The boundaries file, fetched like the API (config.json's `timeoutMs`: a file that never
 * answers becomes an alert, not an eternal skeleton; errors worded in the reader's language),
 * then decoded off the main thread.
 */
export async function loadBoundaries(url: string, timeoutMs: number, signal?: AbortSignal): Promise<Boundaries> {
  // The worker's script loads while the file downloads.
  boundaries.start();
  const json = await fetchJson(new URL(url, document.baseURI).href, `GET ${url}`, { signal, timeoutMs });
  return decodeOffPage(json as Topology);
}

/** For tests: forget the worker, so that the next request starts (or falls back) afresh. */
export const resetGeoWorker = (): void => boundaries.reset();
