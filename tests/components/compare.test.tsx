import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import Papa from "papaparse";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PILLARS } from "../../src/api/contract";
import { regionsAtLevel } from "../../src/api/filter";
import { buildRows, type MapRow } from "../../src/charts/map/map-data";
import { benchmarksFor } from "../../src/domain/benchmark";
import { indexInputs } from "../../src/domain/index-inputs";
import { computeIndex } from "../../src/domain/index-score";
import { selectPeers } from "../../src/domain/peers";
import { toCsv } from "../../src/export/csv";
import { benchmarkRows, type CompareLevel, selectionLevels } from "../../src/features/compare/compare-data";
import { valuesTable } from "../../src/features/compare/export";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatValue, translator } from "../../src/i18n/format";
import { captureDownloads } from "../support/downloads";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const zh = MESSAGES.zh;
const RATE = "core-digital-va-share"; // weighted mean by GDP, with a province target
const TOTAL = "core-digital-va"; // a sum, with no target
const indicator = (id: string) => {
  const i = dataset.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`fixture lacks ${id}`);
  return i;
};
const valuesAt = (id: string, period: string) =>
  new Map((dataset.observations.get(id) ?? []).filter((o) => o.period === period).map((o) => [o.region, o.value]));
const region = (code: string) => {
  const r = dataset.regions.find((x) => x.code === code);
  if (!r) throw new Error(`fixture lacks ${code}`);
  return r;
};
const counties = regionsAtLevel(dataset.regions, "county");
const T = { timeout: 10_000 };

/** The data rows of the values table (benchmarks, in the footer, excluded). */
async function valueRows() {
  const table = await screen.findByRole(
    "table",
    { name: new RegExp(`^${indicator(RATE).name.zh}|^${indicator(TOTAL).name.zh}`) },
    T,
  );
  const body = table.querySelector("tbody");
  if (!body) throw new Error("no tbody");
  return within(body).getAllByRole("row");
}

