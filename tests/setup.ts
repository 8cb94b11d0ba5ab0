import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { setPlatformAPI } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { afterAll, afterEach, beforeAll } from "vitest";
import { echarts } from "../src/charts/echarts";
import { server } from "./support/msw";

// jsdom has no canvas: charts render with the SVG renderer and measure text with a stub.
echarts.use([SVGRenderer]);
setPlatformAPI({ createCanvas: () => ({ getContext: () => null }) as unknown as HTMLCanvasElement });

// jsdom does no layout: give elements a size so that ECharts can lay charts out.
for (const [prop, size] of [
  ["clientWidth", 800],
  ["clientHeight", 560],
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => size });
}

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
