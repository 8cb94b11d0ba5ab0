/**
 * Faults injected into the built site in real Chromium, checked by what the user sees. The
 * site reads the REST API (`dataSource: "http"`), answered in this process by the mock API
 * over the seeded dataset (the same code the reference server runs), so the suite does not
 * depend on the static snapshot's file layout; each test then breaks one answer with
 * `page.route`, which takes precedence over the context's healthy API.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page, Request, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { handleApi } from "../../mock/api";
import { type Dataset, generateDataset } from "../../mock/generate";
import type { Indicator, Observation } from "../../src/api/contract";
import { featured } from "../../src/domain/catalogue";
import { latestWithPrevious } from "../../src/domain/change";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatValue, pick } from "../../src/i18n/format";
import { copyDist, DIST, launch, type Running, serveStatic, tempDir } from "./support";

const zh = MESSAGES.zh;
const HTTP_CONFIG = { dataSource: "http", baseUrl: "/api/v1", timeoutMs: 5000 };

/** A URL predicate for `GET {base}/<endpoint>`, optionally with some query parameters. */
const endpoint =
  (name: string, params: Record<string, string> = {}) =>
  (url: URL) =>
    url.pathname.endsWith(`/api/v1/${name}`) && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
/**
 * City-level observations: read by the Overview's Behind panel (target indicators), its
 * Warnings panel (every indicator published by city) and the key findings built from both;
 * never by the headline cards, the targets or the trend, which must keep working.
 */
const CITY_OBSERVATIONS = endpoint("observations", { level: "city" });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How many times `needle` occurs in `text`. */
const occurrences = (text: string | null, needle: string) => (text ?? "").split(needle).length - 1;

