/**
 * The boundaries decoded off the main thread are the boundaries decoded on it: the real worker
 * module behind a stand-in Worker that structured-clones both ways (as a browser does), a file
 * that does not decode rejected with its reason, the page fallback where there is no Worker,
 * and the fallback when the worker fails to start.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Topology } from "topojson-specification";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeBoundaries } from "../../src/charts/map/geo";
import { decodeOffPage, resetGeoWorker } from "../../src/charts/map/geo-client";
import { standInWorkers } from "../support/stand-in-worker";

const topology = JSON.parse(
  readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8"),
) as Topology;
const expected = decodeBoundaries(topology);

const { scope, counts, ClonedWorker, BrokenWorker, resetCounts } = standInWorkers(/geo\.worker\.ts$/);

beforeAll(async () => {
  vi.stubGlobal("self", scope);
  await import("../../src/charts/map/geo.worker");
  vi.unstubAllGlobals();
  expect(scope.onmessage).toBeTypeOf("function");
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetGeoWorker();
  resetCounts();
});

describe("boundaries decoded off the main thread", () => {
  it("are decoded by the worker, the same as on the page", async () => {
    vi.stubGlobal("Worker", ClonedWorker);
    const got = await decodeOffPage(topology);
    expect([counts.started, counts.asked]).toEqual([1, 1]);
    expect(got.counties.features).toHaveLength(124);
    expect(got.cities.features).toHaveLength(21);
    expect(got).toEqual(expected);
  });

  it("reject a file without the counties with the decoder's reason, and the worker keeps working", async () => {
    vi.stubGlobal("Worker", ClonedWorker);
    const broken = { ...topology, objects: { cities: topology.objects.cities } } as Topology;
    await expect(decodeOffPage(broken)).rejects.toThrow('boundaries: the TopoJSON has no "counties" collection');
    expect(await decodeOffPage(topology)).toEqual(expected);
    expect([counts.started, counts.asked]).toEqual([1, 2]);
  });

  it("are decoded on the page, in a task of its own, where there is no Worker", async () => {
    vi.stubGlobal("Worker", undefined);
    const answer = decodeOffPage(topology);
    let settled = false;
    answer.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(await answer).toEqual(expected);
  });

  it("fall back to the page when the worker fails to start, for the request in flight and the next", async () => {
    vi.stubGlobal("Worker", BrokenWorker);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await decodeOffPage(topology)).toEqual(expected);
    expect(await decodeOffPage(topology)).toEqual(expected);
    expect(counts.started).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("decoding on the page"));
  });
});
