import * as z from "zod/mini";
import { LEVELS, ObservationsResponseSchema, PERIOD } from "./contract";
import { parse } from "./errors";
import { lazyFields } from "./lazy-fields";
import { isExactObservationsResponse } from "./parse-observations";

/**
 * A static snapshot's file of one level and year, `years/{level}/{year}.json` (no API endpoint:
 * the static source's way to answer one-year queries in one request): for every indicator
 * published at the level, exactly the answer of
 * `GET /observations?indicator={id}&level={level}&from={year}&to={year}` (the year and its quarters).
 */
export const YearFileSchema = z.object(
  lazyFields({
    // Built on the first parse by zod, which happens only when the plain pass refuses (see contract.ts).
    level: () => z.enum(LEVELS),
    year: () => z.string().check(z.regex(/^\d{4}$/, "expected a year like 2023")),
    answers: () => z.array(ObservationsResponseSchema),
  }),
);
export type YearFile = z.infer<typeof YearFileSchema>;

/** A year file validated against YearFileSchema (each answer checked as parseObservationsResponse does). */
export function parseYearFile(json: unknown, endpoint: string): YearFile {
  if (typeof json === "object" && json !== null && !Array.isArray(json) && Object.keys(json).length === 3) {
    const { level, year, answers } = json as Record<string, unknown>;
    if (
      (LEVELS as readonly unknown[]).includes(level) &&
      typeof year === "string" &&
      /^\d{4}$/.test(year) &&
      Array.isArray(answers) &&
      answers.every(isExactObservationsResponse)
    ) {
      return json as YearFile;
    }
  }
  return parse(YearFileSchema, json, endpoint);
}

/** The calendar year a query's range lies within (`from` and `to` both given and in it), else null. */
export function yearOf(q: { from?: string; to?: string }): string | null {
  const from = q.from === undefined ? null : PERIOD.exec(q.from)?.[1];
  const to = q.to === undefined ? null : PERIOD.exec(q.to)?.[1];
  return from && from === to ? from : null;
}
