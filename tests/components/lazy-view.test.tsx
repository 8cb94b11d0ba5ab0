/**
 * A view's chunk is asked for after the first frame (header and skeleton) is painted, not during
 * the render that paints it: on a slow phone network its download would otherwise stand in
 * front of that paint (and Lighthouse counts it on the first paint's path).
 */
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "../support/render-app";

const events = vi.hoisted(() => [] as string[]);
vi.mock("../../src/features/data/DataMethods", () => {
  events.push("view chunk");
  return { DataMethods: () => <p>methods page</p> };
});

describe("a lazy view", () => {
  afterEach(() => {
    events.length = 0;
  });

  it("starts loading its chunk only after the frame with the header and its skeleton", async () => {
    const raf = window.requestAnimationFrame.bind(window);
    const spy = vi.spyOn(window, "requestAnimationFrame").mockImplementation((cb) =>
      raf((t) => {
        events.push("frame");
        cb(t);
      }),
    );
    await renderApp("?view=data");
    // The header is there at once, the view's code not yet asked for.
    expect(screen.getByRole("navigation")).toBeTruthy();
    expect(await screen.findByText("methods page")).toBeTruthy();
    expect(events.slice(0, 2)).toEqual(["frame", "view chunk"]);
    spy.mockRestore();
  });
});
