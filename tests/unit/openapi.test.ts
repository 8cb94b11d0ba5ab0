/**
 * `public/openapi.yaml` is the human-readable twin of the zod contract: it must be a valid
 * OpenAPI 3.1 document, and every answer of the mock API and every snapshot file must
 * validate against both it and `src/api/contract.ts`.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileErrors, dereference, validate } from "@readme/openapi-parser";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type * as z from "zod/mini";
import { handleApi } from "../../mock/api";
import { snapshotFiles } from "../../mock/snapshot";
import {
  ErrorBodySchema,
  IndicatorsResponseSchema,
  MetaSchema,
  type Observation,
  ObservationsResponseSchema,
  RegionsResponseSchema,
} from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import type { LevelBundle } from "../../src/api/level-bundle";
import type { YearFile } from "../../src/api/year-file";
import { periodWithin } from "../../src/domain/periods";
import { dataset } from "../support/msw";

type Json = Record<string, unknown>;
type Route = "meta" | "regions" | "indicators" | "observations";

const source = readFileSync(resolve(import.meta.dirname, "../../public/openapi.yaml"), "utf8");
const raw = parseYaml(source) as Json;
// The parser dereferences in place: give it copies, keep `raw` as written.
const doc = (await dereference(structuredClone(raw) as never)) as unknown as {
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, Json> }> } }>;
  components: { schemas: Record<string, Json> };
};

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// OpenAPI 3.1's dialect adds these annotations to JSON Schema 2020-12; `oneOf` + `const`
// does the discriminating, so `discriminator` is only an annotation here.
ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);

/** The JSON schema of a response as the document declares it. */
function responseSchema(path: string, status: string): Json {
  const schema = doc.paths[path]?.get.responses[status]?.content?.["application/json"]?.schema as Json | undefined;
  if (!schema) throw new Error(`openapi.yaml declares no JSON body for GET ${path} → ${status}`);
  return schema;
}

/** Each schema compiled once, on first use. */
const compiled = new Map<string, ValidateFunction>();
function validator(path: string, status: string): ValidateFunction {
  const key = `${path} ${status}`;
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(path === "*" ? doc.components.schemas.ErrorBody : responseSchema(path, status));
    compiled.set(key, v);
  }
  return v;
}

const ZOD: Record<Route, z.ZodMiniType> = {
  meta: MetaSchema,
  regions: RegionsResponseSchema,
  indicators: IndicatorsResponseSchema,
  observations: ObservationsResponseSchema,
};

/** Whether the document's schema for `GET /{route}` → `status` accepts `body`, with the reasons if not. */
function openapiCheck(route: Route | "*", status: number, body: unknown): string | null {
  const v = validator(route === "*" ? "*" : `/${route}`, String(status));
  return v(body) ? null : ajv.errorsText(v.errors, { dataVar: "body" });
}

function zodCheck(route: Route, body: unknown): string | null {
  const r = ZOD[route].safeParse(body);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** Asserts that `body` conforms to both the document and (for 200s) the zod contract. */
function expectConforms(route: Route | "*", status: number, body: unknown, label: string) {
  expect(openapiCheck(route, status, body), `${label} vs openapi.yaml`).toBeNull();
  if (route === "*" || status !== 200) {
    expect(ErrorBodySchema.safeParse(body).success, `${label} vs ErrorBodySchema`).toBe(true);
  } else {
    expect(zodCheck(route, body), `${label} vs zod`).toBeNull();
  }
}

const get = (route: string, query = "") => handleApi(dataset, "GET", route, new URLSearchParams(query));
const observationsOf = (query: string): Observation[] => {
  const res = get("observations", query);
  expect(res.status, query).toBe(200);
  return (res.body as { observations: Observation[] }).observations;
};

describe("openapi.yaml", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(raw.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(raw) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it("is checked for real: a broken copy is rejected", async () => {
    const broken = structuredClone(raw) as { info: Json; paths: Record<string, Json> };
    delete broken.info.version;
    broken.paths["/meta"] = { get: { responses: { "200": { content: {} } } } }; // a response without description
    const result = await validate(broken as never);
    expect(result.valid).toBe(false);
  });

  it("declares contract v1: the base, the four GET paths and their answers", () => {
    expect((raw.info as Json).version).toBe("1.0.0");
    expect((raw.servers as Json[])[0].url).toBe("/api/v1");
    expect(Object.keys(doc.paths).sort()).toEqual(["/indicators", "/meta", "/observations", "/regions"]);
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(Object.keys(item), path).toEqual(["get"]);
      const want = path === "/observations" ? ["200", "400", "404", "405"] : ["200", "405"];
      expect(Object.keys(item.get.responses).sort(), path).toEqual(want);
    }
    const params = (doc.paths["/observations"].get as unknown as { parameters: { name: string; required?: boolean }[] })
      .parameters;
    expect(params.map((p) => [p.name, p.required === true])).toEqual([
      ["indicator", true],
      ["level", true],
      ["parent", false],
      ["regions", false],
      ["from", false],
      ["to", false],
    ]);
  });

  it("has examples that conform to their own schemas and to zod", () => {
    let count = 0;
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const example of (schema.examples as unknown[] | undefined) ?? []) {
        expect(ajv.validate(schema, example), `${name} example: ${ajv.errorsText()}`).toBe(true);
        count++;
      }
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [status, response] of Object.entries(item.get.responses)) {
        const media = response.content?.["application/json"] as
          | { example?: unknown; examples?: Record<string, { value: unknown }> }
          | undefined;
        const examples = [media?.example, ...Object.values(media?.examples ?? {}).map((e) => e.value)].filter(
          (e) => e !== undefined,
        );
        for (const example of examples) {
          expectConforms(path.slice(1) as Route, Number(status), example, `${path} ${status} example`);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(10);
  });
});

