import { delay, HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { NetworkError } from "../../src/api/errors";
import { fetchJson } from "../../src/api/fetch-json";
import { server } from "../support/msw";

/** Removes `names` from `owner` until the test ends, as in a browser that predates them. */
const removed: (() => void)[] = [];
function withoutApis(owner: object, names: string[]) {
  for (const n of names) {
    const d = Object.getOwnPropertyDescriptor(owner, n);
    delete (owner as Record<string, unknown>)[n];
    if (d) removed.push(() => Object.defineProperty(owner, n, d));
  }
}
afterEach(() => {
  for (const r of removed.splice(0)) r();
});

describe("fetchJson in the oldest supported browsers", () => {
  it("times a request out and passes a caller's cancel on without AbortSignal.timeout or AbortSignal.any (Chrome < 103)", async () => {
    withoutApis(AbortSignal, ["timeout", "any"]);
    expect([typeof AbortSignal.timeout, typeof AbortSignal.any]).toEqual(["undefined", "undefined"]);
    server.use(
      http.get("*/slow", async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const slow = fetchJson("http://localhost/slow", "GET /slow", { timeoutMs: 100 });
    await expect(slow).rejects.toBeInstanceOf(NetworkError);
    await expect(slow).rejects.toMatchObject({ timeoutSeconds: 0.1, message: "GET /slow: no answer within 0.1 s" });

    const caller = new AbortController();
    const cancelled = fetchJson("http://localhost/slow", "GET /slow", { timeoutMs: 10_000, signal: caller.signal });
    setTimeout(() => caller.abort(), 20);
    const error = await cancelled.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NetworkError); // a cancel is not a failure to show
    expect((error as Error).name).toBe("AbortError");
  });
});
