/**
 * The static source over a snapshot served as plain files: a query reads its level's file,
 * falls back to the indicator's whole file for a snapshot without per-level files, a one-year
 * query reads the level's year file, a query at a level meta.json lists as bundled reads the
 * level's bundle, and it answers exactly as the API does every way.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { handleApi } from "../../mock/api";
import { snapshotFiles } from "../../mock/snapshot";
import { LEVELS, type Observation } from "../../src/api/contract";
import { ContractError } from "../../src/api/errors";
import { filterObservations } from "../../src/api/filter";
import type { LevelBundle } from "../../src/api/level-bundle";
import { createStaticSource } from "../../src/api/static";
import type { YearFile } from "../../src/api/year-file";
import { dataset, server } from "../support/msw";

const files = snapshotFiles(dataset);
/** A snapshot written before level bundles: no bundles/ files, no manifest in meta.json. */
const older = new Map([...files].filter(([name]) => !name.startsWith("bundles/")).concat([["meta.json", dataset.meta]]));
const settings = { timeoutMs: 2000 };

/** Serves the snapshot under /snap/, without the files `hide` matches; records every path asked for. */
function serveSnapshot(hide = /^$/, snapshot: ReadonlyMap<string, unknown> = files): string[] {
  const asked: string[] = [];
  server.use(
    http.get("*/snap/*", ({ request }) => {
      const name = decodeURIComponent(new URL(request.url).pathname.replace(/^.*\/snap\//, ""));
      asked.push(name);
      const body = hide.test(name) ? undefined : snapshot.get(name);
      return body === undefined ? new HttpResponse("not found", { status: 404 }) : HttpResponse.json(body);
    }),
  );
  return asked;
}

const api = (query: string) =>
  (handleApi(dataset, "GET", "observations", new URLSearchParams(query)).body as { observations: unknown[] }).observations;

describe("the static source (a snapshot without level bundles)", () => {
  it("reads only the file of the level asked for, and answers as the API does", async () => {
    const asked = serveSnapshot(/^$/, older);
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
    const asked = serveSnapshot(/^observations\/[^/]+\/[^/]+\.json$/, older);
    const source = createStaticSource("/snap", settings);
    const cities = await source.observations({ indicator: "5g-base-stations", level: "city", regions: ["440300"] });
    expect(cities).toEqual(api("indicator=5g-base-stations&level=city&regions=440300"));
    expect(asked).toContain("observations/5g-base-stations.json");
    // One file, fetched once, serves every level afterwards.
    await source.observations({ indicator: "5g-base-stations", level: "province" });
    expect(asked.filter((f) => f === "observations/5g-base-stations.json")).toHaveLength(1);
  });

  it("refuses a file that holds another indicator's figures", async () => {
    serveSnapshot(/^$/, older);
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
    serveSnapshot(/^$/, older);
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
    const asked = serveSnapshot(/^$/, older);
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

describe("the static source's level bundles", () => {
  const year = String(dataset.meta.lastYear);
  const bundle = (level: string) => files.get(`bundles/${level}.json`) as LevelBundle;
  const perLevel = (id: string, level: string) =>
    (files.get(`observations/${id}/${level}.json`) as { observations: Observation[] }).observations;
  // The Overview's queries: every indicator at the province and the city level, every period.
  const overview = dataset.indicators.flatMap((i) =>
    (["province", "city"] as const).filter((l) => i.levels.includes(l)).map((level) => ({ indicator: i.id, level })),
  );
  const dataFiles = (asked: string[]) => asked.filter((f) => !["meta.json", "regions.json", "indicators.json"].includes(f));

  it("are written for the province and the cities, listed in meta.json; the counties' is over the size limit", () => {
    expect((files.get("meta.json") as { snapshot: unknown }).snapshot).toEqual({ bundles: ["province", "city"] });
    expect([...files.keys()].filter((f) => f.startsWith("bundles/"))).toEqual(["bundles/province.json", "bundles/city.json"]);
    // The rule is the gzipped size, not the level: with a higher limit the counties get one too.
    const roomy = snapshotFiles(dataset, { bundleMaxGzipBytes: 1024 * 1024 });
    expect((roomy.get("meta.json") as { snapshot: unknown }).snapshot).toEqual({ bundles: ["province", "city", "county"] });
    expect((snapshotFiles(dataset, { bundleMaxGzipBytes: 0 }).get("meta.json") as { snapshot: unknown }).snapshot).toEqual({
      bundles: [],
    });
  });

  it("answer the Overview's queries with 2 data requests, each indicator exactly as its per-level file and the API", async () => {
    const asked = serveSnapshot();
    const source = createStaticSource("/snap", settings);
    const answers = await Promise.all(overview.map((q) => source.observations(q)));
    expect(overview.length).toBeGreaterThan(80);
    overview.forEach((q, k) => {
      expect(answers[k], `${q.indicator} ${q.level}`).toEqual(perLevel(q.indicator, q.level));
      expect(answers[k], `${q.indicator} ${q.level}`).toEqual(api(`indicator=${q.indicator}&level=${q.level}`));
    });
    expect(asked.sort()).toEqual(["bundles/city.json", "bundles/province.json", "indicators.json", "meta.json", "regions.json"]);
    // Filtered queries at a bundled level (a range, a parent, some regions, one year) need no request more.
    const more = [
      { indicator: "gdp", level: "city" as const, from: "2020", to: "2023Q2" },
      { indicator: "5g-base-stations", level: "city" as const, parent: "440000", regions: ["440300", "440100"] },
      { indicator: "core-digital-va", level: "province" as const, from: year, to: year },
    ];
    for (const q of more) {
      const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
      expect(await source.observations(q)).toEqual(api(params.toString()));
    }
    expect(asked).toHaveLength(5);
  });

  it("are never read for a county query, which costs its own file and no probe", async () => {
    const asked = serveSnapshot();
    const source = createStaticSource("/snap", settings);
    const counties = await source.observations({ indicator: "core-digital-va", level: "county" });
    expect(counties).toEqual(api("indicator=core-digital-va&level=county"));
    const one = await source.observations({ indicator: "gdp", level: "county", from: year, to: year, parent: "441400" });
    expect(one).toEqual(api(`indicator=gdp&level=county&from=${year}&to=${year}&parent=441400`));
    expect(asked.sort()).toEqual([
      "meta.json",
      "observations/core-digital-va/county.json",
      "regions.json",
      `years/county/${year}.json`,
    ]);
  });

  it("are not needed: a snapshot written before them answers alike from the per-level files", async () => {
    const asked = serveSnapshot(/^$/, older);
    const source = createStaticSource("/snap", settings);
    const answers = await Promise.all(overview.map((q) => source.observations(q)));
    overview.forEach((q, k) => {
      expect(answers[k], `${q.indicator} ${q.level}`).toEqual(perLevel(q.indicator, q.level));
    });
    expect(dataFiles(asked).filter((f) => !f.startsWith("observations/"))).toEqual([]);
    expect(dataFiles(asked)).toHaveLength(overview.length);
  });

  it("missing though meta.json lists them: asked for once, then the per-level files", async () => {
    const asked = serveSnapshot(/^bundles\//);
    const source = createStaticSource("/snap", settings);
    const answers = await Promise.all(overview.map((q) => source.observations(q)));
    overview.forEach((q, k) => {
      expect(answers[k], `${q.indicator} ${q.level}`).toEqual(perLevel(q.indicator, q.level));
    });
    expect(
      dataFiles(asked)
        .filter((f) => f.startsWith("bundles/"))
        .sort(),
    ).toEqual(["bundles/city.json", "bundles/province.json"]);
    expect(dataFiles(asked)).toHaveLength(overview.length + 2);
  });

  it.each([
    ["a list with a level twice", { bundles: ["city", "city"] }],
    ["a level the contract does not have", { bundles: ["city", "nation"] }],
    ["not a list", { bundles: "city" }],
    ["not an object", "city"],
  ])("are never asked for when meta.json's manifest is broken (%s): the per-level files answer", async (_, snapshot) => {
    const asked = serveSnapshot(/^$/, new Map([...files, ["meta.json", { ...dataset.meta, snapshot }]]));
    const source = createStaticSource("/snap", settings);
    expect(await source.meta()).toEqual(dataset.meta);
    expect(await source.observations({ indicator: "gdp", level: "city" })).toEqual(perLevel("gdp", "city"));
    expect(dataFiles(asked)).toEqual(["observations/gdp/city.json"]);
  });

  it("follow the manifest of the data version they are read with", async () => {
    const next = { ...dataset.meta, dataVersion: "next", snapshot: { bundles: [] } };
    let meta: unknown = files.get("meta.json");
    const asked = serveSnapshot();
    server.use(http.get("*/snap/meta.json", () => HttpResponse.json(meta as object)));
    const source = createStaticSource("/snap", settings);
    await source.observations({ indicator: "gdp", level: "city" });
    meta = next;
    await source.meta(); // a new version: its files are read afresh, by its own manifest
    await source.observations({ indicator: "gdp", level: "city" });
    expect(dataFiles(asked)).toEqual(["bundles/city.json", "observations/gdp/city.json"]);
  });

  const refused = (level: "province" | "city", body: unknown) => {
    serveSnapshot();
    server.use(http.get(`*/snap/bundles/${level}.json`, () => HttpResponse.json(body as object)));
    return createStaticSource("/snap", settings).observations({ indicator: "gdp", level });
  };

  it("refuse another level's bundle, whether it says so or not", async () => {
    await expect(refused("city", bundle("province"))).rejects.toThrow(
      "GET bundles/city.json: response breaks the data contract at level: expected city, got province",
    );
    await expect(refused("city", { ...bundle("province"), level: "city" })).rejects.toThrow(
      "GET bundles/city.json: response breaks the data contract at answers[0].observations[0].region: 440000 is not a city-level region",
    );
    const counties = filterObservations(dataset.observations.get("gdp") ?? [], dataset.regions, { level: "county" });
    const mixed = { level: "city", answers: [{ indicator: "gdp", observations: [...perLevel("gdp", "city"), counties[0]] }] };
    const error = await refused("city", mixed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).path).toBe(`answers[0].observations[${perLevel("gdp", "city").length}].region`);
  });

  it("refuse an answer the level does not publish, an indicator answered twice and a code the tree lacks", async () => {
    const province = bundle("province").answers.find((a) => a.indicator === "digital-economy-broad");
    await expect(refused("city", { level: "city", answers: [province] })).rejects.toThrow(
      "GET bundles/city.json: response breaks the data contract at answers[0].indicator: digital-economy-broad is not published at city level",
    );
    const gdp = bundle("city").answers.find((a) => a.indicator === "gdp");
    await expect(refused("city", { level: "city", answers: [gdp, gdp] })).rejects.toThrow(
      "GET bundles/city.json: response breaks the data contract at answers[1].indicator: gdp is answered twice",
    );
    const stranger = { region: "449999", period: "2020", value: 1, status: "final" };
    await expect(
      refused("province", { level: "province", answers: [{ indicator: "gdp", observations: [stranger] }] }),
    ).rejects.toThrow(
      "GET bundles/province.json: response breaks the data contract at answers[0].observations[0].region: unknown region 449999",
    );
  });

  it("refuse a broken bundle without falling back: an error naming it and the first failing path", async () => {
    const broken = { level: "city", answers: [{ indicator: "gdp", observations: [{ region: "x" }] }] };
    const error = await refused("city", broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toMatch(
      /^GET bundles\/city\.json: response breaks the data contract at answers\[0\]\.observations\[0\]\.region/,
    );
  });
});
