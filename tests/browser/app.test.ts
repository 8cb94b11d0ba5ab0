/**
 * The app in real Chromium, three ways it is served: the built site (static snapshot), the dev
 * server (MSW in a service worker) and the built site against the reference API (http source).
 * `npm run test:browser` builds first; the expected figures come from the same seeded generator
 * that writes the snapshot and backs MSW and the reference API.
 */
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type Dataset, generateDataset } from "../../mock/generate";
import { readSnapshot } from "../../mock/snapshot";
import { featured } from "../../src/domain/catalogue";
import { latestWithPrevious } from "../../src/domain/change";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatValue, pick } from "../../src/i18n/format";
import type { Lang } from "../../src/state/url";
import {
  assertBuilt,
  BIN,
  canvasInk,
  collectConsoleErrors,
  copyDist,
  DIST,
  freePort,
  launch,
  type Running,
  recordRequests,
  serveStatic,
  startPreview,
  startServer,
  tempDir,
} from "./support";

/** The headline cards the Overview should show for `dataset`, as [indicator name, formatted latest value]. */
function expectedKpis(dataset: Dataset, lang: Lang): [string, string][] {
  const province = dataset.regions.find((r) => r.level === "province")?.code ?? "";
  const until = String(dataset.meta.lastYear);
  return featured(dataset.indicators).map((ind) => {
    const { latest } = latestWithPrevious(dataset.observations.get(ind.id) ?? [], province, until);
    return [pick(ind.name, lang), latest ? formatValue(latest.value, ind, lang) : MESSAGES[lang]["kpi.noData"]];
  });
}

/** A formatted figure: digits with grouping and decimals, then % or a unit. */
const NUMERIC = /^[−-]?\d{1,3}(,\d{3})*(\.\d+)?(%| \S.*)$/;

/** The cards in the "headline indicators" region: [aria-label, .kpi-value text or null while loading]. */
async function kpiCards(page: Page, lang: Lang): Promise<[string, string | null][]> {
  const region = page.getByRole("region", { name: MESSAGES[lang]["overview.kpis"], exact: true });
  return region
    .locator("article")
    .evaluateAll((articles) =>
      articles.map((a): [string, string | null] => [
        a.getAttribute("aria-label") ?? "",
        a.querySelector(".kpi-value")?.textContent?.trim() ?? null,
      ]),
    );
}

/** Waits until every headline card shows the expected figure; checks there are at least 5 numeric ones. */
async function expectKpis(page: Page, dataset: Dataset, lang: Lang, timeout = 20_000) {
  const expected = expectedKpis(dataset, lang);
  expect(expected.length, "the simulated catalogue features at least 5 headline indicators").toBeGreaterThanOrEqual(5);
  await expect.poll(() => kpiCards(page, lang), { timeout, interval: 250 }).toEqual(expected);
  const values = (await kpiCards(page, lang)).map(([, v]) => v);
  for (const v of values) expect(v).toMatch(NUMERIC);
  const visible = page.getByRole("region", { name: MESSAGES[lang]["overview.kpis"], exact: true }).locator("article .kpi-value");
  expect(await visible.count()).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(await visible.nth(i).isVisible()).toBe(true);
}

/** The simulated-data badge in the page header. */
async function expectBadge(page: Page, text: string) {
  await page.getByRole("banner").getByText(text, { exact: true }).waitFor({ state: "visible", timeout: 10_000 });
}