describe("compare view", () => {
  it("says what to do when nothing is selected, and draws no panel", async () => {
    await renderApp(`?view=compare&indicator=${RATE}`);
    expect(await screen.findByText(zh["compare.emptySelection"], {}, T)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: zh["compare.title"] })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: zh["compare.table"] })).not.toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("shows a skeleton while the observations load, then the figures", async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    server.use(
      http.get("*/api/v1/observations", async () => {
        await gate; // then falls through to the happy-path handler
      }),
    );
    await renderApp(`?view=compare&regions=440106&indicator=${RATE}&year=2023`);
    expect(await screen.findByRole("heading", { name: zh["compare.title"] }, T)).toBeInTheDocument();
    expect(screen.getAllByRole("status").some((s) => s.textContent === zh["panel.loading"])).toBe(true);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    release();
    expect(await valueRows()).toHaveLength(1);
  });

  it("shows an error with Retry in the panels whose observations fail", async () => {
    let fail = true;
    server.use(
      http.get("*/api/v1/observations", ({ request }) => {
        if (fail && new URL(request.url).searchParams.get("indicator") === RATE) {
          return HttpResponse.json({ error: { code: "internal", message: "database down" } }, { status: 500 });
        }
      }),
    );
    const user = userEvent.setup();
    await renderApp(`?view=compare&regions=440106&indicator=${RATE}&year=2023`);
    const alerts = await screen.findAllByRole("alert", {}, T);
    expect(alerts[0]).toHaveTextContent("database down");
    fail = false;
    await user.click(within(alerts[0]).getByRole("button", { name: zh["panel.retry"] }));
    expect(await valueRows()).toHaveLength(1);
  });

  it("compares one county with its city, zone and province, weighted by GDP", async () => {
    const ind = indicator(RATE);
    await renderApp(`?view=compare&regions=440106&indicator=${RATE}&year=2023`);
    const [row] = await valueRows();
    expect(within(row).getByRole("rowheader")).toHaveTextContent("天河区");
    expect(row).toHaveTextContent(formatValue(valuesAt(RATE, "2023").get("440106") ?? null, ind, "zh"));
    // Rank among the 124 county-level units.
    const v = valuesAt(RATE, "2023");
    const own = v.get("440106") as number;
    const rank = counties.filter((c) => (v.get(c.code) ?? Number.NEGATIVE_INFINITY) > own).length + 1;
    expect(row).toHaveTextContent(`${rank} / ${counties.length}`);

    // The city benchmark: Σ share·GDP / Σ GDP over Guangzhou's districts.
    const gdp = valuesAt("gdp", "2023");
    const gz = counties.filter((c) => c.parent === "440100");
    const num = gz.reduce((a, c) => a + (v.get(c.code) as number) * (gdp.get(c.code) as number), 0);
    const den = gz.reduce((a, c) => a + (gdp.get(c.code) as number), 0);
    const table = row.closest("table") as HTMLTableElement;
    const foot = table.querySelector("tfoot") as HTMLElement;
    const cityRow = within(foot).getByRole("row", { name: /广州市（加权平均）/ });
    expect(cityRow).toHaveTextContent(formatValue(num / den, ind, "zh"));
    expect(within(foot).getByRole("row", { name: /珠三角（加权平均）/ })).toBeInTheDocument();
    expect(within(foot).getByRole("row", { name: /广东省（加权平均）/ })).toBeInTheDocument();

    // The time series is drawn, with the province's target (a rate, comparable with its benchmark).
    expect(await screen.findByRole("img", { name: zh["compare.series"].replace("{name}", ind.name.zh) }, T)).toBeInTheDocument();
    expect(screen.getByText(/目标：2027 16\.0%/)).toBeInTheDocument();
  });

  it("says when an indicator has no target, and benchmarks a total by the average county", async () => {
    const ind = indicator(TOTAL);
    expect(ind.targets).toEqual([]);
    // As a total (per=total): amounts now open per resident/GDP, benchmarked by ratios of sums.
    await renderApp(`?view=compare&regions=440106&indicator=${TOTAL}&year=2023&per=total`);
    await valueRows();
    expect(await screen.findByText(zh["compare.noTarget"], {}, T)).toBeInTheDocument();
    const v = valuesAt(TOTAL, "2023");
    const withValue = counties.filter((c) => v.get(c.code) !== null && v.get(c.code) !== undefined);
    const average = withValue.reduce((a, c) => a + (v.get(c.code) as number), 0) / withValue.length;
    const foot = document.querySelector("tfoot") as HTMLElement;
    expect(within(foot).getByRole("row", { name: /广东省（县区平均）/ })).toHaveTextContent(formatValue(average, ind, "zh"));
  });

  it("shows eight regions, cities and counties mixed, with the selection full", async () => {
    const codes = ["440106", "440304", "440100", "440300", "441900", "440604", "440203", "445302"];
    await renderApp(`?view=compare&regions=${codes.join(",")}&indicator=${RATE}&year=2024`);
    const rows = await valueRows();
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(
      codes.map((c) => expect.stringContaining(region(c).name.zh)),
    );
    expect(screen.getByText(zh["compare.full"])).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /的同类地区$/ })).toBeDisabled();
    const candidates = screen.getByRole("list", { name: zh["compare.picker.candidates"] });
    expect(
      within(candidates)
        .getAllByRole("button")
        .every((b) => (b as HTMLButtonElement).disabled),
    ).toBe(true);
    // The focus is a county: Dongguan is ranked among the county-level units, the cities among cities.
    const dongguan = rows.find((r) => within(r).getByRole("rowheader").textContent?.includes("东莞市")) as HTMLElement;
    expect(dongguan).toHaveTextContent(`/ ${counties.length}`);
    const guangzhou = rows.find((r) => within(r).getByRole("rowheader").textContent?.includes("广州市")) as HTMLElement;
    expect(guangzhou).toHaveTextContent("/ 21");
    // One index section per level.
    expect(await screen.findByRole("table", { name: "指数排名：全部城市" }, T)).toBeInTheDocument();
    expect(await screen.findByRole("table", { name: "指数排名：全部县级单位" }, T)).toBeInTheDocument();
  });

  it("adds regions through the picker by Chinese name, English name and code, writing regions= to the URL", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=compare&indicator=${RATE}`);
    const search = await screen.findByRole("searchbox", { name: zh["compare.picker.label"] }, T);
    await user.type(search, "天河");
    await user.click(await screen.findByRole("button", { name: /^添加 天河区/ }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("regions")).toBe("440106"));

    await user.type(search, "Futian");
    await user.click(await screen.findByRole("button", { name: /^添加 福田区/ }));
    await user.type(search, "440100");
    await user.click(await screen.findByRole("button", { name: /^添加 广州市/ }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("regions")).toBe("440106,440304,440100"));
    expect(await valueRows()).toHaveLength(3);

    await user.click(screen.getByRole("button", { name: "移除 福田区" }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("regions")).toBe("440106,440100"));
    await user.click(screen.getByRole("button", { name: "把 广州市 设为焦点" }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("regions")).toBe("440100,440106"));
  });

  it("sorts the picker's candidates by the indicator's value", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=compare&indicator=${RATE}&year=2023`);
    await screen.findByRole("searchbox", { name: zh["compare.picker.label"] }, T);
    await user.selectOptions(screen.getByRole("combobox", { name: zh["compare.picker.scope"] }), "city");
    await user.selectOptions(screen.getByRole("combobox", { name: zh["compare.picker.sort"] }), "desc");
    const v = valuesAt(RATE, "2023");
    const best = regionsAtLevel(dataset.regions, "city").sort((a, b) => (v.get(b.code) as number) - (v.get(a.code) as number))[0];
    const list = screen.getByRole("list", { name: zh["compare.picker.candidates"] });
    await waitFor(() => expect(within(list).getAllByRole("button")[0]).toHaveAccessibleName(new RegExp(`^添加 ${best.name.zh}`)));
    expect(within(list).getAllByRole("button")).toHaveLength(21);
  });

  it("adds the focus's peers in one click: nearest in value, same zone and level", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=compare&regions=440106&indicator=${RATE}&year=2023`);
    await valueRows();
    await user.click(screen.getByRole("button", { name: "添加天河区的同类地区" }));
    const expected = selectPeers({
      focus: region("440106"),
      units: counties,
      values: valuesAt(RATE, "2023"),
      selected: ["440106"],
    });
    expect(expected).toHaveLength(7);
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get("regions")).toBe(["440106", ...expected].join(",")),
    );
    expect(await valueRows()).toHaveLength(8);
  });

  it("re-ranks the index as a weight slider moves, and writes the weights to the URL", async () => {
    const codes = ["440106", "440304", "440604", "440203", "445302", "441502"];
    const level = counties.map((c) => c.code);
    // Size-free, as the index panel computes it (index-inputs.ts).
    const inputs = indexInputs(dataset.indicators, "county", dataset.observations, "2023");
    const ranksWith = (weights: number[]) => {
      const r = computeIndex(level, inputs, weights, "minmax");
      return codes.map((c) => {
        const row = r.rows.find((x) => x.code === c);
        return `${row?.rank} / ${row?.of}`;
      });
    };
    const industry = [10, 0, 0, 0, 0, 0, 0];
    const talent = [0, 0, 0, 0, 0, 0, 10];
    expect(ranksWith(industry)).not.toEqual(ranksWith(talent));

    await renderApp(`?view=compare&regions=${codes.join(",")}&indicator=${RATE}&year=2023&weights=${industry.join(",")}`);
    const table = await screen.findByRole("table", { name: "指数排名：全部县级单位" }, T);
    const ranks = () =>
      within(table.querySelector("tbody") as HTMLElement)
        .getAllByRole("row")
        .map((r) => r.querySelectorAll("td")[1]?.textContent);
    await waitFor(() => expect(ranks()).toEqual(ranksWith(industry)));

    fireEvent.change(screen.getByRole("slider", { name: `${zh["pillar.talent"]}的权重` }), { target: { value: "10" } });
    fireEvent.change(screen.getByRole("slider", { name: `${zh["pillar.industry"]}的权重` }), { target: { value: "0" } });
    await waitFor(() => expect(ranks()).toEqual(ranksWith(talent)));
    expect(new URLSearchParams(window.location.search).get("weights")).toBe(talent.join(","));

    // Equal weights write nothing.
    fireEvent.click(screen.getByRole("button", { name: zh["compare.equalWeights"] }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("weights")).toBeNull());
    await waitFor(() => expect(ranks()).toEqual(ranksWith(PILLARS.map(() => 1))));
  });

  it("asks for the index's series, and computes it, only once the index comes near the viewport", async () => {
    // An IntersectionObserver that reports nothing until the test says the page scrolled.
    const observers = new Set<{ cb: IntersectionObserverCallback; els: Set<Element> }>();
    class FakeObserver {
      private entry: { cb: IntersectionObserverCallback; els: Set<Element> };
      constructor(cb: IntersectionObserverCallback) {
        this.entry = { cb, els: new Set() };
        observers.add(this.entry);
      }
      observe(el: Element) {
        this.entry.els.add(el);
      }
      unobserve(el: Element) {
        this.entry.els.delete(el);
      }
      disconnect() {
        observers.delete(this.entry);
      }
      takeRecords() {
        return [];
      }
    }
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    const scrollToAll = () => {
      for (const o of [...observers]) {
        const entries = [...o.els].map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
        if (entries.length) act(() => o.cb(entries, {} as IntersectionObserver));
      }
    };
    const asked = new Set<string>();
    server.use(
      http.get("*/api/v1/observations", ({ request }) => {
        asked.add(new URL(request.url).searchParams.get("indicator") ?? "");
      }),
    );
    // An indicator only the index reads: another pillar's, not the current one's weight.
    const current = indicator(RATE);
    const other = dataset.indicators.find((i) => !i.context && i.pillar !== current.pillar && i.levels.includes("county"));
    if (!other) throw new Error("fixture lacks an indicator of another pillar");
    try {
      await renderApp(`?view=compare&regions=440106,440304&indicator=${RATE}&year=2023`);
      expect(await valueRows()).toHaveLength(2);
      expect(asked.has(RATE)).toBe(true);
      expect(screen.getByRole("heading", { name: zh["compare.index"] })).toBeInTheDocument();
      expect(asked.has(other.id)).toBe(false);
      expect(screen.queryByRole("table", { name: "指数排名：全部县级单位" })).not.toBeInTheDocument();

      scrollToAll();
      expect(await screen.findByRole("table", { name: "指数排名：全部县级单位" }, T)).toBeInTheDocument();
      expect(asked.has(other.id)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("switches to z-scores from the URL and in English", async () => {
    await renderApp(`?view=compare&regions=440100,440300&indicator=${RATE}&year=2023&norm=zscore&lang=en`);
    expect(await screen.findByRole("heading", { name: "Compare regions" }, T)).toBeInTheDocument();
    expect(await screen.findByRole("radio", { name: "z-score" }, T)).toBeChecked();
    const table = await screen.findByRole("table", { name: "Index ranking: all cities" }, T);
    expect(within(table).getByRole("rowheader", { name: /Guangzhou/ })).toBeInTheDocument();
    expect(await screen.findByRole("row", { name: /Guangdong \(weighted mean\)/ }, T)).toBeInTheDocument();
  });

  it("links to the index method on the Data & methods page", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=compare&regions=440100&indicator=${RATE}&year=2023`);
    await user.click(await screen.findByRole("button", { name: zh["compare.method"] }, T));
    const method = await screen.findByRole("region", { name: zh["compare.method.title"] }, T);
    expect(method).toHaveTextContent("OECD/JRC");
    expect(new URLSearchParams(window.location.search).get("view")).toBe("data");
  });

  it("drops region codes the data does not know, with a notice, and keeps the rest, in place", async () => {
    const entries = window.history.length;
    await renderApp(`?view=compare&regions=440106,999999,440000&indicator=${RATE}&year=2023`);
    const notice = await screen.findByText(/部分参数无效/, {}, T);
    expect(notice).toHaveTextContent("regions=999999,440000");
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("regions")).toBe("440106"));
    expect(await valueRows()).toHaveLength(1);
    // Corrected in place: Back does not lead to the bad link.
    expect(window.history.length).toBe(entries);
  });

  it("compares a quarter of a quarterly indicator", async () => {
    const id = "5g-base-stations";
    const ind = indicator(id);
    await renderApp(`?view=compare&regions=440106,440304&indicator=${id}&year=2024Q2&per=total`);
    const table = await screen.findByRole("table", { name: `${ind.name.zh}，2024Q2` }, T);
    const rows = within(table.querySelector("tbody") as HTMLElement).getAllByRole("row");
    expect(rows[1]).toHaveTextContent(formatValue(valuesAt(id, "2024Q2").get("440304") ?? null, ind, "zh"));
    expect(screen.getByRole("combobox", { name: zh["compare.period"] })).toHaveValue("2024Q2");
  });
});

