import { defineConfig } from "vitest/config";

/**
 * The browser suite: real Chromium (playwright-core, Debian's /usr/bin/chromium) against the
 * built site, the dev server with MSW, and the reference API. `npm run test:browser` builds first.
 */
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/browser/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI_REPORT_DIR
      ? ["default", ["json", { outputFile: `${process.env.CI_REPORT_DIR}/browser.json` }]]
      : ["default"],
  },
});
