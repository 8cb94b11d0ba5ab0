/**
 * The prerendered first screen (scripts/prerender.tsx, public/first-screen.js, src/ui/first-screen.ts)
 * in real Chromium, on copies of the built site. The entry script is held back, as on a slow
 * phone, so what stands in before the app can be looked at: the build's header, key findings and
 * headline figures for the default address, the header alone for any other view's, only for the
 * data they were rendered for; then the app takes over and says the same thing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { assertBuilt, collectConsoleErrors, copyDist, DIST, launch, serveStatic, tempDir } from "./support";

let browser: Browser;
const sites: { remove: () => void; stop: () => Promise<void> }[] = [];

beforeAll(async () => {
  assertBuilt();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const s of sites) {
    await s.stop();
    s.remove();
  }
});

/** A copy of the built site, `edit`ed, on its own static host. */
async function host(edit: (dir: string) => void = () => undefined): Promise<string> {
  const dir = tempDir("gd-first-screen-");
  copyDist(dir.path);
  edit(dir.path);
  const server = await serveStatic(dir.path);
  sites.push({ remove: dir.remove, stop: server.stop });
  return `http://127.0.0.1:${server.port}/`;
}

/**
 * Opens `url` with the app's entry script held back until `release` is called. `checked` settles
 * once the boot script has decided: it asks for the entry only then (at once when it has nothing to show,
 * after its checks otherwise, after the first screen's frame when it shows it).
 */
async function openHeld(url: string): Promise<{ page: Page; release: () => void; checked: () => Promise<void> }> {
  const page = await (await browser.newContext()).newPage();
  const held: Route[] = [];
  let released = false;
  const entry = /data-entry="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(join(DIST, "index.html"), "utf8"))?.[1];
  expect(entry, "the entry script in dist/index.html").toBeTruthy();
  await page.route(`**/${entry}`, (route) => (released ? route.fallback() : void held.push(route)));
  await page.goto(url, { waitUntil: "commit" });
  return {
    page,
    release: () => {
      released = true;
      for (const r of held) void r.fallback();
    },
    checked: () => expect.poll(() => held.length, { timeout: 20_000 }).toBe(1),
  };
}

const visibleScreens = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-first-screen]")]
      .filter((e) => !e.hidden)
      .map((e) => `${e.dataset.firstScreen}${e.hasAttribute("data-shell") ? " header" : ""}`),
  );

