import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ContractError, describeError, HttpError, NetworkError, parse } from "../../src/api/errors";
import { translator } from "../../src/i18n/format";

const zh = translator("zh");
const en = translator("en");

/** Every kind of failure the data source reports, with what each language says about it. */
const cases: { error: Error; zh: string; en: string }[] = [
  {
    error: new NetworkError("GET /indicators", 1.5),
    zh: "GET /indicators：1.5 秒内无应答",
    en: "GET /indicators: no answer within 1.5 s",
  },
  {
    error: new NetworkError("GET /meta"),
    zh: "GET /meta：无法连接服务器",
    en: "GET /meta: the server could not be reached",
  },
  {
    error: new HttpError("GET /observations", 500, "internal", "database unavailable"),
    zh: "GET /observations：服务器返回 HTTP 500（database unavailable）",
    en: "GET /observations: HTTP 500 – database unavailable",
  },
  {
    error: new HttpError("GET /regions", 429, undefined, "", 30),
    zh: "GET /regions：服务器返回 HTTP 429，要求 30 秒后重试",
    en: "GET /regions: HTTP 429 (the server asks to retry after 30 s)",
  },
  {
    error: new HttpError("GET /regions", 503, undefined, "Service Unavailable", 120),
    zh: "GET /regions：服务器返回 HTTP 503（Service Unavailable），要求 2 分钟后重试",
    en: "GET /regions: HTTP 503 – Service Unavailable (the server asks to retry after 2 min)",
  },
  {
    error: new HttpError("GET /meta", 503, undefined, "", 3 * 3600),
    zh: "GET /meta：服务器返回 HTTP 503，要求 3 小时后重试",
    en: "GET /meta: HTTP 503 (the server asks to retry after 3 h)",
  },
  {
    error: new ContractError("GET regions.json", "", { kind: "notJson", contentType: "text/html" }),
    zh: "GET regions.json：响应不符合数据契约，出错位置 （整个响应）：响应不是 JSON（内容类型：text/html）",
    en: "GET regions.json: response breaks the data contract at (root): the answer is not JSON (content type: text/html)",
  },
  {
    error: new ContractError("GET /meta", "", { kind: "notJson", contentType: null }),
    zh: "GET /meta：响应不符合数据契约，出错位置 （整个响应）：响应不是 JSON（内容类型：未注明）",
    en: "GET /meta: response breaks the data contract at (root): the answer is not JSON (content type: no content type)",
  },
  {
    error: new ContractError("GET /observations", "observations[0].region", { kind: "unknownRegion", code: "999999" }),
    zh: "GET /observations：响应不符合数据契约，出错位置 observations[0].region：未知地区代码 999999",
    en: "GET /observations: response breaks the data contract at observations[0].region: unknown region 999999",
  },
  {
    error: new ContractError("GET /observations", "indicator", {
      kind: "otherIndicator",
      expected: "gdp",
      got: "5g-base-stations",
    }),
    zh: "GET /observations：响应不符合数据契约，出错位置 indicator：应为指标 gdp，实为 5g-base-stations",
    en: "GET /observations: response breaks the data contract at indicator: expected gdp, got 5g-base-stations",
  },
];

describe("error reasons in the interface's language", () => {
  it.each(cases)("$en", ({ error, zh: chinese, en: english }) => {
    expect(describeError(error, zh)).toBe(chinese);
    expect(describeError(error, en)).toBe(english);
    // The message (logs, tests, anything outside the interface) is the English wording.
    expect(error.message).toBe(english);
  });

  it("quotes zod's own words inside a sentence of the interface's language, with the field path verbatim", () => {
    const schema = z.object({ observations: z.array(z.object({ value: z.number() })) });
    let error: unknown;
    try {
      parse(schema, { observations: [{ value: 1 }, { value: "2" }] }, "GET /observations");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).reason).toMatchObject({ path: "observations[1].value", detail: { kind: "issue" } });
    expect(describeError(error, zh)).toMatch(/^GET \/observations：响应不符合数据契约，出错位置 observations\[1\]\.value：“.+”$/);
    expect(describeError(error, en)).toMatch(
      /^GET \/observations: response breaks the data contract at observations\[1\]\.value: .+$/,
    );
  });

  it("says what any other error says, by its own message", () => {
    expect(describeError(new TypeError("x is undefined"), zh)).toBe("x is undefined");
    expect(describeError("plain", en)).toBe("plain");
  });
});
