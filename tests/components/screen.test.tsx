import { act, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { featured } from "../../src/domain/catalogue";
import { latestWithPrevious } from "../../src/domain/change";
import { formatValue, pick } from "../../src/i18n/format";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const province = "440000";
const lastYear = String(dataset.meta.lastYear);
const headline = featured(dataset.indicators);
/** The figure a headline card must show (the province's latest annual value). */
const figureOf = (id: string) => {
  const ind = dataset.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(id);
  const { latest } = latestWithPrevious(dataset.observations.get(id) ?? [], province, lastYear);
  return formatValue(latest?.value ?? null, ind, "en");
};
const card = (name: string) =>
  within(screen.getByRole("region", { name: "Headline figures" }))
    .getByRole("heading", { name, level: 3 })
    .closest("li") as HTMLElement;

afterEach(() => {
  vi.useRealTimers();
});

describe("command screen (?screen=big)", () => {
  it("shows the headline figures, the targets with both verdicts, the ranking's ends and a warning at once", async () => {
    await renderApp("?screen=big&lang=en");
    const kpis = await screen.findByRole("region", { name: "Headline figures" });
    for (const ind of headline) {
      await waitFor(() => expect(within(card(pick(ind.name, "en"))).getByText(figureOf(ind.id))).toBeInTheDocument(), {
        timeout: 5000,
      });
    }
    expect(within(kpis).getAllByRole("listitem")).toHaveLength(headline.length);
    // The first cycled indicator is highlighted, and the map, its heading and its ranking name it.
    expect(card(pick(headline[0].name, "en"))).toHaveAttribute("aria-current", "true");
    expect(
      screen.getByRole("heading", { level: 2, name: new RegExp(`^${pick(headline[0].name, "en")} \\(\\d{4}, by county\\)$`) }),
    );
    const ranking = screen.getByRole("region", { name: `Ranking: ${pick(headline[0].name, "en")}` });
    expect(within(ranking).getAllByRole("listitem")).toHaveLength(10);

    const targets = screen.getByRole("region", { name: "Targets" });
    const rows = await within(targets).findAllByRole("row", {}, { timeout: 5000 });
    const withTargets = dataset.indicators.filter((i) => !i.context && i.levels.includes("province"));
    const count = withTargets.reduce((n, i) => n + i.targets.filter((t) => t.region === province).length, 0);
    expect(rows.length - 1).toBe(count);
    // Both verdicts on every row: today's and by the target year.
    for (const row of rows.slice(1)) expect(row.querySelectorAll(".screen-verdict").length).toBe(2);

    const ticker = await screen.findByRole("region", { name: /^Warnings/ });
    await waitFor(() => expect(ticker.querySelector(".screen-ticker-line")?.textContent).toMatch(/ · .* · \d{4}: /), {
      timeout: 5000,
    });
    expect(screen.getByText(/^Beijing time$/)).toBeInTheDocument();
    expect(screen.getByText(`Data version ${dataset.meta.dataVersion}`)).toBeInTheDocument();
  });

  it("a panel whose data fails says why and that it retries, then heals itself a minute later without a click", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const ind = headline[0];
    let failing = true;
    server.use(
      http.get("*/api/v1/observations", ({ request }) => {
        const url = new URL(request.url);
        if (failing && url.searchParams.get("indicator") === ind.id && url.searchParams.get("level") === "province") {
          return HttpResponse.json({ error: { code: "unavailable", message: "maintenance" } }, { status: 503 });
        }
        return undefined;
      }),
    );
    await renderApp("?screen=big&lang=en");
    const kpis = await screen.findByRole("region", { name: "Headline figures" });
    const alert = await within(kpis).findByRole("alert", {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent("Cannot load for now: GET /observations: HTTP 503 – maintenance. Retrying on its own.");
    expect(within(kpis).queryByRole("button")).not.toBeInTheDocument();
    failing = false;
    // Not before its minute: the backend is back, but nobody asked it yet.
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(within(kpis).getByRole("alert")).toBeInTheDocument();
    expect(within(card(pick(ind.name, "en"))).queryByText(figureOf(ind.id))).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    await waitFor(() => expect(within(card(pick(ind.name, "en"))).getByText(figureOf(ind.id))).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(within(kpis).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("a new data version found by the periodic check reloads each panel's data once, an unchanged one nothing", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await renderApp("?screen=big&lang=en&refresh=1");
    const kpis = await screen.findByRole("region", { name: "Headline figures" });
    for (const ind of headline) {
      await waitFor(() => expect(within(card(pick(ind.name, "en"))).getByText(figureOf(ind.id))).toBeInTheDocument(), {
        timeout: 5000,
      });
    }
    const reads: string[] = [];
    const record = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith("/observations")) reads.push(url.search);
    };
    server.events.on("request:start", record);
    try {
      // The first check finds the same version: nothing is read again.
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      await act(() => vi.advanceTimersByTimeAsync(1_000));
      expect(reads).toEqual([]);

      const version = `${dataset.meta.dataVersion}-next`;
      server.use(http.get("*/api/v1/meta", () => HttpResponse.json({ ...dataset.meta, dataVersion: version })));
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      await waitFor(() => expect(screen.getByText(`Data version ${version}`)).toBeInTheDocument(), { timeout: 5000 });
      await act(() => vi.advanceTimersByTimeAsync(5_000));
      // Every panel's data again, with the new version, and each query once (not twice).
      expect(reads.length).toBeGreaterThanOrEqual(headline.length);
      for (const search of reads) expect(new URLSearchParams(search).get("v")).toBe(version);
      const twice = reads.filter((r, i) => reads.indexOf(r) !== i);
      expect(twice).toEqual([]);
      expect(within(kpis).queryByRole("alert")).not.toBeInTheDocument();
    } finally {
      server.events.removeListener("request:start", record);
    }
  });
});
