/**
 * Property-based tests of everything that reads data from outside: the contract's schemas
 * through `parse` (errors.ts), `checkObservationRegions`, and config.json through `parseConfig`.
 * Whatever arrives, the only failure is the project's own error, naming the endpoint (or the
 * config field) and the path at fault; a valid answer comes back as sent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/api/config";
import {
  FREQUENCIES,
  IndicatorsResponseSchema,
  KINDS,
  LEVELS,
  MetaSchema,
  ObservationsResponseSchema,
  PILLARS,
  RegionsResponseSchema,
  STATUSES,
  ZONES,
} from "../../src/api/contract";
import { ContractError, checkObservationRegions, parse } from "../../src/api/errors";

// 200 runs each keeps the file fast; PROPS_RUNS=5000 for a longer hunt.
const RUNS = { numRuns: Number(process.env.PROPS_RUNS ?? 200) };

// ---------------------------------------------------------------------------------------------
// Valid payloads, as a conforming backend would send them.

const text = fc.record({ zh: fc.string({ maxLength: 12 }), en: fc.string({ maxLength: 12 }) });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const year = fc.integer({ min: 1949, max: 2100 });
const period = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }))
  .map(([y, q]) => (q ? `${y}Q${q}` : String(y)));
const code = fc.stringMatching(/^\d{6}$/);
const indicatorId = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}$/);
const date = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true });

const meta = fc.record(
  {
    title: text,
    dataVersion: fc.string({ minLength: 1, maxLength: 20 }),
    updatedAt: date.map((d) => d.toISOString()),
    simulated: fc.boolean(),
    firstYear: year,
    lastYear: year,
    milestones: fc.array(fc.record({ date: date.map((d) => d.toISOString().slice(0, 10)), label: text }), { maxLength: 3 }),
  },
  { requiredKeys: ["title", "dataVersion", "updatedAt", "simulated", "firstYear", "lastYear"] },
);

/** A tree: the province, up to 5 cities, each with up to 3 counties (a city may have none). */
const regions = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 0, maxLength: 5 })
  .chain((cities) =>
    fc.tuple(
      ...cities.map((c) =>
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }).map((counties) => ({ c, counties })),
      ),
    ),
  )
  .chain((tree) => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const shape = [
      { code: "440000", level: "province" as const, parent: null },
      ...tree.flatMap(({ c, counties }) => [
        { code: `44${pad(c)}00`, level: "city" as const, parent: "440000" },
        ...counties.map((k) => ({ code: `44${pad(c)}${pad(k)}`, level: "county" as const, parent: `44${pad(c)}00` })),
      ]),
    ];
    return fc.tuple(
      ...shape.map((r) =>
        fc.record({
          code: fc.constant(r.code),
          level: fc.constant(r.level),
          parent: fc.constant(r.parent),
          name: text,
          zone: fc.option(fc.constantFrom(...ZONES), { nil: null }),
          kind: fc.option(fc.constantFrom(...KINDS), { nil: null }),
        }),
      ),
    );
  })
  .chain((list) => fc.shuffledSubarray(list, { minLength: list.length }))
  .map((list) => ({ regions: list }));

const target = fc.record({ region: code, period, value: finite, source: text });

const indicators = fc.uniqueArray(indicatorId, { maxLength: 4 }).chain((ids) =>
  fc
    .tuple(
      ...ids.map((id) =>
        fc.record(
          {
            id: fc.constant(id),
            pillar: fc.constantFrom(...PILLARS),
            name: text,
            unit: text,
            description: text,
            source: text,
            frequency: fc.constantFrom(...FREQUENCIES),
            direction: fc.constantFrom("higher", "lower"),
            levels: fc.array(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 3 }),
            aggregation: fc.oneof(
              fc.constant({ method: "sum" }),
              fc.constantFrom(...ids).map((weight) => ({ method: "weighted-mean", weight })),
            ),
            decimals: fc.integer({ min: 0, max: 6 }),
            targets: fc.array(target, { maxLength: 2 }),
            headline: fc.boolean(),
            context: fc.boolean(),
            caution: text,
          },
          {
            requiredKeys: [
              "id",
              "pillar",
              "name",
              "unit",
              "description",
              "source",
              "frequency",
              "direction",
              "levels",
              "aggregation",
              "decimals",
              "targets",
            ],
          },
        ),
      ),
    )
    .map((list) => ({ indicators: list })),
);

const observation = fc.record({
  region: code,
  period,
  value: fc.option(finite, { nil: null }),
  status: fc.constantFrom(...STATUSES),
});
const observations = fc.record({
  indicator: indicatorId,
  observations: fc.uniqueArray(observation, { maxLength: 8, selector: (o) => `${o.region}@${o.period}` }),
});

