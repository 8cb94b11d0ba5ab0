/**
 * The command screen (`?screen=big`) in real Chromium on the built site, and the timeout policy
 * it relies on. The site reads the REST API (`dataSource: "http"`), answered in this process by
 * the mock API over the seeded dataset, so a test can break one answer with `page.route`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { handleApi } from "../../mock/api";
import { type Dataset, generateDataset } from "../../mock/generate";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { copyDist, DIST, launch, type Running, serveStatic, tempDir } from "./support";

const HTTP_CONFIG = { dataSource: "http", baseUrl: "/api/v1" };

/** A URL predicate for `GET {base}/<endpoint>`, optionally with some query parameters. */
const endpoint =
  (name: string, params: Record<string, string> = {}) =>
  (url: URL) =>
    url.pathname.endsWith(`/api/v1/${name}`) && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);

let browser: Browser;
let site: Running & { port: number };
let dist: { path: string; remove: () => void };
let base: string;
let dataset: Dataset;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
/** Routes a test left hanging (a request that never answers), released after it. */
let hanging: Route[];

/** The healthy API, as the reference server answers it (bodies cached per URL). */
function healthyApi() {
  const cache = new Map<string, { status: number; body: string }>();
  return async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    let answer = cache.get(url.href);
    if (!answer) {
      const sub = url.pathname.slice(url.pathname.indexOf("/api/v1/") + "/api/v1/".length);
      const { status, body } = handleApi(dataset, request.method(), sub, url.searchParams);
      answer = { status, body: JSON.stringify(body) };
      cache.set(url.href, answer);
    }
    await route.fulfill({ status: answer.status, contentType: "application/json", body: answer.body });
  };
}

async function newPage(viewport = { width: 1366, height: 900 }, config: Record<string, unknown> = {}) {
  context = await browser.newContext({ locale: "zh-CN", viewport });
  await context.route("**/config.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ ...HTTP_CONFIG, ...config }) }),
  );
  await context.route("**/api/v1/**", healthyApi());
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.stack ?? e.message));
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "index.html")))
    throw new Error("dist/index.html is missing: build the site first (npx vite build).");
  dist = tempDir("gd-dashboard-screen-");
  copyDist(dist.path);
  site = await serveStatic(dist.path);
  base = `http://127.0.0.1:${site.port}/`;
  dataset = generateDataset();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  dist?.remove();
});
beforeEach(() => {
  hanging = [];
  pageErrors = [];
});
afterEach(async () => {
  for (const r of hanging) await r.abort().catch(() => {});
  await context?.close();
  expect(pageErrors).toEqual([]);
});

describe("timeout policy", () => {
  test("a never-answering endpoint gives its alert within 17 s on a normal view (default timeoutMs 15 s, not retried)", async () => {
    await newPage();
    let started = 0;
    await page.route(endpoint("observations", { level: "city" }), (route) => {
      started ||= Date.now();
      hanging.push(route);
    });
    await page.goto(`${base}?lang=en`);
    const behind = page.getByRole("region", { name: MESSAGES.en["behind.title"], exact: true });
    const alert = behind.getByRole("alert");
    await alert.waitFor({ timeout: 25_000 });
    const elapsed = Date.now() - started;
    expect(await alert.textContent()).toContain("GET /observations: no answer within 15 s");
    expect(started).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(15_000);
    expect(elapsed).toBeLessThanOrEqual(17_000);
  }, 40_000);
});
