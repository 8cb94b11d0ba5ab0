import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/api/config";
import { MetaSchema, ObservationsResponseSchema } from "../../src/api/contract";
import { ContractError, parse } from "../../src/api/errors";

/** What a broken answer's alert says, without zod's English locale in the page. */
const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("issue text (zod's locale is not loaded in the page)", () => {
  const obs = (o: Record<string, unknown>) => ({
    indicator: "x",
    observations: [{ region: "440100", period: "2023", value: 1, status: "final", ...o }],
  });

  it("names the expected and the received type", () => {
    expect(reason(() => parse(ObservationsResponseSchema, obs({ value: "12" }), "GET /observations"))).toBe(
      "GET /observations: response breaks the data contract at observations[0].value: expected number, received string",
    );
    expect(reason(() => parse(ObservationsResponseSchema, obs({ status: undefined }), "GET /observations"))).toContain(
      "observations[0].status: expected one of",
    );
  });

  it("lists an enum's values, and keeps a schema's own message", () => {
    expect(reason(() => parse(ObservationsResponseSchema, obs({ status: "draft" }), "GET /observations"))).toContain(
      'observations[0].status: expected one of "final"|"preliminary"|"estimated"',
    );
    expect(reason(() => parse(ObservationsResponseSchema, obs({ region: "44" }), "GET /observations"))).toContain(
      "expected a six-digit GB/T 2260 code",
    );
    expect(reason(() => parse(MetaSchema, {}, "GET /meta"))).toContain("expected object, received undefined");
  });

  it("says which key of config.json is unknown", () => {
    expect(reason(() => parseConfig({ dataSource: "static", baseUrl: "./data/v1", timeoutMS: 5 }))).toContain(
      'unrecognized key: "timeoutMS"',
    );
    expect(reason(() => parseConfig({ dataSource: "static", baseUrl: "./data/v1", timeoutMS: 5 }))).not.toContain(
      "Invalid input",
    );
  });

  it("is a ContractError naming the endpoint", () => {
    expect(() => parse(ObservationsResponseSchema, obs({ value: "12" }), "GET /observations")).toThrow(ContractError);
  });
});