/** Each endpoint's schema, a valid answer, and which keys of its objects may be left out. */
const ENDPOINTS = [
  { endpoint: "GET /meta", schema: MetaSchema, valid: meta as fc.Arbitrary<unknown> },
  { endpoint: "GET /regions", schema: RegionsResponseSchema, valid: regions as fc.Arbitrary<unknown> },
  { endpoint: "GET /indicators", schema: IndicatorsResponseSchema, valid: indicators as fc.Arbitrary<unknown> },
  {
    endpoint: "GET /observations?indicator=x&level=city",
    schema: ObservationsResponseSchema,
    valid: observations as fc.Arbitrary<unknown>,
  },
] as const;
const OPTIONAL = new Set(["milestones", "headline", "context", "caution"]);
const ENUM_KEYS = new Set(["level", "zone", "kind", "pillar", "frequency", "direction", "status", "method"]);

// ---------------------------------------------------------------------------------------------
// Hostile input.

/** Arrays (or objects) nested `depth` deep around `inner`, built without recursion. */
function nested(depth: number, inner: unknown, asObject: boolean): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}
const deep = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.jsonValue({ maxDepth: 1 }), fc.boolean())
  .map(([d, inner, o]) => nested(d, inner, o));
const huge = fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => "9".repeat(n));
/** JSON text with `__proto__` keys, parsed as the app parses answers (an own property, not a prototype). */
const protoJson = fc
  .tuple(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("__proto__", "constructor", "prototype"))
  .map(([v, key]) => JSON.parse(`{"${key}": ${JSON.stringify(v)}, "regions": [{"${key}": {"polluted": true}}]}`));
const exotic = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});
const junk = fc.oneof(fc.jsonValue(), exotic, deep, huge, protoJson);