describe("compare exports", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The values table's CSV for `codes` in `period`, from the fixture, by the function the panel's spec calls. */
  function expectedValuesCsv(codes: string[], period: string) {
    const ind = indicator(RATE);
    const selected = codes.map(region);
    const sel = selectionLevels(dataset.regions, selected);
    const all = dataset.observations.get(RATE) ?? [];
    const rows = new Map<CompareLevel, Map<string, MapRow>>(
      sel.levels.map((level) => [
        level,
        new Map(buildRows(regionsAtLevel(dataset.regions, level), all, period, ind).map((r) => [r.code, r])),
      ]),
    );
    const focus = selected[0];
    const units = regionsAtLevel(dataset.regions, sel.focusLevel);
    const benchmarks = benchmarkRows(
      benchmarksFor(focus, units, sel.focusLevel, dataset.regions),
      ind,
      all,
      dataset.observations.get("gdp"),
      period,
      "zh",
      translator("zh"),
    );
    return valuesTable({ indicator: ind, selected, levelOf: sel.levelOf, rows, benchmarks }, "zh", translator("zh"));
  }

  it("offers PNG 1×/2×/3×, SVG, CSV and Copy link on a chart panel; the table's CSV has the figures shown", async () => {
    const ind = indicator(RATE);
    const codes = ["440106", "440304", "441900"];
    const user = userEvent.setup();
    await renderApp(`?view=compare&regions=${codes.join(",")}&indicator=${RATE}&year=2023`);
    const rows = await valueRows();
    expect(rows).toHaveLength(3);

    // The time series: a chart, so every format.
    const series = screen.getByRole("region", { name: zh["compare.series"].replace("{name}", ind.name.zh) });
    await screen.findByRole("img", { name: zh["compare.series"].replace("{name}", ind.name.zh) }, T);
    await user.click(within(series).getByRole("button", { name: /^导出/ }));
    for (const scale of [1, 2, 3]) {
      expect(within(series).getByRole("menuitem", { name: zh["export.png"].replace("{scale}", String(scale)) })).toBeVisible();
    }
    for (const item of ["export.svg", "export.csvShown", "export.csvFull", "export.copyLink"] as const) {
      expect(within(series).getByRole("menuitem", { name: zh[item] })).toBeVisible();
    }

    // The values table: no image to draw, so CSV and link only.
    const panel = screen.getByRole("region", { name: zh["compare.table"] });
    await user.click(within(panel).getByRole("button", { name: /^导出/ }));
    expect(within(panel).queryByRole("menuitem", { name: /PNG|SVG/ })).toBeNull();
    expect(within(panel).getByRole("menuitem", { name: zh["export.copyLink"] })).toBeVisible();

    // The CSV the spec writes, by the same pure function, holds the figures the table shows.
    const csv = expectedValuesCsv(codes, "2023");
    const table = rows[0].closest("table") as HTMLTableElement;
    const shown = within(table)
      .getAllByRole("row")
      .slice(1)
      .filter((r) => r.querySelector("td"))
      .map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    expect(csv.rows).toHaveLength(shown.length); // 3 regions and 3 benchmarks (city, zone, province)
    csv.rows.forEach((row, i) => {
      const [code, , , value, , rank, of, change] = row;
      expect(shown[i][0], String(row[1])).toBe(formatValue(value as number | null, ind, "zh", zh["map.noData"]));
      expect(shown[i][1]).toBe(rank === null ? "—" : `${rank} / ${of}`);
      if (change !== null) expect(shown[i][2]).toContain((change as number).toFixed(1).replace("-", ""));
      if (code !== null) expect(code).toBe(codes[i]);
    });

    // And that is the file the menu downloads: BOM, the translated header, codes as text.
    const downloads = captureDownloads();
    await user.click(within(panel).getByRole("menuitem", { name: zh["export.csvShown"] }));
    const [file] = await downloads.next();
    expect(file.name).toBe(`${RATE}_table_county_2023_zh.csv`);
    const text = await downloads.text(file);
    expect(text).toBe(toCsv(csv));
    const { data } = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true });
    expect(data.slice(0, 3).map((r) => [r[zh["table.code"]], r[zh["table.name"]]])).toEqual([
      ["440106", "天河区"],
      ["440304", "福田区"],
      ["441900", "东莞市"],
    ]);
    expect(Number(data[2][zh["table.value"]])).toBe(valuesAt(RATE, "2023").get("441900"));
  });

  it("gives each small chart, each ranking and each index chart an export menu of its own", async () => {
    const ind = indicator(RATE);
    await renderApp(`?view=compare&regions=440100,440300&indicator=${RATE}&year=2023`);
    await valueRows();
    const multiples = screen.getByRole("region", {
      name: zh["compare.smallMultiples"].replace("{pillar}", zh[`pillar.${ind.pillar}`]),
    });
    await waitFor(() => expect(within(multiples).getAllByRole("img").length).toBeGreaterThan(1), T);
    const charts = within(multiples).getAllByRole("img");
    expect(within(multiples).getAllByRole("button", { name: /^导出/ })).toHaveLength(charts.length);
    const ranking = screen.getByRole("region", { name: `排名：${ind.name.zh}，2023` });
    expect(within(ranking).getAllByRole("button", { name: /^导出/ })).toHaveLength(1);
    const index = screen.getByRole("region", { name: zh["compare.index"] });
    await within(index).findByRole("img", { name: "板块得分：全部城市" }, T);
    expect(within(index).getAllByRole("button", { name: /^导出/ })).toHaveLength(2);
  });
});
