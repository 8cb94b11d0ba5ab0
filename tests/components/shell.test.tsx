import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/i18n/format";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const province = (id: string, period: string) => {
  const o = dataset.observations.get(id)?.find((x) => x.region === "440000" && x.period === period);
  if (!o) throw new Error(`fixture lacks ${id} ${period}`);
  return o;
};
const indicator = (id: string) => {
  const i = dataset.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
};
const headline = () => dataset.indicators.filter((i) => i.headline);

describe("app shell", () => {
  it("shows the headline KPIs from the API with the simulated badge", async () => {
    await renderApp();
    const kpis = await screen.findByRole("region", { name: "核心指标" });
    const first = headline()[0];
    const card = await within(kpis).findByRole("article", { name: first.name.zh });
    const latest = province(first.id, "2025");
    await waitFor(() => expect(card).toHaveTextContent(formatValue(latest.value, first, "zh")));
    expect(card).toHaveTextContent("初步"); // 2025 is preliminary
    expect(within(kpis).getAllByRole("article")).toHaveLength(headline().length);
    expect(screen.getByText("模拟数据")).toBeInTheDocument();
    expect(screen.getByRole("banner")).toHaveTextContent(dataset.meta.dataVersion);
  });

  it("switches language for every visible string and writes it to the URL", async () => {
    const user = userEvent.setup();
    await renderApp();
    await screen.findByRole("region", { name: "核心指标" });
    await user.click(screen.getByRole("button", { name: /English/ }));
    expect(await screen.findByRole("region", { name: "Headline indicators" })).toBeInTheDocument();
    expect(screen.getByText("Simulated data")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Data & methods" })).toBeInTheDocument();
    const first = headline()[0];
    expect(await screen.findByRole("article", { name: first.name.en })).toBeInTheDocument();
    expect(window.location.search).toBe("?lang=en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("restores a view from the URL and follows back and forward", async () => {
    const user = userEvent.setup();
    const { store } = await renderApp("?view=data&lang=en");
    expect(await screen.findByRole("heading", { name: "Data & methods", level: 2 })).toBeInTheDocument();
    const anyRate = indicator("core-digital-va-share");
    expect(await screen.findByRole("rowheader", { name: anyRate.name.en })).toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Overview" }));
    expect(window.location.search).toBe("?lang=en");
    window.history.back();
    await waitFor(() => expect(store?.getState().view).toBe("data"));
  });

  it("falls back to defaults on junk parameters with a quiet notice", async () => {
    await renderApp("?view=bogus&year=99999&indicator=no-such-indicator&foo=bar");
    const notice = await screen.findByText(/部分参数无效/);
    expect(notice).toHaveTextContent("view=bogus");
    expect(notice).toHaveTextContent("foo=bar");
    // The indicator id is well-formed, so only the catalogue can refuse it.
    await waitFor(() => expect(screen.getByText(/部分参数无效/)).toHaveTextContent("indicator=no-such-indicator"));
    expect(await screen.findByRole("region", { name: "核心指标" })).toBeInTheDocument();
  });

  it("shows an alert with Retry on a 500 in one panel while the others keep working", async () => {
    let fail = true;
    const broken = headline()[0].id;
    server.use(
      http.get("*/api/v1/observations", ({ request }) => {
        if (fail && new URL(request.url).searchParams.get("indicator") === broken) {
          return HttpResponse.json({ error: { code: "internal", message: "database down" } }, { status: 500 });
        }
      }),
    );
    const user = userEvent.setup();
    await renderApp();
    const card = await screen.findByRole("article", { name: headline()[0].name.zh });
    const alert = await within(card).findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("HTTP 500");
    expect(alert).toHaveTextContent("database down");
    const other = screen.getByRole("article", { name: headline()[1].name.zh });
    await waitFor(() => expect(other.querySelector(".kpi-value")?.textContent).toMatch(/\d/));
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "重试" }));
    await waitFor(() => expect(card.querySelector(".kpi-value")?.textContent).toMatch(/\d/));
  });

  it("names the endpoint and field when a payload breaks the contract, and draws nothing from it", async () => {
    server.use(
      http.get("*/api/v1/indicators", () =>
        HttpResponse.json({ indicators: [{ ...dataset.indicators[0], pillar: "astrology" }] }),
      ),
    );
    await renderApp();
    const alerts = await screen.findAllByRole("alert");
    expect(alerts[0]).toHaveTextContent("GET /indicators");
    expect(alerts[0]).toHaveTextContent("indicators[0].pillar");
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
  });

  it("shows a clear screen for a broken config.json", async () => {
    server.use(http.get("*/config.json", () => HttpResponse.json({ dataSource: "ftp", baseUrl: "./x" })));
    await renderApp();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("config.json");
    expect(alert).toHaveTextContent('"dataSource"');
  });

  it("shows a clear screen when config.json is not JSON", async () => {
    server.use(http.get("*/config.json", () => new HttpResponse("{ oops", { headers: { "Content-Type": "application/json" } })));
    await renderApp();
    expect(screen.getByRole("alert")).toHaveTextContent("not valid JSON");
  });
});