describe("the prerendered first screen", () => {
  test("the build writes it hidden, in both languages, with what it must be checked against", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    for (const lang of ["zh", "en"]) {
      const tags = [...html.matchAll(new RegExp(`<div data-first-screen="${lang}"[^>]*>`, "g"))].map((m) => m[0]);
      // The Overview's, and the header for every other view.
      expect(tags, lang).toHaveLength(2);
      for (const tag of tags) expect(tag, lang).toContain(" hidden");
      expect(tags.filter((t) => t.includes(" data-shell"))).toHaveLength(1);
    }
    // The inline boot script starts the app: the entry is not in the page before it has decided.
    const boot = /<script (data-entry="[^"]*"[^>]*)>/.exec(html)?.[1] ?? "";
    expect(boot).toMatch(/^data-entry="\.\/assets\/index-[^"]+\.js" data-preload="[^"]*"/);
    expect(boot).toContain('data-meta="./data/v1/meta.json"');
    expect(boot).toMatch(/data-version="[^"]+"/);
    expect(html).not.toMatch(/<script type="module"/);
  });

  test("shown before the app for the default address, then the app takes over and says the same", async () => {
    const { page, release, checked } = await openHeld(`${await host()}?lang=en`);
    const errors = collectConsoleErrors(page);
    const asked: string[] = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    await checked();
    expect(await visibleScreens(page)).toEqual(["en"]);
    expect(await page.locator("[data-first-screen]").count()).toBe(1);
    const standIn = await page.locator('[data-first-screen="en"] .findings').textContent();
    expect(standIn).toMatch(/The province's targets: \d+/);
    const figures = await page.locator('[data-first-screen="en"] .kpi-value').allTextContents();
    expect(figures.length).toBeGreaterThan(0);

    release();
    await page.locator("#root .findings").waitFor();
    expect(await page.locator("[data-first-screen]").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain("first-screen");
    expect(await page.locator("#root .findings").textContent()).toBe(standIn);
    await page
      .locator("#root .kpi-value")
      .nth(figures.length - 1)
      .waitFor();
    expect(await page.locator("#root .kpi-value").allTextContents()).toEqual(figures);
    expect(await page.locator("main").count()).toBe(1);
    // The app read config.json and meta.json from the boot script's answers, not the network again.
    expect(asked.filter((p) => p.endsWith("/config.json"))).toHaveLength(1);
    expect(asked.filter((p) => p.endsWith("/meta.json"))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("its language and wall buttons go where the app's would, before the app has started", async () => {
    const base = await host();
    const { page, checked } = await openHeld(base);
    await checked();
    await page.locator('[data-first-screen="zh"] .lang-switch').click();
    await page.waitForURL((url) => url.searchParams.get("lang") === "en", { waitUntil: "commit" });
    await page.locator('[data-first-screen="en"] .findings').waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // Only the language shown stays in the page.
    expect(await page.locator('[data-first-screen="zh"]').count()).toBe(0);
    await page.locator('[data-first-screen="en"] .wall-switch').click();
    await page.waitForURL((url) => url.searchParams.get("screen") === "big" && url.searchParams.get("lang") === "en", {
      waitUntil: "commit",
    });
    await page.context().close();
  });

  test("for any other address of a view, the header alone; the app's header takes over once it says the same", async () => {
    const base = await host();
    for (const [query, view, lang] of [
      ["?view=map&level=county", "map", "zh"],
      ["?level=county", "overview", "zh"],
      ["?lang=en&year=2023", "overview", "en"],
      ["?lang=en&view=compare&regions=440106,440304", "compare", "en"],
    ]) {
      const { page, release, checked } = await openHeld(`${base}${query}`);
      const errors = collectConsoleErrors(page);
      await checked();
      expect(await visibleScreens(page), query).toEqual([`${lang} header`]);
      const shell = page.locator("[data-first-screen][data-shell]");
      expect(await shell.locator('nav a[aria-current="page"]').getAttribute("href"), query).toBe(`?view=${view}`);
      const version = await shell.locator(".data-version").textContent();
      expect(version, query).toMatch(/sim-gd-digital-economy-v1/);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang === "zh" ? "zh-CN" : "en");

      release();
      await page.locator("[data-first-screen]").first().waitFor({ state: "detached" });
      // Taken over in the frame the app's header says the same: its data version, its nav.
      expect(await page.locator("#root .data-version").textContent(), query).toBe(version);
      expect(await page.locator('#root nav a[aria-current="page"]').getAttribute("href")).toBe(`?view=${view}`);
      expect(await page.locator("main").count()).toBe(1);
      expect(errors, query).toEqual([]);
      await page.context().close();
    }
  });

  test("never shown for the wall display, an unknown view or language", async () => {
    const base = await host();
    for (const query of ["?screen=big", "?view=nonsense", "?lang=fr", "?lang=fr&view=map"]) {
      const { page, checked } = await openHeld(`${base}${query}`);
      await checked();
      expect(await visibleScreens(page), query).toEqual([]);
      expect(await page.locator("[data-first-screen]").count(), query).toBe(0);
      await page.context().close();
    }
  });

  test("never shown when config.json or the data version differs from the build's", async () => {
    const otherConfig = await host((dir) =>
      writeFileSync(join(dir, "config.json"), JSON.stringify({ dataSource: "static", baseUrl: "./data/v1", timeoutMs: 20000 })),
    );
    const otherVersion = await host((dir) => {
      const file = join(dir, "data", "v1", "meta.json");
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), dataVersion: "published-later" }));
    });
    for (const base of [otherConfig, otherVersion]) {
      for (const query of ["", "?view=map"]) {
        const { page, release, checked } = await openHeld(`${base}${query}`);
        await checked();
        expect(await visibleScreens(page), base + query).toEqual([]);
        release();
        // The app then shows its own, as without a prerender.
        await page.locator(query ? "#root .data-version:not(:empty)" : "#root .findings").waitFor();
        expect(await page.locator("[data-first-screen]").count()).toBe(0);
        await page.context().close();
      }
    }
  });
});
