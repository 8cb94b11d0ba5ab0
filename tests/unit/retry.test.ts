import { describe, expect, it } from "vitest";
import { ContractError, HttpError, isRetryable, NetworkError, parseRetryAfter } from "../../src/api/errors";
import { backoff, createQueryClient, shouldRetry } from "../../src/api/queries";

describe("Retry-After and the retry policy", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");

  it("reads delta-seconds and HTTP dates, and ignores junk and the past", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Thu, 26 Nov 2026 12:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Thu, 26 Nov 2026 11:00:00 GMT", now)).toBe(0);
    for (const junk of [null, "", "soon", "-5", "1.5", "<script>"])
      expect(parseRetryAfter(junk, now), String(junk)).toBeUndefined();
  });

  it("retries network failures, 5xx and 429 on its own only when the server's wait is short", () => {
    expect(isRetryable(new NetworkError("GET /meta"))).toBe(true);
    expect(isRetryable(new HttpError("GET /meta", 503, undefined, ""))).toBe(true);
    expect(isRetryable(new HttpError("GET /meta", 503, undefined, "", 5))).toBe(true);
    expect(isRetryable(new HttpError("GET /meta", 503, undefined, "", 120))).toBe(false);
    expect(isRetryable(new HttpError("GET /meta", 429, undefined, "", 2))).toBe(true);
    expect(isRetryable(new HttpError("GET /meta", 404, undefined, ""))).toBe(false);
    expect(isRetryable(new ContractError("GET /meta", "title", "missing"))).toBe(false);
  });

  it("waits as long as the server asks when that is longer than the backoff", () => {
    expect([0, 1, 2, 5].map((n) => backoff(n, new NetworkError("GET /meta")))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoff(0, new HttpError("GET /meta", 503, undefined, "", 7))).toBe(7000);
    expect(backoff(2, new HttpError("GET /meta", 503, undefined, "", 1))).toBe(4000);
  });

  it("tells the user how long the server asked to wait", () => {
    expect(new HttpError("GET /regions", 503, undefined, "Service Unavailable", 120).message).toBe(
      "GET /regions: HTTP 503 – Service Unavailable (the server asks to retry after 2 min)",
    );
    expect(new HttpError("GET /regions", 429, undefined, "", 30).message).toBe(
      "GET /regions: HTTP 429 (the server asks to retry after 30 s)",
    );
  });
});

describe("the query client's retry policy", () => {
  /** How many times the client calls a query function that always fails with `error`. */
  async function attempts(error: Error): Promise<number> {
    const client = createQueryClient({ retryDelay: () => 1 });
    let calls = 0;
    await client
      .fetchQuery({
        queryKey: ["attempts", error.message],
        queryFn: () => {
          calls++;
          return Promise.reject(error);
        },
      })
      .catch(() => {});
    return calls;
  }

  it("does not retry a timeout, so its alert comes after timeoutMs, not three of them", async () => {
    expect(shouldRetry(0, new NetworkError("GET /meta", 15))).toBe(false);
    expect(await attempts(new NetworkError("GET /observations", 15))).toBe(1);
  });

  it("still retries an outright network failure and a 5xx twice, and a 404 never", async () => {
    expect(await attempts(new NetworkError("GET /observations"))).toBe(3);
    expect(await attempts(new HttpError("GET /observations", 503, undefined, ""))).toBe(3);
    expect(await attempts(new HttpError("GET /observations", 404, undefined, ""))).toBe(1);
  });
});
