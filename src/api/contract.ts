/**
 * Data contract v1: the shapes every backend must return, as zod schemas.
 * The human-readable twin of this file is `public/openapi.yaml`; a test checks that
 * every response validates against both.
 */
// zod/mini: the same validation as zod, tree-shakable (the classic API costs ~85 KB gzipped more).
import * as z from "zod/mini";
import { lazyFields, once } from "./lazy-fields";

export const LEVELS = ["province", "city", "county"] as const;
export const ZONES = ["prd", "east", "west", "north"] as const;
export const KINDS = ["district", "county-city", "county", "autonomous-county"] as const;
export const PILLARS = ["industry", "enterprise", "countryside", "services", "government", "investment", "talent"] as const;
export const STATUSES = ["final", "preliminary", "estimated"] as const;
export const FREQUENCIES = ["annual", "quarterly"] as const;
/**
 * How an indicator's periods relate: a stock is a level at the period's end (a year is its
 * fourth quarter), a flow accumulates over the period (a year is the sum of its quarters), a
 * rate is a percentage (a year is not derived from its quarters).
 */
export const MEASURES = ["stock", "flow", "rate"] as const;

export type Level = (typeof LEVELS)[number];
export type Zone = (typeof ZONES)[number];
export type Pillar = (typeof PILLARS)[number];
export type Status = (typeof STATUSES)[number];
export type Measure = (typeof MEASURES)[number];

/*
 * Built when first used, not at import: every view's entry script imports this file, and
 * constructing its ~130 zod schemas there was the largest part of that script's first task on a
 * phone (~100–200 ms at 4× CPU). An exported object schema is a real zod object whose fields are
 * getters (lazyFields: zod's own way to declare fields lazily; it reads the shape once, at the first parse,
 * and keeps what the getters returned); a response schema with a refinement is `z.lazy` (a
 * `.check` copies the object's definition, which would read, i.e. build, every field); the
 * pieces several schemas share are built once, by `once`. A schema that is never parsed (the
 * observations answers, which the static source checks by a plain pass and zod only on failure;
 * the HTTP source's) is never built beyond its shell. What is accepted and refused, and with
 * which message, is unchanged.
 */

const text = once(() => z.strictObject({ zh: z.string(), en: z.string() }));
/** A text meant for people, in both languages. */
export type Text = z.infer<ReturnType<typeof text>>;

export const REGION_CODE = /^\d{6}$/;
export const INDICATOR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** "2023" (a year) or "2023Q2" (a quarter). */
export const PERIOD = /^(\d{4})(?:Q([1-4]))?$/;

const code = once(() => z.string().check(z.regex(REGION_CODE, "expected a six-digit GB/T 2260 code")));
const indicatorId = once(() => z.string().check(z.regex(INDICATOR_ID, "expected lower-case words joined by '-'")));
const period = once(() => z.string().check(z.regex(PERIOD, "expected a year like 2023 or a quarter like 2023Q2")));
const year = once(() => z.int().check(z.gte(1949), z.lte(2100)));

export const MetaSchema = z.object(
  lazyFields({
    title: text,
    dataVersion: () => z.string().check(z.minLength(1)),
    updatedAt: () => z.iso.datetime({ offset: true }),
    simulated: () => z.boolean(),
    firstYear: year,
    lastYear: year,
    /** Policy milestones drawn on time-series charts (optional: an additive change to v1). */
    milestones: () => z.optional(z.array(z.object({ date: z.iso.date(), label: text() }))),
  }),
);
export type Meta = z.infer<typeof MetaSchema>;

export const RegionSchema = z.object(
  lazyFields({
    code: code,
    level: () => z.enum(LEVELS),
    parent: () => z.nullable(code()),
    name: text,
    zone: () => z.nullable(z.enum(ZONES)),
    kind: () => z.nullable(z.enum(KINDS)),
  }),
);
export type Region = z.infer<typeof RegionSchema>;

// z.lazy, not getters: `.check` copies an object's definition, which reads (builds) every field.
export const RegionsResponseSchema = z.lazy(() =>
  z.object({ regions: z.array(RegionSchema).check(z.minLength(1)) }).check(
    z.superRefine(({ regions }, ctx) => {
      const byCode = new Map<string, Region>();
      regions.forEach((r, i) => {
        if (byCode.has(r.code)) {
          ctx.addIssue({
            code: "custom",
            path: ["regions", i, "code"],
            message: `duplicate region code ${r.code}`,
          });
        }
        byCode.set(r.code, r);
      });
      const expectedParent: Record<Level, Level | null> = {
        province: null,
        city: "province",
        county: "city",
      };
      regions.forEach((r, i) => {
        const want = expectedParent[r.level];
        const parent = r.parent === null ? undefined : byCode.get(r.parent);
        if (want === null ? r.parent !== null : parent?.level !== want) {
          ctx.addIssue({
            code: "custom",
            path: ["regions", i, "parent"],
            message: want ? `a ${r.level} needs a ${want} as parent, got ${String(r.parent)}` : "the province has no parent",
          });
        }
      });
    }),
  ),
);

