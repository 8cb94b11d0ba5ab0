/**
 * The plain-loop validation of observations answers (src/api/parse-observations.ts) and of the
 * static snapshot's year files (src/api/year-file.ts) against zod's: for anything that arrives,
 * valid or broken in any one place, the same answer or the same ContractError.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ObservationsResponseSchema, STATUSES } from "../../src/api/contract";
import { ContractError, parse } from "../../src/api/errors";
import { isExactObservationsResponse, parseObservationsResponse } from "../../src/api/parse-observations";
import { parseYearFile, YearFileSchema, yearOf } from "../../src/api/year-file";

const RUNS = { numRuns: Number(process.env.PROPS_RUNS ?? 300) };

/** Mostly `good`, now and then one of `bad`. */
const mostly = (good: fc.Arbitrary<unknown>, ...bad: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
const code = mostly(fc.constantFrom("440100", "440300", "441481", "445302"), "44010", "4401000", "44a100", "", " 440100");
const period = mostly(
  fc.oneof(
    fc.integer({ min: 2018, max: 2025 }).map(String),
    fc.tuple(fc.integer({ min: 2018, max: 2025 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`),
  ),
  "2023Q5",
  "23",
  "2023-Q1",
  "2023q1",
  "",
);
const value = mostly(
  fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "12",
  undefined,
  true,
);
const status = mostly(fc.constantFrom(...STATUSES), "Final", "", null);
/** An observation, now and then with a key too many or too few. */
const observation = fc
  .tuple(fc.record({ region: code, period, value, status }), mostly(fc.constant("as is"), "extra key", "missing key"))
  .map(([o, shape]): unknown => {
    if (shape === "extra key") return { ...o, note: "x" };
    if (shape === "missing key") {
      const { status: _dropped, ...rest } = o;
      return rest;
    }
    return o;
  });
const answer = fc
  .tuple(
    mostly(fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/), "GDP", "a--b", ""),
    fc.array(mostly(observation, null, [], "x"), { maxLength: 8 }),
    fc.oneof({ weight: 6, arbitrary: fc.constant("as is") }, fc.constantFrom("duplicate", "extra key", "not an array")),
  )
  .map(([indicator, observations, shape]): unknown => {
    if (shape === "duplicate" && observations.length) return { indicator, observations: [...observations, observations[0]] };
    if (shape === "extra key") return { indicator, observations, total: observations.length };
    if (shape === "not an array") return { indicator, observations: {} };
    return { indicator, observations };
  });

/** The outcome of a parser: its value, or the ContractError's message. */
function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (e) {
    if (!(e instanceof ContractError)) throw e;
    return { error: e.message };
  }
}

describe("parseObservationsResponse", () => {
  it("agrees with zod on anything: the same answer or the same error", () => {
    fc.assert(
      fc.property(answer, (json) => {
        expect(outcome(() => parseObservationsResponse(json, "GET x"))).toEqual(
          outcome(() => parse(ObservationsResponseSchema, json, "GET x")),
        );
      }),
      RUNS,
    );
    // Not vacuous: a good share of the generated answers are valid and take the plain path.
    expect(fc.sample(answer, 300).filter(isExactObservationsResponse).length).toBeGreaterThan(20);
  });

  it("takes the plain path for valid answers (no copy), and leaves anything else to zod", () => {
    const valid = {
      indicator: "gdp",
      observations: [
        { region: "440100", period: "2023", value: 1.5, status: "final" },
        { region: "440100", period: "2023Q1", value: null, status: "estimated" },
      ],
    };
    expect(isExactObservationsResponse(valid)).toBe(true);
    expect(parseObservationsResponse(valid, "GET x")).toBe(valid);
    // zod strips a key it does not know: the answer is not returned as sent, so zod makes it.
    const extra = { ...valid, observations: [{ ...valid.observations[0], note: "x" }] };
    expect(isExactObservationsResponse(extra)).toBe(false);
    expect(parseObservationsResponse(extra, "GET x").observations[0]).toEqual(valid.observations[0]);
    const twice = { ...valid, observations: [valid.observations[0], valid.observations[0]] };
    expect(isExactObservationsResponse(twice)).toBe(false);
    expect(() => parseObservationsResponse(twice, "GET x")).toThrow(
      "GET x: response breaks the data contract at observations[1]: duplicate observation for region 440100, period 2023",
    );
  });
});

describe("parseYearFile", () => {
  const yearFile = fc
    .tuple(
      fc.constantFrom("county", "city", "province", "town"),
      fc.constantFrom("2023", "23", "2023Q1"),
      fc.array(answer, { maxLength: 3 }),
    )
    .map(([level, year, answers]) => ({ level, year, answers }));

  it("agrees with zod on anything: the same file or the same error", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: yearFile }, fc.constantFrom(null, [], "x", {})), (json) => {
        expect(outcome(() => parseYearFile(json, "GET y"))).toEqual(outcome(() => parse(YearFileSchema, json, "GET y")));
      }),
      RUNS,
    );
  });
});

describe("yearOf", () => {
  it("names the year a query lies within, only when both ends are in it", () => {
    expect(yearOf({ from: "2024", to: "2024" })).toBe("2024");
    expect(yearOf({ from: "2024Q2", to: "2024Q3" })).toBe("2024");
    expect(yearOf({ from: "2024", to: "2025" })).toBeNull();
    expect(yearOf({ from: "2024" })).toBeNull();
    expect(yearOf({ to: "2024" })).toBeNull();
    expect(yearOf({})).toBeNull();
  });
});