/** Puts `value` at a random place inside `payload` (a copy): near-valid answers reach deep into the schema. */
function splice(payload: unknown, at: number, value: unknown): unknown {
  const copy = structuredClone(payload);
  const spots: [Record<string | number, unknown>, string | number][] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === "object") {
      for (const k of Object.keys(v)) {
        spots.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(copy);
  if (!spots.length) return value;
  const [parent, key] = spots[at % spots.length];
  parent[key] = value;
  return copy;
}

/** What `parse` throws, or null when it accepts. */
function refusal(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (e) {
    return e;
  }
}

describe("contract parsers (property-based)", () => {
  for (const { endpoint, schema, valid } of ENDPOINTS) {
    describe(endpoint, () => {
      it("refuses any junk only with a ContractError naming the endpoint, and never pollutes prototypes", () => {
        const input = fc.oneof(
          junk,
          fc.tuple(valid, fc.nat(), junk).map(([p, at, v]) => splice(p, at, v)),
        );
        fc.assert(
          fc.property(input, (json) => {
            const e = refusal(() => parse(schema, json, endpoint));
            if (e === null) return;
            expect(e).toBeInstanceOf(ContractError);
            expect((e as ContractError).endpoint).toBe(endpoint);
            expect((e as Error).message.startsWith(`${endpoint}: response breaks the data contract at `)).toBe(true);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          RUNS,
        );
        expect(Object.prototype).not.toHaveProperty("polluted");
      });

      it("returns a valid answer as sent", () => {
        fc.assert(
          fc.property(valid, (payload) => {
            const json = JSON.parse(JSON.stringify(payload));
            expect(parse(schema, json, endpoint)).toEqual(json);
          }),
          RUNS,
        );
      });

      it("refuses one broken field (left out, a number as text, an unknown code) naming its path", () => {
        fc.assert(
          fc.property(valid, fc.nat(), (payload, pick) => {
            const json = JSON.parse(JSON.stringify(payload));
            const mutations = mutationsOf(json);
            fc.pre(mutations.length > 0);
            const m = mutations[pick % mutations.length];
            m.apply();
            const e = refusal(() => parse(schema, json, endpoint));
            expect(e, `${m.kind} at ${m.path}`).toBeInstanceOf(ContractError);
            expect((e as ContractError).path, (e as Error).message).toBe(m.path);
            expect((e as Error).message).toContain(` at ${m.path}: `);
          }),
          RUNS,
        );
      });
    });
  }

  it("checkObservationRegions accepts observations of known regions and names the first unknown one", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(code, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.option(code, { freq: 4, nil: null })), { maxLength: 10 }),
        (known, picks) => {
          // Each observation names a known region, or (sometimes) any code at all.
          const obs = picks.map(([i, other]) => ({ region: other ?? known[i % known.length] }));
          const firstUnknown = obs.findIndex((o) => !known.includes(o.region));
          const e = refusal(() =>
            checkObservationRegions(
              obs,
              known.map((c) => ({ code: c })),
              "GET /observations",
            ),
          );
          if (firstUnknown < 0) {
            expect(e).toBeNull();
          } else {
            expect(e).toBeInstanceOf(ContractError);
            expect((e as ContractError).path).toBe(`observations[${firstUnknown}].region`);
            expect((e as Error).message).toMatch(/^GET \/observations: /);
            expect((e as Error).message).toContain(obs[firstUnknown].region);
          }
        },
      ),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// config.json

const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
const validConfig = fc.record(
  {
    dataSource: fc.constantFrom("http", "static"),
    baseUrl: fc.string({ minLength: 1, maxLength: 30 }),
    timeoutMs: fc.integer({ min: 1000, max: 300_000 }),
    credentials: fc.constantFrom("omit", "same-origin", "include"),
    headers: fc.dictionary(headerName, fc.string({ maxLength: 20 }), { maxKeys: 3 }),
    signInUrl: fc.oneof(fc.webUrl(), fc.constantFrom("/login", "./sso", "login?next=%2F")),
    boundaries: fc.record(
      { url: fc.string({ minLength: 1, maxLength: 30 }), approval: fc.string({ maxLength: 100 }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["dataSource", "baseUrl"] },
);
/** A ConfigError's message names the field (`"timeoutMs": …`, a key may hold quotes) or the whole file. */
const CONFIG_MESSAGE = /^(".+"|the file): \S/s;

describe("config.json (property-based)", () => {
  it("refuses any junk only with a ConfigError naming the field or the file", () => {
    const input = fc.oneof(
      junk,
      fc.tuple(validConfig, fc.nat(), junk).map(([p, at, v]) => splice(p, at, v)),
    );
    fc.assert(
      fc.property(input, (json) => {
        const e = refusal(() => parseConfig(json));
        if (e === null) return;
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as Error).message).toMatch(CONFIG_MESSAGE);
      }),
      RUNS,
    );
  });

  it("fills in the defaults of a valid file and keeps everything it says", () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const json = JSON.parse(JSON.stringify(config));
        const parsed = parseConfig(json);
        expect(parsed).toMatchObject({
          timeoutMs: 15_000,
          credentials: "same-origin",
          headers: {},
          ...json,
          boundaries: { url: "./geo/guangdong-counties.topo.json", ...json.boundaries },
        });
        // Parsing what came out changes nothing.
        expect(parseConfig(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
      RUNS,
    );
  });

  it("refuses one broken field (required left out, a number as text, an unknown choice, an unknown key) naming it", () => {
    const broken = fc.tuple(
      validConfig,
      fc.constantFrom(
        ["dataSource", (c: Record<string, unknown>) => delete c.dataSource],
        ["baseUrl", (c: Record<string, unknown>) => delete c.baseUrl],
        ["timeoutMs", (c: Record<string, unknown>) => (c.timeoutMs = String(c.timeoutMs ?? 15_000))],
        ["dataSource", (c: Record<string, unknown>) => (c.dataSource = "ftp")],
        ["credentials", (c: Record<string, unknown>) => (c.credentials = "always")],
        ["signInUrl", (c: Record<string, unknown>) => (c.signInUrl = "javascript:alert(1)")],
        ["boundaries.url", (c: Record<string, unknown>) => (c.boundaries = { url: 42 })],
        ["", (c: Record<string, unknown>) => (c.baseURL = "typo")],
      ),
    );
    fc.assert(
      fc.property(broken, ([config, [field, mutate]]) => {
        const json = JSON.parse(JSON.stringify(config));
        mutate(json);
        const e = refusal(() => parseConfig(json));
        expect(e).toBeInstanceOf(ConfigError);
        // Unknown keys are reported on the file itself, with the key in the message.
        expect((e as Error).message).toMatch(field ? new RegExp(`^"${field}": `) : /^the file: .*baseURL/);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------

interface Mutation {
  kind: "drop" | "retype" | "unknown code";
  /** As ContractError writes it: `regions[3].level`. */
  path: string;
  apply: () => void;
}

/** Every single-field break of a valid payload that the contract must refuse. */
function mutationsOf(root: unknown): Mutation[] {
  const out: Mutation[] = [];
  const walk = (v: unknown, path: string, key: string | null) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const at = `${path}[${i}]`;
        // The levels an indicator is published at: each an enum.
        if (key === "levels") out.push({ kind: "unknown code", path: at, apply: () => (v[i] = "planet") });
        walk(x, at, null);
      });
      return;
    }
    if (!v || typeof v !== "object") return;
    const obj = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(obj)) {
      const at = path ? `${path}.${k}` : k;
      if (!OPTIONAL.has(k)) out.push({ kind: "drop", path: at, apply: () => delete obj[k] });
      if (typeof x === "number" || typeof x === "boolean") {
        out.push({ kind: "retype", path: at, apply: () => (obj[k] = String(x)) });
      }
      if (ENUM_KEYS.has(k) && typeof x === "string") {
        out.push({ kind: "unknown code", path: at, apply: () => (obj[k] = "not-a-known-code") });
      }
      walk(x, at, k);
    }
  };
  walk(root, "", null);
  return out;
}