describe("mock API answers conform to openapi.yaml and zod", () => {
  it.each(["meta", "regions", "indicators"] as const)("GET /%s", (route) => {
    const res = get(route);
    expect(res.status).toBe(200);
    expectConforms(route, 200, res.body, `GET /${route}`);
  });

  it("GET /observations for every indicator at every level it is published at", () => {
    let answers = 0;
    for (const indicator of dataset.indicators) {
      for (const level of indicator.levels) {
        const query = `indicator=${indicator.id}&level=${level}`;
        const res = get("observations", query);
        expect(res.status, query).toBe(200);
        expectConforms("observations", 200, res.body, `GET /observations?${query}`);
        expect((res.body as { observations: unknown[] }).observations.length, query).toBeGreaterThan(0);
        answers++;
      }
    }
    expect(answers).toBeGreaterThan(dataset.indicators.length * 2);
  });

  it.each([
    "indicator=gdp&level=county&parent=440100",
    "indicator=gdp&level=county&parent=441900",
    "indicator=core-digital-va-share&level=city&regions=440100,440300",
    "indicator=5g-base-stations&level=county&from=2023&to=2024",
    "indicator=retail-sales&level=city&from=2023Q2",
    "indicator=gdp&level=city&regions=",
    "indicator=gdp&level=city&from=2025&to=2018",
  ])("GET /observations?%s", (query) => {
    const res = get("observations", query);
    expect(res.status).toBe(200);
    expectConforms("observations", 200, res.body, query);
  });

  it.each([
    ["missing indicator", "observations", "level=city", 400, "bad_parameter"],
    ["malformed indicator", "observations", "indicator=GDP&level=city", 400, "bad_parameter"],
    ["unknown indicator", "observations", "indicator=no-such-indicator&level=city", 404, "unknown_indicator"],
    ["missing level", "observations", "indicator=gdp", 400, "bad_parameter"],
    ["bad level", "observations", "indicator=gdp&level=town", 400, "bad_parameter"],
    ["bad parent", "observations", "indicator=gdp&level=county&parent=4401", 400, "bad_parameter"],
    ["bad regions", "observations", "indicator=gdp&level=city&regions=440100,guangzhou", 400, "bad_parameter"],
    ["bad from", "observations", "indicator=gdp&level=city&from=2023Q5", 400, "bad_parameter"],
    ["bad to", "observations", "indicator=gdp&level=city&to=23", 400, "bad_parameter"],
    ["level not published", "observations", "indicator=computing-power&level=county", 400, "bad_parameter"],
    ["bad parameter before unknown indicator", "observations", "indicator=no-such-indicator", 400, "bad_parameter"],
  ] as const)("%s: GET /%s?%s → %i", (_name, route, query, status, code) => {
    const res = get(route, query);
    expect(res.status).toBe(status);
    expect((res.body as { error: { code: string } }).error.code).toBe(code);
    expectConforms(route, status, res.body, `${route}?${query}`);
  });

  it("unknown route → 404 with an ErrorBody", () => {
    const res = get("nope");
    expect(res.status).toBe(404);
    expectConforms("*", 404, res.body, "GET /nope");
  });

  it.each(["meta", "regions", "indicators", "observations"] as const)("POST /%s → 405", (route) => {
    const res = handleApi(dataset, "POST", route, new URLSearchParams("indicator=gdp&level=city"));
    expect(res.status).toBe(405);
    expectConforms(route, 405, res.body, `POST /${route}`);
  });
});

