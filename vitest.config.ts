import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/** Unit and component suites (jsdom); the browser suite has its own config. */
export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/components/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 20_000,
    reporters: process.env.CI_REPORT_DIR
      ? ["default", ["json", { outputFile: `${process.env.CI_REPORT_DIR}/unit.json` }]]
      : ["default"],
  },
});
