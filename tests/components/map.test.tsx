import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { regionsAtLevel } from "../../src/api/filter";
import { formatValue } from "../../src/i18n/format";
import { dataset } from "../support/msw";
import { renderApp } from "../support/render-app";

const ID = "core-digital-va-share";
const indicator = dataset.indicators.find((i) => i.id === ID);
if (!indicator) throw new Error(`fixture lacks ${ID}`);
const valueAt = (region: string, period: string) =>
  dataset.observations.get(ID)?.find((o) => o.region === region && o.period === period)?.value ?? null;

/** The data rows of the map's table (header row excluded). */
async function tableRows() {
  const table = await screen.findByRole("table", {}, { timeout: 8000 });
  return within(table).getAllByRole("row").slice(1);
}

describe("map view", () => {
  it("opens straight onto the county map from the URL and draws a legend", async () => {
    const { container } = await renderApp(`?view=map&level=county&indicator=${ID}&year=2023&lang=en`);
    expect(await screen.findByRole("heading", { name: `${indicator.name.en}, 2023` }, { timeout: 8000 })).toBeInTheDocument();
    // The SVG renderer writes the legend's class labels as text.
    await waitFor(() => expect(container.querySelector(".map-main svg")?.textContent).toMatch(/%\s*–\s*[\d.]+%/), {
      timeout: 8000,
    });
  });

  it("shows the same numbers as a table, and updates it on a level switch and a period step", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=map&indicator=${ID}&year=2023&tab=table`);
    let rows = await tableRows();
    expect(rows).toHaveLength(21);
    const gz = rows.find((r) => within(r).queryByRole("rowheader", { name: "广州市" }));
    expect(gz).toHaveTextContent(formatValue(valueAt("440100", "2023"), indicator, "zh"));

    await user.click(screen.getByRole("radio", { name: "县区" }));
    await waitFor(async () => expect(await tableRows()).toHaveLength(regionsAtLevel(dataset.regions, "county").length));

    await user.selectOptions(screen.getByRole("combobox", { name: "期间" }), "2021");
    expect(window.location.search).toContain("year=2021");
    rows = await tableRows();
    const tianhe = rows.find((r) => within(r).queryByRole("rowheader", { name: "天河区" }));
    await waitFor(() => expect(tianhe).toHaveTextContent(formatValue(valueAt("440106", "2021"), indicator, "zh")));
  });

  it("drills into a city's counties and back by the breadcrumb", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=map&indicator=${ID}&tab=table`);
    await tableRows();
    await user.type(screen.getByRole("searchbox", { name: "查找地区" }), "天河");
    await user.click(await screen.findByRole("button", { name: /天河区/ }));
    const breadcrumb = screen.getByRole("navigation", { name: "层级导航" });
    await waitFor(() => expect(breadcrumb).toHaveTextContent("广州市"));
    expect(window.location.search).toContain("city=440100");
    await waitFor(async () => expect(await tableRows()).toHaveLength(11));

    await user.click(within(breadcrumb).getByRole("button", { name: "广东省" }));
    await waitFor(async () => expect(await tableRows()).toHaveLength(21));
    expect(window.location.search).not.toContain("city=");
  });

  it("sorts the table by a column", async () => {
    const user = userEvent.setup();
    await renderApp(`?view=map&indicator=${ID}&year=2024&tab=table`);
    await tableRows();
    await user.click(screen.getByRole("button", { name: "按数值排序" }));
    const values = (await tableRows()).map((r) =>
      Number.parseFloat((r.querySelector(".num")?.textContent ?? "").replace(/,/g, "")),
    );
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(screen.getByRole("columnheader", { name: /数值/ })).toHaveAttribute("aria-sort", "descending");
  });
});

describe("map view of an amount (#16)", () => {
  const STATIONS = "5g-base-stations";
  const stations = dataset.indicators.find((i) => i.id === STATIONS);
  if (!stations) throw new Error(`fixture lacks ${STATIONS}`);
  const at = (id: string, region: string) =>
    dataset.observations.get(id)?.find((o) => o.region === region && o.period === "2023")?.value ?? null;

  it("opens in its natural intensive form with a notice, the table saying what each ratio comes from", async () => {
    localStorage.clear();
    await renderApp(`?view=map&level=county&indicator=${STATIONS}&year=2023&tab=table&lang=en`);
    expect(
      await screen.findByRole("heading", { name: "5G base stations per 10,000 residents, 2023" }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/per 10,000 residents/);
    expect(screen.getByRole("combobox", { name: "Measure" })).toHaveValue("population");
    expect(screen.getByRole("columnheader", { name: "5G base stations (stations)" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Resident population (10,000 people)" })).toBeInTheDocument();
    const tianhe = (await tableRows()).find((r) => within(r).queryByRole("rowheader", { name: /^Tianhe/ }));
    const num = at(STATIONS, "440106") as number;
    const den = at("population", "440106") as number;
    expect(tianhe).toHaveTextContent(
      formatValue(num / den, { ...stations, unit: { zh: "", en: "per 10,000 residents" }, decimals: 1 }, "en"),
    );
  });

  it("draws the total as circles over a grey map, without the notice or colour classes", async () => {
    const { container } = await renderApp(`?view=map&level=county&indicator=${STATIONS}&year=2023&per=total&lang=en`);
    expect(await screen.findByRole("heading", { name: "5G base stations, 2023" }, { timeout: 8000 })).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector(".map-main svg")?.textContent).toMatch(/circle area ∝ value/), {
      timeout: 8000,
    });
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Classes" })).toBeNull();
  });

  it("reports an unknown measure and shows the natural form", async () => {
    await renderApp(`?view=map&level=county&indicator=${STATIONS}&year=2023&per=bogus&tab=table&lang=en`);
    expect(
      await screen.findByRole("heading", { name: "5G base stations per 10,000 residents, 2023" }, { timeout: 8000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).not.toContain("per="));
    expect(document.body.textContent).toContain("bogus");
  });
});