/** A JSON answer (a string body is sent as is, for JSON that is not). */
const json = (body: unknown, status = 200) => ({
  status,
  contentType: "application/json",
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("faults injected into the built site (http data source)", () => {
  let browser: Browser;
  let site: Running & { port: number };
  let dist: { path: string; remove: () => void };
  let base: string;
  let dataset: Dataset;
  let province: string;
  /** The featured indicators, in the order of the headline cards. */
  let headline: Indicator[];

  let context: BrowserContext;
  let page: Page;
  /** Uncaught exceptions in the page: none, whatever the fault. */
  let pageErrors: string[];
  /** Every console message of every type. */
  let consoleText: string[];
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

  /** What the healthy API answers for `url` (for a fault that alters it). */
  function healthy(url: string): { status: number; body: unknown } {
    const u = new URL(url);
    return handleApi(dataset, "GET", u.pathname.replace(/^.*\/api\/v1\//, ""), u.searchParams);
  }

  /** The interface's language in the current test (see `open`) and its texts. */
  let lang: "zh" | "en" = "zh";
  let ui = zh;

  /**
   * Opens the built site at `search` with `config` (merged over the http defaults) served as
   * config.json, in `language` (the tests that read an error's English wording open it in English).
   */
  async function open(config: Record<string, unknown> = {}, search = "", language: "zh" | "en" = "zh") {
    lang = language;
    ui = MESSAGES[language];
    const query = language === "zh" ? search : `${search ? `${search}&` : "?"}lang=${language}`;
    await context.route("**/config.json", (route) => route.fulfill(json({ ...HTTP_CONFIG, ...config })));
    await page.goto(`${base}${query}`);
  }

  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const kpiCard = (ind: Indicator) => region(ui["overview.kpis"]).getByRole("article", { name: pick(ind.name, lang) });

  /** The headline card for `ind` shows the figure the dataset says it should. */
  async function expectKpiValue(ind: Indicator, timeout = 15_000) {
    const { latest } = latestWithPrevious(dataset.observations.get(ind.id) ?? [], province, String(dataset.meta.lastYear));
    const want = latest ? formatValue(latest.value, ind, lang) : ui["kpi.noData"];
    await expect
      .poll(
        () =>
          kpiCard(ind)
            .locator(".kpi-value")
            .textContent({ timeout: 500 })
            .catch(() => null),
        { timeout },
      )
      .toBe(want);
  }

  /** Every headline card shows its figure, the targets and pillars panels have rows, the trend is drawn. */
  async function expectOthersWork() {
    for (const ind of headline) await expectKpiValue(ind);
    await expect.poll(() => region(ui["targets.title"]).locator("tbody tr, li").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => region(ui["pillars.title"]).locator("tbody tr, li").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await region(ui["overview.trend"])
      .getByRole("img", { name: trendTitle(headline[0]) })
      .waitFor({ timeout: 10_000 });
    for (const r of [ui["overview.kpis"], ui["targets.title"], ui["pillars.title"], ui["overview.trend"]]) {
      expect(await region(r).getByRole("alert").count(), r).toBe(0);
    }
  }

  const behind = () => region(ui["behind.title"]);
  /** `panel` shows a loading skeleton, announced to assistive technology. */
  async function expectLoading(panel: Locator, timeout: number) {
    const status = panel.locator(".skeleton[role=status]");
    await expect.poll(() => status.textContent({ timeout: 250 }).catch(() => null), { timeout }).toBe(ui["panel.loading"]);
    expect(await status.isVisible()).toBe(true);
  }
  /** The Behind panel lists at least one region. */
  const expectBehindRows = () => expect.poll(() => behind().locator("tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  /** The indicators the Behind panel reads at city level. */
  const cityTargetIndicators = () =>
    dataset.indicators.filter(
      (i) =>
        !i.context && i.levels.includes("province") && i.levels.includes("city") && i.targets.some((x) => x.region === province),
    );
  const provinceObservations = (ind: Indicator) =>
    (healthy(`${base}api/v1/observations?indicator=${ind.id}&level=province`).body as { observations: Observation[] })
      .observations;
  /** Index of the province's latest annual figure (what the headline card shows). */
  const latestIndex = (obs: readonly Observation[]) => {
    const { latest } = latestWithPrevious(obs, province, String(dataset.meta.lastYear));
    return obs.findIndex((o) => o === latest || (o.region === latest?.region && o.period === latest?.period));
  };
  /** The trend chart's accessible name for `ind` (the period span varies, the name does not). */
  const trendTitle = (ind: Indicator) =>
    new RegExp(`^${escapeRegExp(pick(ind.name, lang) + (ui["overview.trendTitle"].split("{name}")[1]?.charAt(0) ?? ""))}`);

  beforeAll(async () => {
    const index = join(DIST, "index.html");
    if (!existsSync(index)) throw new Error("dist/index.html is missing: build the site first (npx vite build).");
    // A private copy: a rebuild of dist/ while the suite runs cannot pull files from under it.
    dist = tempDir("gd-dashboard-faults-");
    copyDist(dist.path);
    site = await serveStatic(dist.path);
    base = `http://127.0.0.1:${site.port}/`;
    dataset = generateDataset();
    province = dataset.regions.find((r) => r.level === "province")?.code ?? "";
    headline = featured(dataset.indicators);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    dist?.remove();
  });
  beforeEach(async () => {
    hanging = [];
    lang = "zh";
    ui = zh;
    context = await browser.newContext({ locale: "zh-CN" });
    await context.route("**/api/v1/**", healthyApi());
    page = await context.newPage();
    pageErrors = [];
    consoleText = [];
    page.on("pageerror", (e) => pageErrors.push(e.stack ?? e.message));
    page.on("console", (m) => consoleText.push(m.text()));
  });
  afterEach(async () => {
    for (const r of hanging) await r.abort().catch(() => {});
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  test("a healthy API: every Overview panel shows its data (the baseline the faults are measured against)", async () => {
    await open();
    await expectOthersWork();
    await expectBehindRows();
  });

  test("500 on one endpoint: that panel alone shows the reason and Retry, which works once the backend does", async () => {
    let failing = true;
    await page.route(CITY_OBSERVATIONS, (route) =>
      failing ? route.fulfill(json({ error: { code: "internal", message: "database unavailable" } }, 500)) : route.fallback(),
    );
    await open({}, "", "en");
    const alert = behind().getByRole("alert");
    // Two automatic retries (1 s, then 2 s) before the alert.
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain("GET /observations: HTTP 500 – database unavailable");
    expect(await alert.textContent()).toContain(ui["panel.errorTitle"]);
    // Nine series failing alike make one reason, said once.
    expect(occurrences(await alert.textContent(), "HTTP 500")).toBe(1);
    await expectOthersWork();
    expect(await behind().locator("table").count()).toBe(0);

    failing = false;
    await alert.getByRole("button", { name: ui["panel.retry"] }).click();
    await expectBehindRows();
    expect(await behind().getByRole("alert").count()).toBe(0);
  });

  test("503 with Retry-After on one endpoint: alert with the reason and the wait, no retry storm, then recovery", async () => {
    let failing = true;
    let attempts = 0;
    await page.route(CITY_OBSERVATIONS, (route) => {
      if (!failing) return route.fallback();
      attempts++;
      return route.fulfill({
        status: 503,
        headers: { "Retry-After": "120" },
        contentType: "text/html",
        body: "<html><body>down for maintenance</body></html>",
      });
    });
    await open({}, "", "en");
    const alert = behind().getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain("GET /observations: HTTP 503");
    expect(await alert.textContent()).not.toContain("<html>");
    expect(occurrences(await alert.textContent(), "HTTP 503")).toBe(1);
    // The server asked for two minutes: the alert says so, and the app does not retry on its own.
    expect(await alert.textContent()).toContain("the server asks to retry after 2 min");
    await expectOthersWork();
    // One attempt per city series the Overview reads (the warnings watch every indicator published by city).
    const queries = dataset.indicators.filter((i) => !i.context && i.levels.includes("city")).length;
    expect(queries).toBeGreaterThan(cityTargetIndicators().length);
    expect(attempts).toBe(queries);

    failing = false;
    await alert.getByRole("button", { name: ui["panel.retry"] }).click();
    await expectBehindRows();
    expect(await behind().getByRole("alert").count()).toBe(0);
  });

  test("a request that never answers becomes the same alert after config.json's timeoutMs, not an eternal spinner", async () => {
    await page.route(CITY_OBSERVATIONS, (route) => {
      hanging.push(route);
    });
    await open({ timeoutMs: 1500 }, "", "en");
    await expectLoading(behind(), 10_000);
    // One attempt of 1.5 s: a timeout is not retried on its own.
    const alert = behind().getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain("GET /observations: no answer within 1.5 s");
    expect(await alert.getByRole("button", { name: ui["panel.retry"] }).isVisible()).toBe(true);
    expect(await behind().locator(".skeleton").count()).toBe(0);
    await expectOthersWork();
  });

  test("a slow answer (3 s) shows a loading skeleton, then the data", async () => {
    await page.route(CITY_OBSERVATIONS, async (route) => {
      await sleep(3000);
      await route.fallback().catch(() => {});
    });
    const started = Date.now();
    await open({ timeoutMs: 10_000 });
    await expectLoading(behind(), 10_000);
    // The rest of the page does not wait for the slow endpoint.
    await expectKpiValue(headline[0]);
    await expectBehindRows();
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(await behind().locator(".skeleton").count()).toBe(0);
    expect(await behind().getByRole("alert").count()).toBe(0);
  });

  test("an indicator switch with a slow answer: the Map shows loading, never the previous indicator's figures under the new name", async () => {
    const from = dataset.indicators.find((i) => i.id === "5g-base-stations") as Indicator;
    const to = dataset.indicators.find((i) => i.id === "villages-5g-rate") as Indicator;
    const valueIn = (ind: Indicator) =>
      formatValue(
        dataset.observations.get(ind.id)?.find((o) => o.region === "440100" && o.period === "2023")?.value ?? null,
        ind,
        "zh",
      );
    await page.route(endpoint("observations", { indicator: to.id }), async (route) => {
      await sleep(3000);
      await route.fallback().catch(() => {});
    });
    await open({ timeoutMs: 10_000 }, `?view=map&indicator=${from.id}&per=total&year=2023&tab=table`);
    const guangzhou = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "广州市", exact: true }) });
    await expect
      .poll(() => guangzhou.textContent({ timeout: 500 }).catch(() => null), { timeout: 15_000 })
      .toContain(valueIn(from));

    await page.getByLabel(zh["overview.indicator"], { exact: true }).selectOption(to.id);
    // Sampled through the slow answer: the new name never stands over the old figures.
    const seen: string[] = [];
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      seen.push((await page.locator(".map-main").textContent()) ?? "");
      await sleep(100);
    }
    expect(seen.some((text) => text.includes(pick(to.name, "zh")))).toBe(true);
    // The stations' figure as digits alone: under the rate's name it would read "91,700.0%".
    const oldDigits = valueIn(from).split(" ")[0];
    expect(seen.filter((text) => text.includes(oldDigits))).toEqual([]);
    expect(seen.some((text) => text.includes(zh["panel.loading"]))).toBe(true);
    await expect
      .poll(() => guangzhou.textContent({ timeout: 500 }).catch(() => null), { timeout: 15_000 })
      .toContain(valueIn(to));
  });

  describe("an answer that breaks the contract: an error naming the endpoint and the field, nothing drawn from it", () => {
    /** Where the fault shows: the Behind panel (city observations), one headline card, or the whole Overview. */
    type Where = "behind" | "page" | { kpi: () => Indicator };
    const cases: {
      name: string;
      match: (url: URL) => boolean;
      answer: (url: string) => Parameters<Route["fulfill"]>[0];
      where: Where;
      expected: () => string[];
    }[] = [
      {
        name: "malformed JSON",
        match: CITY_OBSERVATIONS,
        answer: () => json('{"indicator": "gdp", "observations": [{"region": "440100", "per'),
        where: "behind",
        expected: () => ["GET /observations", "the answer is not JSON (content type: application/json)"],
      },
      {
        name: "an HTML page instead of JSON (wrong content type)",
        match: endpoint("regions"),
        answer: () => ({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><p>Please log in</p>" }),
        where: "page",
        expected: () => ["GET /regions", "the answer is not JSON (content type: text/html"],
      },
      {
        name: "a missing field",
        match: endpoint("indicators"),
        answer: () => json({ indicators: dataset.indicators.map((ind, i) => (i === 2 ? { ...ind, unit: undefined } : ind)) }),
        where: "page",
        expected: () => ["GET /indicators", "at indicators[2].unit"],
      },
      {
        name: "a string for a number",
        match: (url) => endpoint("observations", { level: "province", indicator: headline[1].id })(url),
        answer: (url) => {
          const body = healthy(url).body as { indicator: string; observations: Observation[] };
          const i = latestIndex(body.observations);
          return json({
            ...body,
            observations: body.observations.map((o, k) => (k === i ? { ...o, value: String(o.value) } : o)),
          });
        },
        where: { kpi: () => headline[1] },
        expected: () => [
          "GET /observations",
          `at observations[${latestIndex(provinceObservations(headline[1]))}].value`,
          "expected number, received string",
        ],
      },
      {
        name: "another indicator's observations",
        match: (url) => endpoint("observations", { level: "province", indicator: headline[2].id })(url),
        answer: (url) => {
          const other = new URL(url);
          other.searchParams.set("indicator", headline[3].id);
          return json(healthy(other.href).body);
        },
        where: { kpi: () => headline[2] },
        expected: () => ["GET /observations", `at indicator: expected ${headline[2].id}, got ${headline[3].id}`],
      },
      {
        name: "an unknown enum value",
        match: CITY_OBSERVATIONS,
        answer: (url) => {
          const body = healthy(url).body as { indicator: string; observations: Observation[] };
          return json({ ...body, observations: body.observations.map((o, k) => (k === 3 ? { ...o, status: "guessed" } : o)) });
        },
        where: "behind",
        expected: () => ["GET /observations", "at observations[3].status"],
      },
      {
        name: "duplicate region codes",
        match: endpoint("regions"),
        answer: () => json({ regions: [...dataset.regions, dataset.regions[5]] }),
        where: "page",
        expected: () => [
          "GET /regions",
          `at regions[${dataset.regions.length}].code`,
          `duplicate region code ${dataset.regions[5].code}`,
        ],
      },
      {
        name: "an observation for a region that does not exist",
        match: CITY_OBSERVATIONS,
        answer: (url) => {
          const body = healthy(url).body as { indicator: string; observations: Observation[] };
          const ghost: Observation = { region: "449999", period: "2024", value: 1, status: "final" };
          // First, so that every series breaks at the same path and the panel says it once.
          return json({ ...body, observations: [ghost, ...body.observations] });
        },
        where: "behind",
        expected: () => ["GET /observations", "observations[", "].region: unknown region 449999"],
      },
    ];

    test.each(cases)("$name", async ({ match, answer, where, expected }) => {
      await page.route(match, (route) => route.fulfill(answer(route.request().url())));
      await open({}, "", "en");
      if (where === "page") {
        const alert = page.getByRole("main").getByRole("alert").first();
        await alert.waitFor({ timeout: 10_000 });
        const text = await alert.textContent();
        for (const e of expected()) expect(text).toContain(e);
        expect(text).toContain("response breaks the data contract");
        expect(await alert.getByRole("button", { name: ui["panel.retry"] }).count()).toBe(1);
        // Nothing of the Overview is drawn from the broken catalogue or tree.
        expect(await region(ui["overview.kpis"]).count()).toBe(0);
        expect(await page.locator(".kpi-value, .chart, table").count()).toBe(0);
      } else if (where === "behind") {
        const alert = behind().getByRole("alert");
        await alert.waitFor({ timeout: 10_000 });
        const text = await alert.textContent();
        for (const e of expected()) expect(text).toContain(e);
        expect(occurrences(text, "GET /observations"), "the same reason is said once").toBe(1);
        expect(await behind().locator("table, tbody tr").count()).toBe(0);
        await expectOthersWork();
      } else {
        const ind = where.kpi();
        const alert = kpiCard(ind).getByRole("alert");
        await alert.waitFor({ timeout: 10_000 });
        const text = await alert.textContent();
        for (const e of expected()) expect(text).toContain(e);
        expect(await kpiCard(ind).locator(".kpi-value, .kpi-change, svg").count()).toBe(0);
        for (const other of headline) if (other !== ind) await expectKpiValue(other);
      }
    });
  });

  test("offline after load: a banner, what is loaded stays usable, the banner goes when back online", async () => {
    await open();
    await expectOthersWork();
    const trend = region(zh["overview.trend"]);
    await trend.getByRole("img", { name: trendTitle(headline[0]) }).waitFor({ timeout: 10_000 });
    // Charts draw (and load their code) when they come near the viewport: draw the trend while online.
    await trend.locator(".chart").scrollIntoViewIfNeeded({ timeout: 10_000 });
    await trend.locator(".chart canvas").waitFor({ timeout: 10_000 });

    // Open the Data view once (its code is a chunk of its own) and come back.
    await page.getByRole("navigation").getByRole("link", { name: zh["nav.data"] }).click();
    await page.getByRole("table").first().waitFor({ timeout: 10_000 });
    await page.getByRole("navigation").getByRole("link", { name: zh["nav.overview"] }).click();
    await expectKpiValue(headline[0]);

    await context.setOffline(true);
    const banner = page.getByRole("status").filter({ hasText: zh["offline.banner"] });
    await banner.waitFor({ timeout: 5000 });

    // Another indicator whose province series is already loaded (its headline card read it).
    await trend.getByLabel(zh["overview.indicator"], { exact: true }).selectOption(headline[1].id);
    await trend.getByRole("img", { name: trendTitle(headline[1]) }).waitFor({ timeout: 5000 });
    expect(await trend.getByRole("alert").count()).toBe(0);

    // A view opened before and back: both come back from what is loaded, figures and all.
    await page.getByRole("navigation").getByRole("link", { name: zh["nav.data"] }).click();
    await page.getByRole("table").first().waitFor({ timeout: 5000 });
    await page.getByRole("navigation").getByRole("link", { name: zh["nav.overview"] }).click();
    for (const ind of headline) await expectKpiValue(ind, 5000);
    expect(await page.getByRole("alert").allTextContents()).toEqual([]);

    // Something not loaded yet waits (no error) and loads once the network is back.
    await behind().getByRole("button", { name: zh["behind.showCounties"] }).click();
    await expectLoading(behind(), 5000);
    expect(await banner.isVisible()).toBe(true);

    await context.setOffline(false);
    await banner.waitFor({ state: "detached", timeout: 5000 });
    await expectBehindRows();
    expect(await page.getByRole("alert").allTextContents()).toEqual([]);

    // A view whose code never loaded: offline it says so; back online, Retry loads it.
    await context.setOffline(true);
    await page.getByRole("navigation").getByRole("link", { name: zh["nav.explore"] }).click();
    const crashed = page.getByRole("alert").filter({ hasText: zh["panel.errorTitle"] });
    await crashed.waitFor({ timeout: 10_000 });
    await context.setOffline(false);
    await crashed.getByRole("button", { name: zh["panel.retry"] }).click();
    await page.getByRole("tablist", { name: zh["explore.tabs"] }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole("alert").allTextContents()).toEqual([]);
  });

  test("a huge response (100,000 observations) never freezes the tab: the page keeps answering and shows data or a message", async () => {
    const ind = headline[0];
    const counties = dataset.regions.filter((r) => r.level === "county").slice(0, 100);
    const filler = counties.flatMap((r) =>
      Array.from(
        { length: 1000 },
        (_, i): Observation => ({
          region: r.code,
          period: `${1800 + Math.floor(i / 4)}Q${(i % 4) + 1}`,
          value: i,
          status: "final",
        }),
      ),
    );
    expect(filler.length).toBe(100_000);
    let served = 0;
    await page.route(endpoint("observations", { level: "province", indicator: ind.id }), (route) => {
      const body = healthy(route.request().url()).body as { indicator: string; observations: Observation[] };
      served++;
      return route.fulfill(json({ ...body, observations: [...body.observations, ...filler] }));
    });
    // The longest gap between timer ticks: a frozen main thread shows up as one long gap.
    await page.addInitScript(() => {
      const w = window as unknown as { __maxGap: number };
      w.__maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__maxGap = Math.max(w.__maxGap, now - last);
        last = now;
      }, 50);
    });
    await open({ timeoutMs: 30_000 });

    // While the big answer is parsed and drawn, the page keeps answering.
    let slowest = 0;
    const card = kpiCard(ind);
    const settled = async () => (await card.locator(".kpi-value").count()) + (await card.getByRole("alert").count()) > 0;
    const deadline = Date.now() + 30_000;
    while (!(await settled())) {
      expect(Date.now(), "the card never showed a figure or a message").toBeLessThan(deadline);
      const t0 = Date.now();
      await page.evaluate(() => document.readyState);
      slowest = Math.max(slowest, Date.now() - t0);
      await sleep(100);
    }
    expect(served).toBeGreaterThan(0);
    const alerts = await card.getByRole("alert").count();
    if (alerts) expect(await card.getByRole("alert").textContent()).toMatch(/GET \/observations: .+/);
    else await expectKpiValue(ind);
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    // Measured at ~0.3–0.7 s on 2 cores; a frozen tab takes many seconds.
    expect(slowest, "the slowest page.evaluate round trip (ms)").toBeLessThan(3000);
    expect(maxGap, "the longest main-thread stall (ms)").toBeLessThan(3000);
    // The rest of the page still reacts to the user.
    await page.getByRole("navigation").getByRole("link", { name: zh["nav.data"] }).click();
    await page.getByRole("table").first().waitFor({ timeout: 5000 });
  });

  describe("the API wants a sign-in", () => {
    const TOKEN = "s3cret-token-7f1c";
    const SIGN_IN = "https://sso.example.gov.cn/login?app=gd-dashboard";

    /** Every API request's headers, every other request's headers, as the browser sent them. */
    function recordHeaders() {
      const api: Promise<Record<string, string>>[] = [];
      const other: Promise<Record<string, string>>[] = [];
      const urls: string[] = [];
      page.on("request", (r: Request) => {
        urls.push(r.url());
        (r.url().includes("/api/v1/") ? api : other).push(r.allHeaders());
      });
      return { api, other, urls };
    }

    async function expectTokenHidden(seen: ReturnType<typeof recordHeaders>) {
      const apiHeaders = await Promise.all(seen.api);
      expect(apiHeaders.length).toBeGreaterThan(0);
      for (const h of apiHeaders) {
        expect(h.authorization).toBe(`Bearer ${TOKEN}`);
        expect(h["x-api-key"]).toBe("key-42");
      }
      for (const h of await Promise.all(seen.other)) expect(Object.values(h).join("\n")).not.toContain(TOKEN);
      expect(seen.urls.join("\n")).not.toContain(TOKEN);
      expect(page.url()).not.toContain(TOKEN);
      expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(TOKEN);
      expect(
        await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
      ).not.toContain(TOKEN);
      expect(consoleText.join("\n")).not.toContain(TOKEN);
    }

    const authConfig = { signInUrl: SIGN_IN, headers: { Authorization: `Bearer ${TOKEN}`, "X-Api-Key": "key-42" } };

    test("401 on meta: a sign-in message with the link from config.json; the token only in the API's request headers", async () => {
      const seen = recordHeaders();
      await page.route(endpoint("meta"), (route) =>
        route.fulfill(json({ error: { code: "unauthorized", message: `token ${TOKEN} expired` } }, 401)),
      );
      await open(authConfig);
      const alert = page.getByRole("main").getByRole("alert").first();
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.textContent()).toContain(zh["auth.title"]);
      expect(await alert.getByRole("link", { name: zh["auth.link"] }).getAttribute("href")).toBe(SIGN_IN);
      expect(await page.locator(".kpi-value").count()).toBe(0);
      await expectTokenHidden(seen);
    });

    test("403 on one endpoint: that panel asks for a sign-in, the others keep working", async () => {
      const seen = recordHeaders();
      await page.route(CITY_OBSERVATIONS, (route) =>
        route.fulfill(json({ error: { code: "forbidden", message: "city data needs a statistics-office account" } }, 403)),
      );
      await open(authConfig);
      const alert = behind().getByRole("alert");
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.textContent()).toContain(zh["auth.title"]);
      expect(await alert.getByRole("link", { name: zh["auth.link"] }).getAttribute("href")).toBe(SIGN_IN);
      await expectOthersWork();
      await expectTokenHidden(seen);
    });
  });
});
