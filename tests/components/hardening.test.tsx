import { act, screen, waitFor, within } from "@testing-library/react";
import { delay, HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpSource } from "../../src/api/http";
import { dataset, httpConfig, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const HOSTILE = '<img src=x onerror="window.__pwned=1">‮evil<script>window.__pwned=2</script>';

afterEach(() => vi.restoreAllMocks());

describe("faults", () => {
  it("asks the user to sign in on a 401, with the link from config.json", async () => {
    server.use(
      http.get("*/config.json", () => HttpResponse.json({ ...httpConfig, signInUrl: "https://sso.example.gov.cn/login" })),
      http.get("*/api/v1/meta", () =>
        HttpResponse.json({ error: { code: "unauthorized", message: "token expired" } }, { status: 401 }),
      ),
    );
    await renderApp();
    const alert = (await screen.findAllByRole("alert"))[0];
    expect(alert).toHaveTextContent("需要登录");
    expect(within(alert).getByRole("link", { name: "登录" })).toHaveAttribute("href", "https://sso.example.gov.cn/login");
    expect(alert).not.toHaveTextContent("token expired");
  });

  it("sends configured credentials and headers only to the API, never into the URL or the console", async () => {
    const SECRET = "Bearer s3cret-token";
    const seen: (string | null)[] = [];
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
    }
    server.use(
      http.get("*/config.json", () =>
        HttpResponse.json({ ...httpConfig, credentials: "include", headers: { Authorization: SECRET } }),
      ),
      http.get("*/api/v1/meta", ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return HttpResponse.json({ error: { code: "forbidden", message: "no" } }, { status: 403 });
      }),
    );
    await renderApp();
    expect((await screen.findAllByRole("alert"))[0]).toHaveTextContent("需要登录");
    expect(seen[0]).toBe(SECRET);
    expect(window.location.href).not.toContain("s3cret");
    expect(document.body.textContent).not.toContain("s3cret");
    expect(logged.join("\n")).not.toContain("s3cret");
  });

  it("refuses a javascript: sign-in link in config.json", async () => {
    server.use(http.get("*/config.json", () => HttpResponse.json({ ...httpConfig, signInUrl: "javascript:alert(1)" })));
    await renderApp();
    expect(screen.getByRole("alert")).toHaveTextContent('"signInUrl"');
  });

  it("turns a request that never answers into an alert after the timeout", async () => {
    server.use(
      http.get("*/config.json", () => HttpResponse.json({ ...httpConfig, timeoutMs: 1000 })),
      http.get("*/api/v1/indicators", async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    await renderApp("?lang=en");
    // Two retries with (test-short) backoff, each timing out after 1 s.
    const alert = await screen.findByRole("alert", {}, { timeout: 8000 });
    expect(alert).toHaveTextContent("GET /indicators: no answer within 1 s");
  });

  it("says why a panel failed in Chinese in the Chinese interface, keeping the endpoint and status verbatim", async () => {
    // City-level observations: read by the Overview's "where we are behind" panel alone.
    server.use(
      http.get("*/api/v1/observations", ({ request }) =>
        new URL(request.url).searchParams.get("level") === "city"
          ? HttpResponse.json(
              { error: { code: "unavailable", message: "database unavailable" } },
              { status: 503, headers: { "Retry-After": "120" } },
            )
          : undefined,
      ),
    );
    await renderApp();
    const panel = await screen.findByRole("region", { name: "哪里落后" });
    const alert = await within(panel).findByRole("alert", {}, { timeout: 8000 });
    expect(alert.querySelector(".alert-reason")?.textContent).toBe(
      "GET /observations：服务器返回 HTTP 503（database unavailable），要求 2 分钟后重试",
    );
  });

  it("names the endpoint when the answer is not JSON", async () => {
    server.use(
      http.get(
        "*/api/v1/regions",
        () => new HttpResponse("<html>proxy error</html>", { headers: { "Content-Type": "text/html" } }),
      ),
    );
    await renderApp("?lang=en");
    const alerts = await screen.findAllByRole("alert");
    expect(alerts[0]).toHaveTextContent("GET /regions");
    expect(alerts[0]).toHaveTextContent("not JSON (content type: text/html)");
  });

  it("says in Chinese that an answer breaks the contract, quoting zod's words and the field path", async () => {
    server.use(
      http.get("*/api/v1/regions", () =>
        HttpResponse.json({ regions: dataset.regions.map((r, i) => (i === 3 ? { ...r, level: 7 } : r)) }),
      ),
    );
    await renderApp();
    const reason = (await screen.findAllByRole("alert"))[0].querySelector(".alert-reason")?.textContent ?? "";
    expect(reason).toMatch(/^GET \/regions：响应不符合数据契约，出错位置 regions\[3\]\.level：“.+”$/);
    expect(reason).not.toMatch(/response breaks|the answer/);
  });

  it("refuses duplicate region codes and observations for regions that do not exist", async () => {
    server.use(http.get("*/api/v1/regions", () => HttpResponse.json({ regions: [...dataset.regions, dataset.regions[5]] })));
    await renderApp();
    expect((await screen.findAllByRole("alert"))[0]).toHaveTextContent("duplicate region code");

    const source = createHttpSource("/api/v1", { timeoutMs: 2000 });
    server.resetHandlers();
    server.use(
      http.get("*/api/v1/observations", () =>
        HttpResponse.json({ indicator: "gdp", observations: [{ region: "999999", period: "2023", value: 1, status: "final" }] }),
      ),
    );
    await expect(source.observations({ indicator: "gdp", level: "city" })).rejects.toThrow(
      "GET /observations: response breaks the data contract at observations[0].region: unknown region 999999",
    );
  });

  it("handles a huge response (100,000 observations)", async () => {
    const periods = Array.from({ length: 1000 }, (_, i) => `${1800 + Math.floor(i / 4)}Q${(i % 4) + 1}`);
    const units = dataset.regions.filter((r) => r.level === "county").slice(0, 100);
    const observations = units.flatMap((r) => periods.map((period) => ({ region: r.code, period, value: 1, status: "final" })));
    expect(observations.length).toBe(100_000);
    server.use(http.get("*/api/v1/observations", () => HttpResponse.json({ indicator: "gdp", observations })));
    const source = createHttpSource("/api/v1", { timeoutMs: 10_000 });
    await expect(source.observations({ indicator: "gdp", level: "county" })).resolves.toHaveLength(100_000);
  });

  it("shows a banner when offline and keeps what is loaded", async () => {
    await renderApp();
    const kpis = await screen.findByRole("region", { name: "核心指标" });
    await waitFor(() => expect(kpis.querySelector(".kpi-value")?.textContent).toMatch(/\d/));
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event("offline"));
    });
    expect(await screen.findByText(/网络已断开/)).toBeInTheDocument();
    expect(kpis.querySelector(".kpi-value")?.textContent).toMatch(/\d/);
    // Back online, for TanStack Query's online manager too (it listens to the same events).
    vi.restoreAllMocks();
    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    await waitFor(() => expect(screen.queryByText(/网络已断开/)).not.toBeInTheDocument());
  });
});

