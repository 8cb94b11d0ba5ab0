/**
 * The boundaries worker: TopoJSON → GeoJSON (geo.ts `decodeBoundaries`) off the page's main
 * thread, where on a phone it was a task of its own of 100–300 ms at 4× CPU before the map's
 * first draw. One request at a time, answered with its id.
 */
import type { Topology } from "topojson-specification";
import { decodeBoundaries } from "./geo";

/** A request from geo-client.ts: the boundaries file as parsed JSON. */
export interface GeoAsk {
  id: number;
  topology: Topology;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<GeoAsk>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = ({ data: { id, topology } }) => {
  try {
    scope.postMessage({ id, result: decodeBoundaries(topology) });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
