import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { delay, HttpResponse, http } from "msw";
import Papa from "papaparse";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Indicator, Region } from "../../src/api/contract";
import { toCsv } from "../../src/export/csv";
import { seriesTable } from "../../src/export/series-table";
import { chartInput } from "../../src/features/explore/chart-input";
import { tableModelTable } from "../../src/features/explore/export";
import { resolveRange } from "../../src/features/explore/range";
import { buildTableModel } from "../../src/features/explore/table-model";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatNumber, formatValue, translator } from "../../src/i18n/format";
import { captureDownloads } from "../support/downloads";
import { dataset, server } from "../support/msw";
import { renderApp } from "../support/render-app";

const zh = MESSAGES.zh;
const en = MESSAGES.en;

function indicatorOf(id: string): Indicator {
  const found = dataset.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`fixture lacks ${id}`);
  return found;
}
const observationOf = (id: string, region: string, period: string) => {
  const o = dataset.observations.get(id)?.find((x) => x.region === region && x.period === period);
  if (!o) throw new Error(`fixture lacks ${id} ${region} ${period}`);
  return o;
};

const SHARE = indicatorOf("core-digital-va-share");

/** The explore table (waits for it), its column headers and its data rows. */
async function exploreTable(name: RegExp | string = /（%）|\(%\)/) {
  const table = await screen.findByRole("table", { name }, { timeout: 8000 });
  const [head, ...rows] = within(table).getAllByRole("row");
  const columns = within(head)
    .getAllByRole("columnheader")
    .map((c) => c.textContent);
  return { table, columns, rows };
}
const rowOf = (rows: HTMLElement[], name: string) => {
  const row = rows.find((r) => within(r).queryByRole("rowheader", { name: new RegExp(`^${name}`) }));
  if (!row) throw new Error(`no row ${name}`);
  return row;
};
const cellsOf = (row: HTMLElement) => within(row).getAllByRole("cell");

