/**
 * Versioned reads: meta is read fresh, every other file or endpoint with `?v={dataVersion}`,
 * so that no cache between the page and the data can mix two versions; a new version is
 * announced to the listener (which reloads what is shown) before the new meta is handed out.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { handleApi } from "../../mock/api";
import { snapshotFiles } from "../../mock/snapshot";
import type { DataSource } from "../../src/api/data-source";
import { createHttpSource } from "../../src/api/http";
import { createStaticSource } from "../../src/api/static";
import { dataset, server } from "../support/msw";

const files = snapshotFiles(dataset);
const settings = { timeoutMs: 2000 };
const IND = "5g-base-stations";

/** A snapshot under /snap/ whose version (and one figure) the test changes; every URL asked for is recorded. */
function serve(state: { version: string; bump: number }) {
  const asked: URL[] = [];
  server.use(
    http.get("*/snap/*", ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const name = url.pathname.replace(/^.*\/snap\//, "");
      if (name === "meta.json") return HttpResponse.json({ ...dataset.meta, dataVersion: state.version });
      const body = files.get(name) as { indicator: string; observations: { value: number | null }[] } | undefined;
      if (!body) return new HttpResponse("not found", { status: 404 });
      if (!name.startsWith(`observations/${IND}/`)) return HttpResponse.json(body);
      return HttpResponse.json({
        ...body,
        observations: body.observations.map((o) => ({ ...o, value: o.value === null ? null : o.value + state.bump })),
      });
    }),
  );
  return asked;
}

const firstValue = async (source: DataSource) =>
  (await source.observations({ indicator: IND, level: "province" })).find((o) => o.value !== null)?.value;

describe("versioned reads, static snapshot", () => {
  it("reads meta.json without a version, and every other file with meta's", async () => {
    const asked = serve({ version: "A", bump: 0 });
    const source = createStaticSource("/snap", settings);
    await source.indicators();
    await source.observations({ indicator: IND, level: "province" });
    const meta = asked.filter((u) => u.pathname.endsWith("/meta.json"));
    expect(meta).toHaveLength(1); // read once, shared by every file that needed the version
    expect(meta[0].searchParams.get("v")).toBeNull();
    const others = asked.filter((u) => !u.pathname.endsWith("/meta.json"));
    expect(others.map((u) => u.pathname.replace(/^.*\/snap\//, "")).sort()).toEqual([
      "indicators.json",
      `observations/${IND}/province.json`,
      "regions.json",
    ]);
    expect(others.map((u) => u.searchParams.get("v"))).toEqual(["A", "A", "A"]);
  });

  it("on a new version: drops every file, tells the listener before meta answers, then reads the new version's files", async () => {
    const state = { version: "A", bump: 0 };
    const asked = serve(state);
    const source = createStaticSource("/snap", settings);
    const before = await firstValue(source);
    const events: string[] = [];
    source.onVersionChange?.(async (v) => {
      events.push(`listener ${v}`);
      // What the listener reloads is read with the new version already.
      events.push(`reloaded ${await firstValue(source)}`);
    });
    state.version = "B";
    state.bump = 1000;
    const meta = await source.meta();
    events.push(`meta ${meta.dataVersion}`);
    expect(events).toEqual(["listener B", `reloaded ${(before ?? 0) + 1000}`, "meta B"]);
    const province = asked.filter((u) => u.pathname.endsWith(`/${IND}/province.json`));
    expect(province.map((u) => u.searchParams.get("v"))).toEqual(["A", "B"]);
    // The same version again: nothing dropped, nothing told.
    await source.meta();
    await firstValue(source);
    expect(events).toHaveLength(3);
    expect(asked.filter((u) => u.pathname.endsWith(`/${IND}/province.json`))).toHaveLength(2);
  });

  it("reads unversioned when meta.json cannot be read, as before versions", async () => {
    const asked = serve({ version: "A", bump: 0 });
    server.use(http.get("*/snap/meta.json", () => new HttpResponse("down", { status: 503 })));
    const source = createStaticSource("/snap", settings);
    await source.indicators();
    expect(asked.map((u) => u.searchParams.get("v"))).toEqual([null]);
  });
});

describe("versioned reads, REST API", () => {
  it("sends v on every endpoint but /meta, and asks again with the new version after a 409 stale_version", async () => {
    let version = "A";
    const asked: URL[] = [];
    server.use(
      http.get("*/api/v1/:endpoint", ({ request, params }) => {
        const url = new URL(request.url);
        asked.push(url);
        const v = url.searchParams.get("v");
        if (params.endpoint !== "meta" && v !== version) {
          return HttpResponse.json({ error: { code: "stale_version", message: `now ${version}` } }, { status: 409 });
        }
        const { status, body } = handleApi(
          { ...dataset, meta: { ...dataset.meta, dataVersion: version } },
          "GET",
          String(params.endpoint),
          url.searchParams,
        );
        return HttpResponse.json(body as object, { status });
      }),
    );
    const source = createHttpSource("/api/v1", settings);
    const told: string[] = [];
    source.onVersionChange?.(async (v) => {
      told.push(v);
    });
    await source.observations({ indicator: IND, level: "province" });
    expect(asked.map((u) => `${u.pathname.split("/").pop()} ${u.searchParams.get("v")}`).sort()).toEqual([
      "meta null",
      "observations A",
      "regions A",
    ]);
    version = "B"; // published while the page is open
    asked.length = 0;
    const answer = await source.indicators();
    expect(answer.length).toBe(dataset.indicators.length);
    expect(asked.map((u) => `${u.pathname.split("/").pop()} ${u.searchParams.get("v")}`)).toEqual([
      "indicators A",
      "meta null",
      "indicators B",
    ]);
    expect(told).toEqual(["B"]);
  });
});
