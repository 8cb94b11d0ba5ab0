/** A refetch that brings the same figures is not a new judgment (the command screen refetches all day). */
import { waitFor } from "@testing-library/react";
import { expect, it, vi } from "vitest";
import * as warnings from "../../src/domain/warnings";
import { server } from "../support/msw";
import { renderApp } from "../support/render-app";

vi.mock("../../src/domain/warnings", async (original) => {
  const m = await original<typeof import("../../src/domain/warnings")>();
  return { ...m, detectWarnings: vi.fn(m.detectWarnings) };
});

it("judges the warnings once for the same series, however often they are refetched", async () => {
  const { queryClient } = await renderApp();
  const detect = vi.mocked(warnings.detectWarnings);
  await waitFor(() => expect(detect).toHaveBeenCalled(), { timeout: 8000 });
  const client = queryClient as NonNullable<typeof queryClient>;
  await waitFor(() => expect(client.isFetching()).toBe(0));
  const judged = detect.mock.calls.length;
  let requests = 0;
  const count = () => requests++;
  server.events.on("request:start", count);
  // Every series answered again, the same figures: new timestamps, the same arrays (structural sharing).
  await client.refetchQueries({ queryKey: ["v1"] });
  await waitFor(() => expect(client.isFetching()).toBe(0));
  await new Promise((r) => setTimeout(r, 200)); // the judged render is deferred
  server.events.removeListener("request:start", count);
  expect(requests).toBeGreaterThan(10);
  expect(detect.mock.calls.length).toBe(judged);
});