describe("explore view", () => {
  it("opens the table from the URL: the chosen regions by the chosen years, with the fixture's numbers", async () => {
    await renderApp(`?view=explore&indicator=${SHARE.id}&tab=table&regions=440100,440300&from=2020&to=2023`);
    const { columns, rows } = await exploreTable();
    expect(columns).toEqual([zh["table.name"], "2020", "2021", "2022", "2023"]);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["广州市", "深圳市"]);
    for (const [code, name] of [
      ["440100", "广州市"],
      ["440300", "深圳市"],
    ]) {
      const cells = cellsOf(rowOf(rows, name));
      ["2020", "2021", "2022", "2023"].forEach((year, i) => {
        const o = observationOf(SHARE.id, code, year);
        expect(cells[i].textContent, `${name} ${year}`).toMatch(new RegExp(`^${formatNumber(o.value as number, 1, "zh")}`));
      });
    }
    // Shenzhen's 2021 figure is an estimate in the fixture: a superscript e, the word in a
    // title and in text for screen readers, and a legend that explains it.
    expect(observationOf(SHARE.id, "440300", "2021").status).toBe("estimated");
    const estimated = cellsOf(rowOf(rows, "深圳市"))[1];
    const mark = within(estimated).getByText("e");
    expect(mark.tagName).toBe("SUP");
    expect(mark).toHaveAttribute("title", zh["status.estimated"]);
    expect(estimated).toHaveTextContent(`(${zh["status.estimated"]})`);
    expect(cellsOf(rowOf(rows, "广州市"))[1].querySelector("sup")).toBeNull();
    expect(screen.getByText(zh["explore.legend"])).toHaveTextContent(`e ${zh["status.estimated"]}`);
  });

  it("shows a missing value as a dash, never as 0", async () => {
    const id = "5g-base-stations";
    expect(observationOf(id, "440100", "2018").value).toBeNull();
    await renderApp(`?view=explore&indicator=${id}&tab=table&regions=440100&from=2018&to=2019&lang=en&per=total`);
    const { columns, rows } = await exploreTable(/stations/);
    expect(columns).toEqual([en["table.name"], "2018", "2019"]);
    const [gap, value] = cellsOf(rowOf(rows, "Guangzhou"));
    expect(gap).toHaveTextContent("—");
    expect(gap).toHaveTextContent(en["explore.missing"]);
    expect(gap.textContent).not.toMatch(/\d/);
    expect(value).toHaveTextContent(formatNumber(observationOf(id, "440100", "2019").value as number, 0, "en"));
  });

  it("switching tab writes tab= to the URL and shows that tab", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=explore&indicator=${SHARE.id}&regions=440100,440300&from=2020&to=2023`);
    const tablist = await screen.findByRole("tablist", { name: zh["explore.tabs"] }, { timeout: 8000 });
    expect(within(tablist).getByRole("tab", { name: zh["explore.tab.chart"] })).toHaveAttribute("aria-selected", "true");
    expect(window.location.search).not.toContain("tab=");

    await user.click(within(tablist).getByRole("tab", { name: zh["explore.tab.table"] }));
    expect(new URLSearchParams(window.location.search).get("tab")).toBe("table");
    await exploreTable();

    await user.click(within(tablist).getByRole("tab", { name: zh["explore.tab.map"] }));
    expect(new URLSearchParams(window.location.search).get("tab")).toBe("map");
    expect(await screen.findByRole("link", { name: zh["explore.openMap"] })).toHaveAttribute(
      "href",
      expect.stringContaining("view=map"),
    );

    // Arrow keys move between the tabs as well (chart, map, table), focus following.
    within(tablist).getByRole("tab", { name: zh["explore.tab.map"] }).focus();
    await user.keyboard("{ArrowRight}");
    expect(new URLSearchParams(window.location.search).get("tab")).toBe("table");
    expect(within(tablist).getByRole("tab", { name: zh["explore.tab.table"] })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(window.location.search).not.toContain("tab=");
  });

  it("shows the caution for the broad CAICT measure, naming the other measure", async () => {
    const broad = indicatorOf("digital-economy-broad");
    expect(broad.caution).toBeDefined();
    await renderApp(`?view=explore&indicator=${broad.id}&lang=en`);
    const meta = await screen.findByRole("region", { name: en["explore.meta.title"] }, { timeout: 8000 });
    const caution = within(meta).getByRole("note");
    expect(caution).toBeVisible();
    expect(caution).toHaveTextContent(en["explore.meta.caution"]);
    expect(caution).toHaveTextContent(broad.caution?.en ?? "");
    expect(caution).toHaveTextContent("Core digital industries value added");
  });

  it("has no caution note for an indicator without one", async () => {
    await renderApp(`?view=explore&indicator=ict-employment&lang=en`);
    await screen.findByRole("region", { name: en["explore.meta.title"] }, { timeout: 8000 });
    expect(screen.queryByText(en["explore.meta.caution"])).toBeNull();
  });

  it("shows a skeleton while the observations load, then the table", async () => {
    server.use(
      http.get("*/api/v1/observations", async () => {
        await delay(400);
        return HttpResponse.json({
          indicator: SHARE.id,
          observations: [{ region: "440100", period: "2023", value: 14.2, status: "final" }],
        });
      }),
    );
    await renderApp(`?view=explore&indicator=${SHARE.id}&tab=table&regions=440100&from=2023&to=2023`);
    const main = await screen.findByRole("tabpanel", {}, { timeout: 8000 });
    expect(within(main).getByRole("status")).toHaveTextContent(zh["panel.loading"]);
    const { rows } = await exploreTable();
    expect(cellsOf(rowOf(rows, "广州市"))[0]).toHaveTextContent("14.2");
  });

  it("shows an error with Retry in the panel when the observations fail, and recovers", async () => {
    const user = userEvent.setup();
    let fail = true;
    server.use(
      http.get("*/api/v1/observations", () =>
        fail
          ? HttpResponse.json({ error: { code: "bad_parameter", message: "regions: broken on purpose" } }, { status: 400 })
          : undefined,
      ),
    );
    await renderApp(`?view=explore&indicator=${SHARE.id}&tab=table&regions=440100&from=2022&to=2023`);
    const panel = await screen.findByRole("tabpanel", {}, { timeout: 8000 });
    const alert = await within(panel).findByRole("alert", {}, { timeout: 8000 });
    expect(alert).toHaveTextContent("broken on purpose");
    // The rest of the view still works: the metadata panel is drawn.
    expect(screen.getByRole("region", { name: zh["explore.meta.title"] })).toBeInTheDocument();

    fail = false;
    await user.click(within(alert).getByRole("button", { name: zh["panel.retry"] }));
    const { rows } = await exploreTable();
    expect(cellsOf(rowOf(rows, "广州市"))[1]).toHaveTextContent(
      formatNumber(observationOf(SHARE.id, "440100", "2023").value as number, 1, "zh"),
    );
  });

  it("draws the chart tab: one line per selected region, named in the legend", async () => {
    const { container } = await renderApp(`?view=explore&indicator=${SHARE.id}&regions=440100,440300&from=2020&to=2023&lang=en`);
    const chart = await screen.findByRole("img", { name: /^Line chart: .*Guangzhou, Shenzhen, 2020–2023/ }, { timeout: 8000 });
    // The legend is HTML above the chart, one toggle per line, all shown.
    const legend = screen.getByRole("list", { name: en["chart.legend"] });
    expect(
      within(legend)
        .getAllByRole("button")
        .map((b) => [b.textContent, b.getAttribute("aria-pressed")]),
    ).toEqual([
      ["Guangzhou", "true"],
      ["Shenzhen", "true"],
    ]);
    // A toggle hides its line (and says so), a second press brings it back.
    const shenzhen = within(legend).getByRole("button", { name: "Shenzhen" });
    fireEvent.click(shenzhen);
    expect(shenzhen).toHaveAttribute("aria-pressed", "false");
    fireEvent.click(shenzhen);
    expect(shenzhen).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(chart.querySelector("svg")?.textContent).toContain("2021"), { timeout: 8000 });
    // The x axis runs over the range only.
    const text = chart.querySelector("svg")?.textContent ?? "";
    expect(text).toContain("2020");
    expect(text).not.toContain("2019");
    expect(container.querySelector(".explore-main")).toHaveTextContent(en["explore.chartNote"]);
  });

  it("adds regions with the search and removes them with their chips, writing regions=", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=explore&indicator=${SHARE.id}&tab=table`);
    let { rows } = await exploreTable();
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["广东省"]);
    // The province alone is the default: it cannot be removed, and it is not in the URL.
    const regions = screen.getByRole("group", { name: zh["explore.regions"] });
    expect(within(regions).queryByRole("button", { name: /移除/ })).toBeNull();
    expect(window.location.search).not.toContain("regions=");

    await user.type(within(regions).getByRole("searchbox", { name: zh["map.search"] }), "天河");
    await user.click(await within(regions).findByRole("button", { name: /天河区/ }));
    expect(new URLSearchParams(window.location.search).get("regions")).toBe("440000,440106");
    await waitFor(async () => {
      ({ rows } = await exploreTable());
      expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["广东省", "天河区"]);
    });
    expect(cellsOf(rowOf(rows, "天河区")).at(-1)).toHaveTextContent(
      formatNumber(observationOf(SHARE.id, "440106", "2025").value as number, 1, "zh"),
    );

    await user.click(within(regions).getByRole("button", { name: "移除广东省" }));
    expect(new URLSearchParams(window.location.search).get("regions")).toBe("440106");
    // With the province gone, a button brings it back.
    await user.click(within(regions).getByRole("button", { name: "加入广东省" }));
    expect(new URLSearchParams(window.location.search).get("regions")).toBe("440106,440000");
  });

  it("writes from= and to= from the period selects, and goes by quarter for a quarterly indicator", async () => {
    const user = userEvent.setup();
    const id = "5g-base-stations";
    // As totals (per=total): amounts now open in their intensive form.
    await renderApp(`?view=explore&indicator=${id}&tab=table&regions=440300&per=total`);
    let { columns } = await exploreTable(/个/);
    expect(columns.slice(1)).toEqual(["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"]);

    const range = screen.getByRole("group", { name: zh["explore.range"] });
    await user.selectOptions(within(range).getByRole("combobox", { name: zh["explore.from"] }), "2023");
    await user.selectOptions(within(range).getByRole("combobox", { name: zh["explore.to"] }), "2024");
    let params = new URLSearchParams(window.location.search);
    expect([params.get("from"), params.get("to")]).toEqual(["2023", "2024"]);
    ({ columns } = await exploreTable(/个/));
    expect(columns.slice(1)).toEqual(["2023", "2024"]);

    await user.click(within(range).getByRole("checkbox", { name: zh["explore.byQuarter"] }));
    params = new URLSearchParams(window.location.search);
    expect([params.get("from"), params.get("to")]).toEqual(["2023Q1", "2024Q4"]);
    const { columns: quarters, rows } = await exploreTable(/个/);
    expect(quarters.slice(1)).toEqual(["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    expect(cellsOf(rowOf(rows, "深圳市"))[1]).toHaveTextContent(
      formatNumber(observationOf(id, "440300", "2023Q2").value as number, 0, "zh"),
    );
  });

  it("draws the map tab at the range's end and level, and opens the Map view on the same indicator, year and level", async () => {
    const user = userEvent.setup();
    const { container } = await renderApp(`?view=explore&indicator=${SHARE.id}&tab=map&to=2023&level=county&lang=en`);
    await screen.findByRole("heading", { name: `${SHARE.name.en}, 2023, by county` }, { timeout: 8000 });
    // The shared choropleth's legend (SVG renderer): class labels in the indicator's unit.
    await waitFor(() => expect(container.querySelector(".explore-map svg")?.textContent).toMatch(/%\s*–\s*[\d.]+%/), {
      timeout: 8000,
    });
    const link = screen.getByRole("link", { name: en["explore.openMap"] });
    const href = new URLSearchParams(link.getAttribute("href") ?? "");
    expect([href.get("view"), href.get("indicator"), href.get("year"), href.get("level")]).toEqual([
      "map",
      SHARE.id,
      "2023",
      "county",
    ]);
    await user.click(link);
    const params = new URLSearchParams(window.location.search);
    expect([params.get("view"), params.get("indicator"), params.get("year"), params.get("level")]).toEqual([
      "map",
      SHARE.id,
      "2023",
      "county",
    ]);
    expect(await screen.findByRole("heading", { name: `${SHARE.name.en}, 2023` }, { timeout: 8000 })).toBeInTheDocument();
  });

  it("sets funding and talent beside the outcome for the first region, saying that co-movement is not causation", async () => {
    await renderApp(`?view=explore&indicator=${SHARE.id}&regions=440100,440300&from=2020&to=2023&lang=en`);
    const panel = await screen.findByRole("region", { name: "Funding and talent: Guangzhou" }, { timeout: 8000 });
    expect(within(panel).getByRole("note")).toHaveTextContent(en["explore.inputs.causation"]);
    const funding = await within(panel).findByRole("img", { name: /^Public funding indicators/ }, { timeout: 8000 });
    expect(funding).toHaveAccessibleName(expect.stringContaining("Guangzhou, 2020–2023"));
    expect(within(panel).getByRole("img", { name: /^Digital talent indicators/ })).toBeInTheDocument();
    // The figures behind the bars: Guangzhou's 2023 special funds, as the fixture has them.
    const funds = indicatorOf("sme-transformation-funds");
    const table = within(panel).getAllByRole("table")[0];
    const row = rowOf(within(table).getAllByRole("row"), funds.name.en);
    // In English with a scale word ("2.8 billion yuan"), not "28.000 100 million yuan".
    expect(row).toHaveTextContent(formatValue(observationOf(funds.id, "440100", "2023").value as number, funds, "en"));
    expect(row).toHaveTextContent(/\d (million|billion) yuan/);
  });

  it("drops the region codes and the range end the data cannot use, with a notice, and keeps the rest", async () => {
    await renderApp(`?view=explore&indicator=${SHARE.id}&tab=table&regions=440100,999999&from=2010&to=2021`);
    const notice = await screen.findByText(/链接中的部分参数无效/, {}, { timeout: 8000 });
    expect(notice).toHaveTextContent("regions=999999");
    expect(notice).toHaveTextContent("from=2010");
    await waitFor(() => {
      const params = new URLSearchParams(window.location.search);
      expect([params.get("regions"), params.get("from"), params.get("to")]).toEqual(["440100", null, "2021"]);
    });
    const { columns, rows } = await exploreTable();
    expect(columns.slice(1)).toEqual(["2018", "2019", "2020", "2021"]);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["广州市"]);
  });

  it("opens an amount in its natural intensive form, with the notice; an unknown per= is reported and dropped", async () => {
    const id = "5g-base-stations";
    const stations = observationOf(id, "440100", "2023").value as number;
    const residents = observationOf("population", "440100", "2023").value as number;
    await renderApp(`?view=explore&indicator=${id}&tab=table&regions=440100&from=2023&to=2023&lang=en&per=bogus`);
    const notice = await screen.findByText(/per=bogus/, {}, { timeout: 8000 });
    expect(notice).toBeInTheDocument();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("per")).toBeNull());
    const { rows } = await exploreTable(/per 10,000 residents/);
    expect(cellsOf(rowOf(rows, "Guangzhou"))[0]).toHaveTextContent(formatNumber(stations / residents, 1, "en"));
    expect(screen.getByRole("combobox", { name: en["measure.label"] })).toHaveValue("population");
    expect(await screen.findByText(/New: amounts are now shown per 10,000 residents/)).toBeInTheDocument();
  });

  it("says which regions the indicator is not published for, and leaves their cells empty", async () => {
    const broad = indicatorOf("digital-economy-broad");
    expect(broad.levels).toEqual(["province"]);
    await renderApp(`?view=explore&indicator=${broad.id}&tab=table&regions=440000,440100&from=2022&to=2023&lang=en&per=total`);
    // On screen the figures carry scale words, so the caption's unit is "yuan".
    const { rows } = await exploreTable(/\(yuan\)/);
    expect(screen.getByRole("tabpanel")).toHaveTextContent("published at province level only; no figures for Guangzhou");
    const gz = rowOf(rows, "Guangzhou");
    expect(within(gz).getByRole("rowheader")).toHaveTextContent("not published at city level");
    expect(cellsOf(gz).map((c) => c.textContent)).toEqual(["—no data", "—no data"]);
    expect(cellsOf(rowOf(rows, "Guangdong"))[1]).toHaveTextContent(
      formatValue(observationOf(broad.id, "440000", "2023").value as number, broad, "en", "—", false),
    );
    expect(cellsOf(rowOf(rows, "Guangdong"))[1]).toHaveTextContent(/^[\d.]+ trillion$/);
  });
});