describe("the mock API behaves as openapi.yaml describes", () => {
  it("county level covers the province once: Dongguan and Zhongshan under their city code", () => {
    const obs = observationsOf("indicator=gdp&level=county&from=2024&to=2024");
    const codes = obs.map((o) => o.region);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["441900", "442000"]));
    const byCode = new Map(dataset.regions.map((r) => [r.code, r]));
    const cities = codes.filter((c) => byCode.get(c)?.level === "city");
    expect(cities.sort()).toEqual(["441900", "442000"]);
    expect(dataset.regions.filter((r) => r.parent === "441900" || r.parent === "442000")).toEqual([]);
    expect(codes.length).toBe(regionsAtLevel(dataset.regions, "county").length);
    // Every city is covered either by its county-level divisions or by itself, never both.
    for (const city of dataset.regions.filter((r) => r.level === "city")) {
      const kids = codes.filter((c) => byCode.get(c)?.parent === city.code && byCode.get(c)?.level === "county");
      expect(kids.length > 0 !== codes.includes(city.code), city.code).toBe(true);
    }
    // So the county-level total matches the province's (up to rounding), counting nobody twice.
    const total = obs.reduce((s, o) => s + (o.value ?? 0), 0);
    const province = observationsOf("indicator=gdp&level=province&from=2024&to=2024")[0].value as number;
    expect(Math.abs(total - province) / province).toBeLessThan(0.001);
  });

  it("parent, regions, from and to filter as documented", () => {
    const byCode = new Map(dataset.regions.map((r) => [r.code, r]));
    const gz = observationsOf("indicator=gdp&level=county&parent=440100");
    expect(gz.length).toBeGreaterThan(0);
    expect(gz.every((o) => byCode.get(o.region)?.parent === "440100")).toBe(true);
    expect(new Set(observationsOf("indicator=gdp&level=county&parent=441900").map((o) => o.region))).toEqual(new Set(["441900"]));
    const two = observationsOf("indicator=gdp&level=city&regions=440100,440300");
    expect(new Set(two.map((o) => o.region))).toEqual(new Set(["440100", "440300"]));
    const range = observationsOf("indicator=5g-base-stations&level=province&from=2023&to=2024").map((o) => o.period);
    expect(range).toEqual(["2023", "2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024", "2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    const fromQ2 = observationsOf("indicator=5g-base-stations&level=province&from=2023Q2&to=2024Q2").map((o) => o.period);
    expect(fromQ2).toEqual(["2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2"]);
    expect(observationsOf("indicator=gdp&level=city&regions=")).toEqual([]);
    expect(observationsOf("indicator=gdp&level=city&from=2025&to=2018")).toEqual([]);
  });
});

describe("the static snapshot conforms to openapi.yaml and zod", () => {
  it("every file validates against its endpoint's 200 schema", () => {
    const files = snapshotFiles(dataset);
    // The catalogue, each indicator's whole file and one file per level it is published at, a
    // year file per level and year, and a bundle for the province and the cities (the counties'
    // is over the size limit): lists of observations answers, each checked as one.
    const years = dataset.meta.lastYear - dataset.meta.firstYear + 1;
    expect(files.size).toBe(3 + dataset.indicators.reduce((n, i) => n + 1 + i.levels.length, 0) + 3 * years + 2);
    for (const [name, body] of files) {
      if (name.startsWith("years/") || name.startsWith("bundles/")) {
        for (const answer of (body as YearFile | LevelBundle).answers) expectConforms("observations", 200, answer, name);
        continue;
      }
      const route = (name.startsWith("observations/") ? "observations" : name.replace(/\.json$/, "")) as Route;
      expectConforms(route, 200, body, name);
    }
    // The three catalogue files are exactly the endpoints' answers, meta.json with the
    // snapshot's own manifest besides (which levels have a bundle; MetaSchema strips it).
    for (const route of ["regions", "indicators"] as const) {
      expect(files.get(`${route}.json`)).toEqual(get(route).body);
    }
    expect(files.get("meta.json")).toEqual({ ...(get("meta").body as object), snapshot: { bundles: ["province", "city"] } });
    // Each bundle holds exactly the per-level answer of every indicator published at its level.
    for (const level of ["province", "city"] as const) {
      expect((files.get(`bundles/${level}.json`) as LevelBundle).answers, level).toEqual(
        dataset.indicators
          .filter((i) => i.levels.includes(level))
          .map((i) => get("observations", `indicator=${i.id}&level=${level}`).body),
      );
    }
    // Filtering an observations file reproduces the endpoint's answer.
    const file = files.get("observations/5g-base-stations.json") as { observations: Observation[] };
    const fromFile = file.observations.filter(
      (o) => regionsAtLevel(dataset.regions, "city").some((r) => r.code === o.region) && periodWithin(o.period, "2023Q2"),
    );
    expect(observationsOf("indicator=5g-base-stations&level=city&from=2023Q2")).toEqual(fromFile);
    // Each per-level file is exactly the endpoint's answer for that indicator and level.
    for (const ind of dataset.indicators) {
      for (const level of ind.levels) {
        expect(files.get(`observations/${ind.id}/${level}.json`), `${ind.id}/${level}`).toEqual(
          get("observations", `indicator=${ind.id}&level=${level}`).body,
        );
      }
    }
  });
});