describe("hostile content", () => {
  it("shows names, titles and sources from the API as text, never as markup", async () => {
    const regions = dataset.regions.map((r) => (r.code === "440100" ? { ...r, name: { zh: HOSTILE, en: HOSTILE } } : r));
    const indicators = dataset.indicators.map((i, k) =>
      k === 0 ? { ...i, source: { zh: `<a href="javascript:alert(1)">x</a>`, en: "x" } } : i,
    );
    server.use(
      http.get("*/api/v1/regions", () => HttpResponse.json({ regions })),
      http.get("*/api/v1/indicators", () => HttpResponse.json({ indicators })),
      http.get("*/api/v1/meta", () => HttpResponse.json({ ...dataset.meta, title: { zh: HOSTILE, en: HOSTILE } })),
    );
    const { container } = await renderApp("?view=map&tab=table&indicator=core-digital-va-share");
    await waitFor(
      () => {
        const names = [...container.querySelectorAll("th[scope=row]")].map((th) => th.textContent);
        expect(names).toContain(HOSTILE);
      },
      // The Map view is a lazy chunk: its first import in a test file takes a while.
      { timeout: 15_000 },
    );
    expect(container.querySelector("img, script")).toBeNull();
    await waitFor(() => expect(document.title).toContain(HOSTILE));
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