describe("explore exports", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const regionOf = (code: string): Region => {
    const r = dataset.regions.find((x) => x.code === code);
    if (!r) throw new Error(`fixture lacks ${code}`);
    return r;
  };
  const range = resolveRange({
    firstYear: dataset.meta.firstYear,
    lastYear: dataset.meta.lastYear,
    from: "2020",
    to: "2023",
    quarterlyIndicator: false,
  });
  const selected = [regionOf("440100"), regionOf("440300")];
  const province = regionOf("440000");
  const observations = dataset.observations.get(SHARE.id) ?? [];

  it("offers every format for the chart tab, and its CSV has the numbers the table tab shows", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=explore&indicator=${SHARE.id}&regions=440100,440300&from=2020&to=2023`);
    await screen.findByRole("img", { name: /^折线图/ }, { timeout: 8000 });
    const main = screen.getByRole("region", { name: `${SHARE.name.zh}，2020–2023` });
    await user.click(within(main).getByRole("button", { name: /^导出/ }));
    for (const scale of [1, 2, 3]) {
      expect(within(main).getByRole("menuitem", { name: zh["export.png"].replace("{scale}", String(scale)) })).toBeVisible();
    }
    for (const item of ["export.svg", "export.csvShown", "export.csvFull", "export.copyLink"] as const) {
      expect(within(main).getByRole("menuitem", { name: zh[item] })).toBeVisible();
    }

    // The spec's CSV, by the function it calls, is the file the menu downloads.
    const t = translator("zh");
    const csv = seriesTable(
      chartInput({ indicator: SHARE, selected, province, range, observations, milestones: dataset.meta.milestones, lang: "zh" }),
      [...selected, province],
      "zh",
      t,
    );
    const downloads = captureDownloads();
    await user.click(within(main).getByRole("menuitem", { name: zh["export.csvShown"] }));
    const [file] = await downloads.next();
    expect(file.name).toBe(`${SHARE.id}_series_city_2020-2023_zh.csv`);
    expect(await downloads.text(file)).toBe(toCsv(csv));

    // Its numbers are the ones the table tab shows for the same link.
    await user.click(screen.getByRole("tab", { name: zh["explore.tab.table"] }));
    const { columns, rows } = await exploreTable();
    expect(csv.rows).toHaveLength(8);
    for (const [name, code, , period, value] of csv.rows) {
      expect(code).toBe(selected.find((r) => r.name.zh === name)?.code);
      const cell = cellsOf(rowOf(rows, String(name)))[columns.indexOf(String(period)) - 1];
      expect(cell.textContent, `${name} ${period}`).toMatch(new RegExp(`^${formatNumber(value as number, 1, "zh")}`));
    }

    // The table tab has its own menu: no image, and the table as shown, one row per region and year.
    const table = screen.getByRole("region", { name: `${SHARE.name.zh}，2020–2023` });
    await user.click(within(table).getByRole("button", { name: /^导出/ }));
    expect(within(table).queryByRole("menuitem", { name: /PNG|SVG/ })).toBeNull();
    await user.click(within(table).getByRole("menuitem", { name: zh["export.csvShown"] }));
    const [tableFile] = await downloads.next();
    expect(tableFile.name).toBe(`${SHARE.id}_table_city_2020-2023_zh.csv`);
    const model = buildTableModel({ indicator: SHARE, regions: selected, observations, periods: range.periods });
    const text = await downloads.text(tableFile);
    expect(text).toBe(toCsv(tableModelTable(model, SHARE, "zh", t)));
    // Status is a column: Shenzhen's 2021 figure is an estimate.
    const { data } = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true });
    const sz2021 = data.find((r) => r[zh["table.code"]] === "440300" && r[zh["export.period"]] === "2021");
    expect(sz2021?.[zh["table.status"]]).toBe(zh["status.estimated"]);
  });

  it("gives each funding and talent chart its own menu, whose CSV has the figures behind the bars", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=explore&indicator=${SHARE.id}&regions=440100,440300&from=2020&to=2023&lang=en`);
    const panel = await screen.findByRole("region", { name: "Funding and talent: Guangzhou" }, { timeout: 8000 });
    await within(panel).findByRole("img", { name: /^Public funding indicators/ }, { timeout: 8000 });
    const funding = within(panel).getByRole("region", { name: en["pillar.investment"] });
    expect(within(panel).getAllByRole("button", { name: /^Export/ })).toHaveLength(2);
    await user.click(within(funding).getByRole("button", { name: /^Export/ }));
    expect(within(funding).getByRole("menuitem", { name: en["export.png"].replace("{scale}", "2") })).toBeVisible();
    // Several indicators: no "whole indicator" file.
    expect(within(funding).queryByRole("menuitem", { name: en["export.csvFull"] })).toBeNull();
    const downloads = captureDownloads();
    await user.click(within(funding).getByRole("menuitem", { name: en["export.csvShown"] }));
    const [file] = await downloads.next();
    expect(file.name).toBe(`${SHARE.id}_inputs-investment_city_2020-2023_en.csv`);
    const { data } = Papa.parse<Record<string, string>>((await downloads.text(file)).slice(1).trim(), { header: true });
    const funds = indicatorOf("sme-transformation-funds");
    const row = data.find((r) => r[en["explore.inputs.indicator"]] === funds.name.en && r[en["export.period"]] === "2023");
    expect(Number(row?.[en["table.value"]])).toBe(observationOf(funds.id, "440100", "2023").value);
    expect(row?.[en["table.code"]]).toBe("440100");
  });
});
