/**
 * Data contract v1: the shapes every backend must return, as zod schemas.
 * The human-readable twin of this file is `public/openapi.yaml`; a test checks that
 * every response validates against both.
 */
// zod/mini: the same validation as zod, tree-shakable (the classic API costs ~85 KB gzipped more).
import * as z from "zod/mini";

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

/** A text meant for people, in both languages. */
export const TextSchema = z.strictObject({ zh: z.string(), en: z.string() });
export type Text = z.infer<typeof TextSchema>;

export const REGION_CODE = /^\d{6}$/;
export const INDICATOR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** "2023" (a year) or "2023Q2" (a quarter). */
export const PERIOD = /^(\d{4})(?:Q([1-4]))?$/;

const Code = z.string().check(z.regex(REGION_CODE, "expected a six-digit GB/T 2260 code"));
const IndicatorId = z.string().check(z.regex(INDICATOR_ID, "expected lower-case words joined by '-'"));
const Period = z.string().check(z.regex(PERIOD, "expected a year like 2023 or a quarter like 2023Q2"));
const Year = z.int().check(z.gte(1949), z.lte(2100));

export const MetaSchema = z.object({
  title: TextSchema,
  dataVersion: z.string().check(z.minLength(1)),
  updatedAt: z.iso.datetime({ offset: true }),
  simulated: z.boolean(),
  firstYear: Year,
  lastYear: Year,
  /** Policy milestones drawn on time-series charts (optional: an additive change to v1). */
  milestones: z.optional(z.array(z.object({ date: z.iso.date(), label: TextSchema }))),
});
export type Meta = z.infer<typeof MetaSchema>;

export const RegionSchema = z.object({
  code: Code,
  level: z.enum(LEVELS),
  parent: z.nullable(Code),
  name: TextSchema,
  zone: z.nullable(z.enum(ZONES)),
  kind: z.nullable(z.enum(KINDS)),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionsResponseSchema = z.object({ regions: z.array(RegionSchema).check(z.minLength(1)) }).check(
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
);

const Aggregation = z.discriminatedUnion("method", [
  /** Parent = sum of children. */
  z.object({ method: z.literal("sum") }),
  /** Parent = Σ value·weight / Σ weight, the weight being another indicator's value. */
  z.object({ method: z.literal("weighted-mean"), weight: IndicatorId }),
]);
export type Aggregation = z.infer<typeof Aggregation>;

/**
 * Where a plan measures its target from (optional: an additive change to v1): the plan's base
 * period and, when the plan states it, the base value; without `value` the base is the
 * observation of that period. Absent, clients fall back to the first year of data and say so.
 */
const TargetBase = z.object({ period: Period, value: z.optional(z.number()) });
export type TargetBase = z.infer<typeof TargetBase>;

const Target = z.object({
  region: Code,
  period: Period,
  value: z.number(),
  source: TextSchema,
  base: z.optional(TargetBase),
});
export type Target = z.infer<typeof Target>;

/**
 * A context indicator an amount may be divided by to compare regions of different size
 * (optional: an additive change to v1): value = numerator ÷ denominator × scale, both in their
 * published units, for the same region and period. `label` names the measure ("per 10,000
 * residents"), `unit` the resulting figure's unit and `decimals` its precision (absent: the
 * label and one decimal).
 */
const Denominator = z.object({
  indicator: IndicatorId,
  scale: z.number().check(z.positive()),
  label: TextSchema,
  unit: z.optional(TextSchema),
  decimals: z.optional(z.int().check(z.gte(0), z.lte(6))),
});
export type Denominator = z.infer<typeof Denominator>;

export const IndicatorSchema = z.object({
  id: IndicatorId,
  pillar: z.enum(PILLARS),
  name: TextSchema,
  unit: TextSchema,
  description: TextSchema,
  source: TextSchema,
  frequency: z.enum(FREQUENCIES),
  direction: z.enum(["higher", "lower"]),
  levels: z.array(z.enum(LEVELS)).check(z.minLength(1)),
  aggregation: Aggregation,
  decimals: z.int().check(z.gte(0), z.lte(6)),
  targets: z.array(Target),
  headline: z.optional(z.boolean()),
  /** A base figure (GDP, population…) published so that rates can be aggregated. */
  context: z.optional(z.boolean()),
  /**
   * A warning for people reading the figures, e.g. that two measures of the digital economy
   * differ and must never share an axis (optional: an additive change to v1).
   */
  caution: z.optional(TextSchema),
  /** Stock, flow or rate (optional: an additive change to v1); see MEASURES. */
  measure: z.optional(z.enum(MEASURES)),
  /**
   * The context indicators this amount may be divided by, its natural intensive form first
   * (optional: an additive change to v1). Land area is always available besides these.
   */
  denominators: z.optional(z.array(Denominator)),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorsResponseSchema = z.object({ indicators: z.array(IndicatorSchema) }).check(
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
);

export const ObservationSchema = z.object({
  region: Code,
  period: Period,
  value: z.nullable(z.number()),
  status: z.enum(STATUSES),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const ObservationsResponseSchema = z.object({ indicator: IndicatorId, observations: z.array(ObservationSchema) }).check(
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

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
