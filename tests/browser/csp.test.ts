/**
 * The built site under its own Content-Security-Policy: every view loads, draws and exports
 * without a single violation (no inline script but the boot script the prerender step writes, allowed
 * by its hash; no eval).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collectConsoleErrors, DIST, launch, type Running, startPreview } from "./support";

describe("Content-Security-Policy", () => {
  let browser: Browser;
  let preview: Running;
  let base: string;

  beforeAll(async () => {
    ({ base, server: preview } = await startPreview());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  test("the built index.html carries a strict policy", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    const scripts = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    expect(scripts).not.toMatch(/unsafe|data:|\*/);
    expect(policy).not.toContain("unsafe-eval");
    // One inline script, the prerendered first screen's boot script, allowed by its hash and only by it.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const hashes = [...scripts.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    expect(hashes).toEqual([createHash("sha256").update(inline[0]).digest("base64")]);
  });

  test("every view works under it with no violation", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = collectConsoleErrors(page);
    for (const view of ["overview", "map&level=county", "compare&regions=440106,440304", "explore", "data"]) {
      await page.goto(`${base}?view=${view}`);
      if (view !== "data") {
        // Charts draw as they come near the viewport: bring the first one into view.
        await page.locator(".chart").first().scrollIntoViewIfNeeded({ timeout: 30_000 });
        await page.locator(".chart canvas").first().waitFor({ timeout: 30_000 });
      } else await page.getByRole("table").first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), view).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