describe("built site served by vite preview (static snapshot)", () => {
  let browser: Browser;
  let preview: Running;
  let base: string;
  /** What the built site serves: its own snapshot files. */
  let snapshot: Dataset;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let requests: ReturnType<typeof recordRequests>;
  const temps: { remove: () => void }[] = [];
  const extraServers: Running[] = [];

  beforeAll(async () => {
    snapshot = await readSnapshot(join(DIST, "data", "v1"));
    ({ base, server: preview } = await startPreview());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    for (const s of extraServers) await s.stop();
    for (const t of temps) t.remove();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    errors = collectConsoleErrors(page);
    requests = recordRequests(page);
  });
  afterEach(async () => {
    await context?.close();
  });

  test("loads the overview from the snapshot files: badge, headline figures, a drawn chart, no errors", async () => {
    await page.goto(base);
    await expectKpis(page, snapshot, "zh");
    await expectBadge(page, "模拟数据");

    // Charts draw when they come near the viewport: bring the first one there.
    await page.locator(".chart").first().scrollIntoViewIfNeeded({ timeout: 20_000 });
    const chart = page.locator(".chart canvas").first();
    await chart.waitFor({ state: "visible", timeout: 10_000 });
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(50);
    expect(box?.height ?? 0).toBeGreaterThan(50);
    await expect
      .poll(async () => (await canvasInk(page)).inked, { timeout: 10_000, message: "the trend chart canvas stays blank" })
      .toBeGreaterThan(1000);

    const paths = requests.urls.map((u) => new URL(u).pathname);
    expect(paths).toContain("/config.json");
    expect(paths).toContain("/data/v1/meta.json");
    expect(paths).toContain("/data/v1/indicators.json");
    // The province's and the cities' bundles, once each (every indicator of the level in one
    // file), and no indicator's own file: never its every county, never one request per series.
    expect(paths.filter((p) => p.startsWith("/data/v1/bundles/")).sort()).toEqual([
      "/data/v1/bundles/city.json",
      "/data/v1/bundles/province.json",
    ]);
    expect(paths.filter((p) => p.startsWith("/data/v1/observations/"))).toEqual([]);
    expect(paths.filter((p) => p.includes("/api/"))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the language switch turns the UI to English and puts lang=en in the URL", async () => {
    await page.goto(base);
    await expectKpis(page, snapshot, "zh");
    await page.getByRole("button", { name: `${MESSAGES.zh["lang.label"]}: ${MESSAGES.zh["lang.switchTo"]}` }).click();

    await expectBadge(page, "Simulated data");
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "Overview", exact: true })
      .waitFor({ state: "visible", timeout: 10_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get("lang")).toBe("en");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expectKpis(page, snapshot, "en");
    expect(await page.getByText("模拟数据", { exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("works from a sub-path of a plain static host", async () => {
    const tmp = tempDir();
    temps.push(tmp);
    copyDist(join(tmp.path, "sub", "dashboard"));
    const host = await serveStatic(tmp.path);
    extraServers.push(host);

    await page.goto(`http://127.0.0.1:${host.port}/sub/dashboard/`);
    await expectKpis(page, snapshot, "zh");
    await expectBadge(page, "模拟数据");
    const paths = requests.urls.map((u) => new URL(u).pathname);
    expect(paths).toContain("/sub/dashboard/config.json");
    expect(paths).toContain("/sub/dashboard/data/v1/meta.json");
    expect(paths.filter((p) => !p.startsWith("/sub/dashboard/"))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("a wrong config.json shows a config error screen instead of the app", async () => {
    const tmp = tempDir();
    temps.push(tmp);
    copyDist(join(tmp.path, "site"), { dataSource: "ftp" });
    const host = await serveStatic(join(tmp.path, "site"));
    extraServers.push(host);

    await page.goto(`http://127.0.0.1:${host.port}/`);
    const alert = page.getByRole("alert");
    await alert.waitFor({ state: "visible", timeout: 10_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("config.json");
    expect(text).toContain("dataSource");
    expect(text).toContain(MESSAGES.zh["config.title"]);
    expect(text).toContain(MESSAGES.en["config.title"]);
    expect(await page.getByRole("region", { name: MESSAGES.zh["overview.kpis"] }).count()).toBe(0);
    expect(requests.urls.filter((u) => u.includes("/data/v1/"))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("dev server (vite, MSW in a service worker)", () => {
  let browser: Browser;
  let dev: Running;
  let base: string;
  /** What MSW answers with: the seeded simulated dataset. */
  let generated: Dataset;

  beforeAll(async () => {
    generated = generateDataset();
    const port = await freePort();
    base = `http://127.0.0.1:${port}/`;
    dev = await startServer(BIN("vite"), ["--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
      readyUrl: base,
      env: { DEV_USE_PUBLIC_CONFIG: undefined },
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  test("loads the overview with data answered by the mock service worker", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      const requests = recordRequests(page);
      await page.goto(base);
      // The first dev load optimises dependencies (and may reload the page once).
      await expectKpis(page, generated, "zh", 60_000);
      await expectBadge(page, "模拟数据");

      // Every API answer the page got came from MSW's worker (none from the dev server).
      const api = requests.responses.filter((r) => new URL(r.url).pathname.startsWith("/api/v1/"));
      expect(api.filter((r) => !r.fromServiceWorker).map((r) => r.url)).toEqual([]);
      const paths = api.map((r) => new URL(r.url));
      expect(paths.map((u) => u.pathname)).toContain("/api/v1/meta");
      expect(paths.map((u) => u.pathname)).toContain("/api/v1/indicators");
      expect(paths.some((u) => u.pathname === "/api/v1/observations" && u.searchParams.get("level") === "province")).toBe(true);
      expect(api.every((r) => r.status === 200)).toBe(true);
      expect(requests.urls.filter((u) => u.includes("/data/v1/"))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe("built site against the reference API (http source)", () => {
  let browser: Browser;
  let api: Running;
  let site: Running;
  let apiBase: string;
  let siteOrigin: string;
  let tmp: { path: string; remove: () => void };
  /** What the reference API answers with: the seeded simulated dataset. */
  let generated: Dataset;

  beforeAll(async () => {
    assertBuilt();
    generated = generateDataset();
    const [apiPort, sitePort] = [await freePort(), await freePort()];
    apiBase = `http://127.0.0.1:${apiPort}/api/v1`;
    siteOrigin = `http://127.0.0.1:${sitePort}`;
    api = await startServer(BIN("tsx"), ["scripts/api-server.ts", "--port", String(apiPort), "--cors", siteOrigin], {
      readyUrl: `${apiBase}/meta`,
    });
    tmp = tempDir();
    const out = copyDist(
      join(tmp.path, "site"),
      { dataSource: "http", baseUrl: apiBase },
      { connectSrc: [new URL(apiBase).origin] },
    );
    site = await startServer(
      BIN("vite"),
      ["preview", "--outDir", out, "--port", String(sitePort), "--strictPort", "--host", "127.0.0.1"],
      { readyUrl: `${siteOrigin}/config.json` },
    );
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await api?.stop();
    tmp?.remove();
  });

  test("loads the overview through the API on another origin (CORS)", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      const requests = recordRequests(page);
      await page.goto(`${siteOrigin}/`);
      await expectKpis(page, generated, "zh");
      await expectBadge(page, "模拟数据");

      expect(requests.urls).toContain(`${apiBase}/meta`);
      expect(requests.urls.some((u) => u.startsWith(`${apiBase}/observations?`))).toBe(true);
      expect(requests.urls.filter((u) => u.includes("/data/v1/"))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("answers an unknown indicator with 404 and an error body", async () => {
    const res = await fetch(`${apiBase}/observations?indicator=nope&level=city`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error?.code).toBe("unknown_indicator");
    expect(body.error?.message).toEqual(expect.stringContaining("nope"));
  });

  test("allows CORS for the configured origin only", async () => {
    const allowed = await fetch(`${apiBase}/meta`, { headers: { Origin: siteOrigin } });
    await allowed.arrayBuffer();
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(siteOrigin);

    const denied = await fetch(`${apiBase}/meta`, { headers: { Origin: "http://evil.example" } });
    await denied.arrayBuffer();
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });
});
