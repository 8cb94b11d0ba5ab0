/**
 * The static source over a snapshot served as plain files: a query reads its level's file,
 * falls back to the indicator's whole file for a snapshot without per-level files, a one-year
 * query reads the level's year file, and it answers exactly as the API does every way.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { handleApi } from "../../mock/api";
import { snapshotFiles } from "../../mock/snapshot";
import { LEVELS, type Observation } from "../../src/api/contract";
import { filterObservations } from "../../src/api/filter";
import { createStaticSource } from "../../src/api/static";
import type { YearFile } from "../../src/api/year-file";
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

describe("the static source's year files", () => {
  const year = String(dataset.meta.lastYear);
  const levelFile = (id: string, level: string) =>
    (files.get(`observations/${id}/${level}.json`) as { observations: Observation[] } | undefined)?.observations;

  it("holds, for every level and year, every indicator's answer for that year exactly as the API gives it", () => {
    for (let y = dataset.meta.firstYear; y <= dataset.meta.lastYear; y++) {
      for (const level of LEVELS) {
        const file = files.get(`years/${level}/${y}.json`) as YearFile;
        const published = dataset.indicators.filter((i) => i.levels.includes(level) && dataset.observations.has(i.id));
        expect(file.answers.map((a) => a.indicator)).toEqual(published.map((i) => i.id));
        for (const a of file.answers) {
          expect(a).toEqual(
            handleApi(
              dataset,
              "GET",
              "observations",
              new URLSearchParams(`indicator=${a.indicator}&level=${level}&from=${y}&to=${y}`),
            ).body,
          );
        }
      }
    }
  });

  it("answers a one-year query from the level's year file, one request for all indicators, as the unsplit read filtered", async () => {
    const asked = serveSnapshot();
    const source = createStaticSource("/snap", settings);
    const queries = dataset.indicators
      .filter((i) => i.levels.includes("county"))
      .flatMap((i) => [
        { indicator: i.id, level: "county" as const, from: year, to: year },
        { indicator: i.id, level: "county" as const, from: `${year}Q2`, to: `${year}Q3`, parent: "441400" },
      ]);
    const answers = await Promise.all(queries.map((q) => source.observations(q)));
    queries.forEach((q, k) => {
      const unsplit = filterObservations(levelFile(q.indicator, "county") ?? [], dataset.regions, q);
      expect(answers[k], `${q.indicator} ${q.from}–${q.to}`).toEqual(unsplit);
      const params = new URLSearchParams({ indicator: q.indicator, level: q.level, from: q.from, to: q.to });
      if (q.parent) params.set("parent", q.parent);
      expect(answers[k]).toEqual(api(params.toString()));
    });
    expect(answers.some((a) => a.length > 0)).toBe(true);
    // (meta.json and regions.json besides; a request of the test before may still arrive here.)
    expect(asked.filter((f) => f.startsWith("years/") || f.startsWith("observations/"))).toEqual([`years/county/${year}.json`]);
  });

  it("reads neither the year file for a longer range nor once the level's file is in", async () => {
    const asked = serveSnapshot();
    const source = createStaticSource("/snap", settings);
    const span = await source.observations({ indicator: "gdp", level: "city", from: "2022", to: year });
    expect(span).toEqual(api(`indicator=gdp&level=city&from=2022&to=${year}`));
    const one = await source.observations({ indicator: "gdp", level: "city", from: year, to: year });
    expect(one).toEqual(api(`indicator=gdp&level=city&from=${year}&to=${year}`));
    expect(asked.filter((f) => f.startsWith("years/") || f.startsWith("observations/"))).toEqual(["observations/gdp/city.json"]);
  });

  it("reads the level's file when the snapshot has no year files, asking for the missing one once", async () => {
    const asked = serveSnapshot(/^years\//);
    const source = createStaticSource("/snap", settings);
    const q = { level: "county" as const, from: year, to: year };
    const gdp = await source.observations({ indicator: "gdp", ...q });
    expect(gdp).toEqual(api(`indicator=gdp&level=county&from=${year}&to=${year}`));
    await source.observations({ indicator: "population", ...q });
    expect(asked.filter((f) => f.startsWith("years/") || f.startsWith("observations/")).sort()).toEqual([
      "observations/gdp/county.json",
      "observations/population/county.json",
      `years/county/${year}.json`,
    ]);
  });

  it("refuses a year file of another level or year, and does not fall back on a broken one", async () => {
    serveSnapshot();
    server.use(
      http.get(`*/snap/years/county/${year}.json`, () => HttpResponse.json(files.get(`years/city/${year}.json`) as object)),
    );
    const source = createStaticSource("/snap", settings);
    await expect(source.observations({ indicator: "gdp", level: "county", from: year, to: year })).rejects.toThrow(
      `GET years/county/${year}.json: response breaks the data contract at level: expected county, got city`,
    );
    server.use(
      http.get(`*/snap/years/city/${year}.json`, () =>
        HttpResponse.json({ level: "city", year, answers: [{ indicator: "gdp", observations: [{ region: "x" }] }] }),
      ),
    );
    await expect(source.observations({ indicator: "gdp", level: "city", from: year, to: year })).rejects.toThrow(
      new RegExp(
        `GET years/city/${year}\\.json: response breaks the data contract at answers\\[0\\]\\.observations\\[0\\]\\.region`,
      ),
    );
  });
});