describe("the validators can fail", () => {
  const meta = get("meta").body as Json;
  const regions = get("regions").body as { regions: Json[] };
  const indicators = get("indicators").body as { indicators: Json[] };
  const observations = get("observations", "indicator=gdp&level=province").body as { indicator: string; observations: Json[] };
  const withObservation = (patch: Json) => ({ ...observations, observations: [{ ...observations.observations[0], ...patch }] });
  const withRegion = (patch: Json) => ({ regions: [...regions.regions.slice(0, 3), { ...regions.regions[3], ...patch }] });
  const withIndicator = (patch: Json) => ({ indicators: [{ ...indicators.indicators[0], ...patch }] });
  const { updatedAt: _dropped, ...metaWithoutUpdatedAt } = meta;

  const cases: [string, Route, unknown][] = [
    ["an observation with a string value", "observations", withObservation({ value: "12" })],
    ["an observation without a value", "observations", withObservation({ value: undefined })],
    ["an observation with a bad status", "observations", withObservation({ status: "provisional" })],
    ["an observation with period 2023Q5", "observations", withObservation({ period: "2023Q5" })],
    ["an observation with a five-digit region", "observations", withObservation({ region: "44010" })],
    ["an observations answer with a bad indicator id", "observations", { ...observations, indicator: "GDP" }],
    ["a region with level town", "regions", withRegion({ level: "town" })],
    ["a region with zone south", "regions", withRegion({ zone: "south" })],
    ["a region whose name has a third language", "regions", withRegion({ name: { zh: "广州", en: "Guangzhou", fr: "Canton" } })],
    ["a county without a parent", "regions", withRegion({ parent: null })],
    ["no regions at all", "regions", { regions: [] }],
    ["a meta missing updatedAt", "meta", metaWithoutUpdatedAt],
    ["a meta with an updatedAt without offset", "meta", { ...meta, updatedAt: "2026-03-31T00:00:00" }],
    ["a meta with an updatedAt without seconds", "meta", { ...meta, updatedAt: "2026-03-31T00:00+08:00" }],
    ["a meta with firstYear 1900", "meta", { ...meta, firstYear: 1900 }],
    ["a meta with an empty dataVersion", "meta", { ...meta, dataVersion: "" }],
    ["a weighted mean without weight", "indicators", withIndicator({ aggregation: { method: "weighted-mean" } })],
    ["an unknown aggregation method", "indicators", withIndicator({ aggregation: { method: "median" } })],
    ["an indicator with no levels", "indicators", withIndicator({ levels: [] })],
    ["an indicator with 7 decimals", "indicators", withIndicator({ decimals: 7 })],
    ["an indicator with a string headline flag", "indicators", withIndicator({ headline: "yes" })],
  ];

  it.each(cases)("rejects %s (openapi.yaml and zod)", (_name, route, body) => {
    // Round-trip through JSON so that `undefined` drops the property, as on the wire.
    const wire = JSON.parse(JSON.stringify(body)) as unknown;
    expect(openapiCheck(route, 200, wire)).not.toBeNull();
    expect(zodCheck(route, wire)).not.toBeNull();
  });

  it("accepts the unmodified bodies the negative cases start from", () => {
    expect(openapiCheck("meta", 200, meta)).toBeNull();
    expect(openapiCheck("observations", 200, withObservation({}))).toBeNull();
    expect(openapiCheck("regions", 200, withRegion({}))).toBeNull();
    expect(openapiCheck("indicators", 200, withIndicator({}))).toBeNull();
    expect(zodCheck("observations", withObservation({}))).toBeNull();
    expect(zodCheck("regions", withRegion({}))).toBeNull();
    expect(zodCheck("indicators", withIndicator({}))).toBeNull();
  });

  it("zod enforces the rules the document can only describe: duplicates and dangling references", () => {
    const [first] = observations.observations;
    const duplicated = { ...observations, observations: [first, first] };
    expect(openapiCheck("observations", 200, duplicated)).toBeNull();
    expect(zodCheck("observations", duplicated)).toMatch(/duplicate observation/);
    expect(zodCheck("regions", { regions: [regions.regions[0], regions.regions[0]] })).toMatch(/duplicate region code/);
    expect(zodCheck("indicators", withIndicator({ aggregation: { method: "weighted-mean", weight: "no-such" } }))).toMatch(
      /not in the catalogue/,
    );
  });
});
