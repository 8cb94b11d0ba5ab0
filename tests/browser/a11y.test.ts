/**
 * Accessibility of every view in both languages, checked by axe-core in real Chromium on the
 * built site: no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Running, startPreview } from "./support";

const VIEWS = [
  "view=overview",
  "view=map&level=county",
  "view=map&tab=table",
  "view=compare&regions=440106,440304,441900",
  "view=explore&regions=440000,440100&tab=chart",
  "view=explore&tab=table",
  "view=data",
  "screen=big",
];

describe("accessibility (axe-core)", () => {
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

  for (const lang of ["zh", "en"] as const) {
    test.each(VIEWS)(`%s (${lang}) has no serious or critical violation`, async (view) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}?${view}&lang=${lang}`);
      // Wait for data to be drawn: a chart or a table, and no skeleton left.
      await page.locator(".chart canvas, table").first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector(".skeleton"), undefined, { timeout: 30_000 });
      // @axe-core/playwright takes @playwright/test's Page type; playwright-core's is the same object.
      const results = await new AxeBuilder({ page: page as never })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
      expect(bad).toEqual([]);
      await context.close();
    });
  }
});