const aggregation = once(() =>
  z.discriminatedUnion("method", [
    /** Parent = sum of children. */
    z.object({ method: z.literal("sum") }),
    /** Parent = Σ value·weight / Σ weight, the weight being another indicator's value. */
    z.object({ method: z.literal("weighted-mean"), weight: indicatorId() }),
  ]),
);
export type Aggregation = z.infer<ReturnType<typeof aggregation>>;

/**
 * Where a plan measures its target from (optional: an additive change to v1): the plan's base
 * period and, when the plan states it, the base value; without `value` the base is the
 * observation of that period. Absent, clients fall back to the first year of data and say so.
 */
const targetBase = once(() => z.object({ period: period(), value: z.optional(z.number()) }));
export type TargetBase = z.infer<ReturnType<typeof targetBase>>;

const target = once(() =>
  z.object({
    region: code(),
    period: period(),
    value: z.number(),
    source: text(),
    base: z.optional(targetBase()),
  }),
);
export type Target = z.infer<ReturnType<typeof target>>;

/**
 * A context indicator an amount may be divided by to compare regions of different size
 * (optional: an additive change to v1): value = numerator ÷ denominator × scale, both in their
 * published units, for the same region and period. `label` names the measure ("per 10,000
 * residents"), `unit` the resulting figure's unit and `decimals` its precision (absent: the
 * label and one decimal).
 */
const denominator = once(() =>
  z.object({
    indicator: indicatorId(),
    scale: z.number().check(z.positive()),
    label: text(),
    unit: z.optional(text()),
    decimals: z.optional(z.int().check(z.gte(0), z.lte(6))),
  }),
);
export type Denominator = z.infer<ReturnType<typeof denominator>>;

export const IndicatorSchema = z.object(
  lazyFields({
    id: indicatorId,
    pillar: () => z.enum(PILLARS),
    name: text,
    unit: text,
    description: text,
    source: text,
    frequency: () => z.enum(FREQUENCIES),
    direction: () => z.enum(["higher", "lower"]),
    levels: () => z.array(z.enum(LEVELS)).check(z.minLength(1)),
    aggregation: aggregation,
    decimals: () => z.int().check(z.gte(0), z.lte(6)),
    targets: () => z.array(target()),
    headline: () => z.optional(z.boolean()),
    /** A base figure (GDP, population…) published so that rates can be aggregated. */
    context: () => z.optional(z.boolean()),
    /**
     * A warning for people reading the figures, e.g. that two measures of the digital economy
     * differ and must never share an axis (optional: an additive change to v1).
     */
    caution: () => z.optional(text()),
    /** Stock, flow or rate (optional: an additive change to v1); see MEASURES. */
    measure: () => z.optional(z.enum(MEASURES)),
    /**
     * The context indicators this amount may be divided by, its natural intensive form first
     * (optional: an additive change to v1). Land area is always available besides these.
     */
    denominators: () => z.optional(z.array(denominator())),
  }),
);
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorsResponseSchema = z.lazy(() =>
  z.object({ indicators: z.array(IndicatorSchema) }).check(
    z.superRefine(({ indicators }, ctx) => {
      const ids = new Set<string>();
      indicators.forEach((ind, i) => {
        if (ids.has(ind.id)) {
          ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: `duplicate indicator id ${ind.id}` });
        }
        ids.add(ind.id);
      });
      indicators.forEach((ind, i) => {
        ind.denominators?.forEach((d, j) => {
          if (!ids.has(d.indicator) || d.indicator === ind.id) {
            ctx.addIssue({
              code: "custom",
              path: ["indicators", i, "denominators", j, "indicator"],
              message: `denominator ${d.indicator} is ${d.indicator === ind.id ? "the indicator itself" : "not in the catalogue"}`,
            });
          }
        });
        if (ind.aggregation.method === "weighted-mean" && !ids.has(ind.aggregation.weight)) {
          ctx.addIssue({
            code: "custom",
            path: ["indicators", i, "aggregation", "weight"],
            message: `weight indicator ${ind.aggregation.weight} is not in the catalogue`,
          });
        }
      });
    }),
  ),
);

export const ObservationSchema = z.object(
  lazyFields({
    region: code,
    period: period,
    value: () => z.nullable(z.number()),
    status: () => z.enum(STATUSES),
  }),
);
export type Observation = z.infer<typeof ObservationSchema>;

export const ObservationsResponseSchema = z.lazy(() =>
  z.object({ indicator: indicatorId(), observations: z.array(ObservationSchema) }).check(
    z.superRefine(({ observations }, ctx) => {
      const seen = new Set<string>();
      observations.forEach((o, i) => {
        const key = `${o.region}@${o.period}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: "custom",
            path: ["observations", i],
            message: `duplicate observation for region ${o.region}, period ${o.period}`,
          });
        }
        seen.add(key);
      });
    }),
  ),
);
export type ObservationsResponse = z.infer<typeof ObservationsResponseSchema>;

/** The query behind `GET /observations`. */
export interface ObservationQuery {
  indicator: string;
  level: Level;
  parent?: string;
  regions?: readonly string[];
  from?: string;
  to?: string;
}

export const ErrorBodySchema = z.object(
  lazyFields({
    error: () => z.object({ code: z.string(), message: z.string() }),
  }),
);
