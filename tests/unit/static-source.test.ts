/**
 * The static source over a snapshot served as plain files: a query reads its level's file,
 * falls back to the indicator's whole file for a snapshot without per-level files, and
 * answers exactly as the API does either way.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { handleApi } from "../../mock/api";
import { snapshotFiles } from "../../mock/snapshot";
import { createStaticSource } from "../../src/api/static";
import { dataset, server } from "../support/msw";

const files = snapshotFiles(dataset);
const settings = { timeoutMs: 2000 };

/** Serves the snapshot under /snap/, without the files `hide` matches; records every path asked for. */
function serveSnapshot(hide = /^$/): string[] {
  const asked: string[] = [];
  server.use(
    http.get("*/snap/*", ({ request }) => {
      const name = decodeURIComponent(new URL(request.url).pathname.replace(/^.*\/snap\//, ""));
      asked.push(name);
      const body = hide.test(name) ? undefined : files.get(name);
      return body === undefined ? new HttpResponse("not found", { status: 404 }) : HttpResponse.json(body);
    }),
  );
  return asked;
}

const api = (query: string) =>
  (handleApi(dataset, "GET", "observations", new URLSearchParams(query)).body as { observations: unknown[] }).observations;

describe("the static source", () => {
  it("reads only the file of the level asked for, and answers as the API does", async () => {
    const asked = serveSnapshot();
    const source = createStaticSource("/snap", settings);
    const province = await source.observations({ indicator: "5g-base-stations", level: "province", from: "2024" });
    expect(province).toEqual(api("indicator=5g-base-stations&level=province&from=2024"));
    expect(province.length).toBeGreaterThan(0);
    const counties = await source.observations({ indicator: "core-digital-va", level: "county", parent: "440100" });
    expect(counties).toEqual(api("indicator=core-digital-va&level=county&parent=440100"));
    // meta.json first: every other file is read with its data version (tests/unit/versioned.test.ts).
    expect(asked.sort()).toEqual([
      "meta.json",
      "observations/5g-base-stations/province.json",
      "observations/core-digital-va/county.json",
      "regions.json",
    ]);
  });

  it("falls back to the indicator's whole file when the snapshot has no per-level files", async () => {
    const asked = serveSnapshot(/^observations\/[^/]+\/[^/]+\.json$/);
    const source = createStaticSource("/snap", settings);
    const cities = await source.observations({ indicator: "5g-base-stations", level: "city", regions: ["440300"] });
    expect(cities).toEqual(api("indicator=5g-base-stations&level=city&regions=440300"));
    expect(asked).toContain("observations/5g-base-stations.json");
    // One file, fetched once, serves every level afterwards.
    await source.observations({ indicator: "5g-base-stations", level: "province" });
    expect(asked.filter((f) => f === "observations/5g-base-stations.json")).toHaveLength(1);
  });

  it("refuses a file that holds another indicator's figures", async () => {
    serveSnapshot();
    server.use(
      http.get("*/snap/observations/gdp/province.json", () =>
        HttpResponse.json(files.get("observations/5g-base-stations/province.json") as object),
      ),
    );
    const source = createStaticSource("/snap", settings);
    await expect(source.observations({ indicator: "gdp", level: "province" })).rejects.toThrow(
      "GET observations/gdp/province.json: response breaks the data contract at indicator: expected gdp, got 5g-base-stations",
    );
  });

  it("does not fall back on any other failure: a broken per-level file is an error naming it", async () => {
    serveSnapshot();
    server.use(http.get("*/snap/observations/gdp/city.json", () => HttpResponse.json({ indicator: "gdp", observations: [{}] })));
    const source = createStaticSource("/snap", settings);
    await expect(source.observations({ indicator: "gdp", level: "city" })).rejects.toThrow(
      /GET observations\/gdp\/city\.json: response breaks the data contract at observations\[0\]\.region/,
    );
  });
});
