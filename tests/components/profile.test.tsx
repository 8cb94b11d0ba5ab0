import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { regionsAtLevel } from "../../src/api/filter";
import { indexInputs } from "../../src/domain/index-inputs";
import { computeIndex } from "../../src/domain/index-score";
import { tiersOf } from "../../src/domain/profile";
import { buildProfile, profileIndicators } from "../../src/features/profile/profile-model";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { formatNumber } from "../../src/i18n/format";
import { dataset } from "../support/msw";
import { renderApp } from "../support/render-app";

const zh = MESSAGES.zh;
const en = MESSAGES.en;
const T = { timeout: 15_000 };
const XINGNING = "441481";
const region = (code: string) => {
  const r = dataset.regions.find((x) => x.code === code);
  if (!r) throw new Error(`fixture lacks ${code}`);
  return r;
};
const lastYear = Math.max(...[...dataset.observations.values()].flat().map((o) => Number(o.period.slice(0, 4))));

/** The index of every county-level unit in `year`, straight from computeIndex (as Compare computes it). */
function countyIndex(year: string) {
  const units = regionsAtLevel(dataset.regions, "county").map((u) => u.code);
  return computeIndex(
    units,
    // Size-free, as every view computes it (index-inputs.ts).
    indexInputs(dataset.indicators, "county", dataset.observations, year),
    null,
    "minmax",
  );
}

function profileOf(code: string) {
  const level = code === "441900" ? "county" : region(code).level;
  const data = new Map(
    profileIndicators(dataset.indicators, level).map((i) => {
      const codes = new Set(regionsAtLevel(dataset.regions, level).map((r) => r.code));
      return [i.id, (dataset.observations.get(i.id) ?? []).filter((o) => codes.has(o.region))];
    }),
  );
  const provinceData = new Map(
    dataset.indicators.map((i) => [i.id, (dataset.observations.get(i.id) ?? []).filter((o) => o.region === "440000")]),
  );
  return buildProfile({
    region: region(code),
    regions: dataset.regions,
    indicators: dataset.indicators,
    data,
    provinceData,
    year: null,
    weights: null,
    norm: "minmax",
    lastYear,
  });
}

describe("region profile", () => {
  it("shows a county's index, rank among the 124 units and tier, the same numbers as Compare's index", async () => {
    await renderApp(`?view=profile&region=${XINGNING}`);
    const standing = await screen.findByRole("region", { name: zh["profile.standing"] }, T);
    const profile = profileOf(XINGNING);
    const year = profile.year as string;
    const result = countyIndex(year);
    const row = result.rows.find((r) => r.code === XINGNING);
    if (!row || row.index === null || row.rank === null) throw new Error("Xingning has no index in the fixture");
    const tiers = tiersOf(new Map(result.rows.map((r) => [r.code, r.index])));
    expect(row.of).toBe(124);
    const kpis = within(standing).getAllByRole("definition");
    expect(kpis[0]).toHaveTextContent(formatNumber(row.index, 1, "zh"));
    expect(kpis[1]).toHaveTextContent(`${row.rank} / 124`);
    const tier = tiers.tiers.get(XINGNING) as number;
    expect(kpis[2]).toHaveTextContent(`第${"一二三四五"[tier - 1]}梯队`);
    // The tier breaks are shown.
    expect(within(standing).getByText(/梯队断点/).parentElement).toHaveTextContent(
      `第一梯队：${formatNumber(tiers.breaks.at(-2) as number, 1, "zh")}–${formatNumber(tiers.breaks.at(-1) as number, 1, "zh")}`,
    );
    // The header: both names, its city as a link to the city's profile, its zone.
    expect(screen.getByText("Xingning City")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "梅州市" })).toHaveAttribute("href", expect.stringContaining("region=441400"));
  });

  it("lists strengths and weaknesses, similar regions with one Compare link, and every indicator opening Explore", async () => {
    await renderApp(`?view=profile&region=${XINGNING}`);
    const profile = profileOf(XINGNING);
    const sw = await screen.findByRole("region", { name: `${zh["profile.strengths"]} · ${zh["profile.weaknesses"]}` }, T);
    const strengths = within(sw).getByRole("heading", { name: zh["profile.strengths"] }).parentElement as HTMLElement;
    const names = within(strengths)
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    // Named as judged: an amount in its size-free form ("智慧景区数（每百万人）").
    const byId = new Map(profile.rows.map((r) => [r.indicator.id, r.indicator.name.zh]));
    expect(names).toEqual(profile.strengths.map((s) => byId.get(s.indicator)));
    expect(profile.strengths).toHaveLength(3);
    expect(profile.weaknesses).toHaveLength(3);
    // Each has a chart with a name and a table twin.
    expect(within(strengths).getAllByRole("img")).toHaveLength(3);

    const similar = screen.getByRole("region", { name: zh["profile.similar"] });
    const links = within(similar).getAllByRole("link");
    expect(links).toHaveLength(6);
    const compare = within(similar).getByRole("link", { name: zh["profile.compare"] });
    const codes = [XINGNING, ...profile.neighbours.map((n) => n.code)];
    expect(new URL(compare.getAttribute("href") as string, "http://x").searchParams.get("regions")).toBe(codes.join(","));

    const table = screen.getByRole("table", { name: /^兴宁市：各板块指标/ });
    const first = within(table).getAllByRole("link")[0];
    expect(first).toHaveAttribute("href", expect.stringMatching(/view=explore.*regions=441481/));
    await userEvent.click(first);
    await waitFor(() => expect(window.location.search).toMatch(/view=explore/));
  });

  it("gives the same score and rank as Compare's index, one click away", async () => {
    await renderApp(`?view=profile&region=${XINGNING}`);
    const standing = await screen.findByRole("region", { name: zh["profile.standing"] }, T);
    const [score, rank] = within(standing)
      .getAllByRole("definition")
      .map((d) => d.textContent);
    // The standing comes first (from the year's figures); the other panels once every year is in.
    await userEvent.click(await screen.findByRole("link", { name: zh["profile.compare"] }, T));
    const index = await screen.findByRole("region", { name: zh["compare.index"] }, T);
    const row = await within(index).findByRole("row", { name: /^兴宁市/ }, T);
    const cells = within(row).getAllByRole("cell");
    expect(cells[0]).toHaveTextContent(score as string);
    expect(cells[1]).toHaveTextContent(rank as string);
  });

  it("describes the year chosen, with the index of that year", async () => {
    await renderApp(`?view=profile&region=${XINGNING}`);
    const standing = await screen.findByRole("region", { name: zh["profile.standing"] }, T);
    await userEvent.selectOptions(await within(standing).findByRole("combobox", { name: zh["profile.year"] }, T), "2021");
    await waitFor(() => expect(window.location.search).toContain("year=2021"));
    const row = countyIndex("2021").rows.find((r) => r.code === XINGNING);
    await waitFor(() => expect(within(standing).getAllByRole("definition")[1]).toHaveTextContent(`${row?.rank} / ${row?.of}`));
    expect(within(standing).getAllByRole("definition")[0]).toHaveTextContent(formatNumber(row?.index as number, 1, "zh"));
  });

  it("profiles Dongguan among the county-level units, in English", async () => {
    await renderApp("?view=profile&region=441900&lang=en");
    const standing = await screen.findByRole("region", { name: en["profile.standing"] }, T);
    expect(within(standing).getAllByRole("definition")[1]).toHaveTextContent(/\/ 124$/);
    expect(screen.getByText(/ranked with the counties as one unit/)).toBeInTheDocument();
    expect(within(standing).getAllByRole("definition")[2]).toHaveTextContent(/^Tier [1-5]$/);
    // Its Compare link leads with a county, so that Dongguan is compared among the counties.
    const compare = await screen.findByRole("link", { name: en["profile.compare"] }, T);
    const codes = (new URL(compare.getAttribute("href") as string, "http://x").searchParams.get("regions") ?? "").split(",");
    expect(codes[1]).toBe("441900");
    expect(region(codes[0]).level).toBe("county");
    expect(codes).toHaveLength(6);
  });

  it("ranks a city among the 21 cities, against its zone and the province", async () => {
    await renderApp("?view=profile&region=440100");
    const standing = await screen.findByRole("region", { name: zh["profile.standing"] }, T);
    expect(within(standing).getAllByRole("definition")[1]).toHaveTextContent(/^\d+ \/ 21$/);
    // A city is benchmarked against its zone and the province, not a city of its own.
    expect(
      within(standing)
        .getAllByRole("columnheader")
        .map((c) => c.textContent),
    ).toEqual([
      zh["profile.export.pillar"],
      zh["profile.score"],
      zh["profile.rank"],
      zh["profile.tier"],
      "珠三角平均",
      zh["profile.vsProvince"],
    ]);
  });

  it("shows the province its indicators and targets, with no rank or similar regions", async () => {
    await renderApp("?view=profile&region=440000");
    expect(await screen.findByText(zh["profile.provinceNoRank"], {}, T)).toBeInTheDocument();
    const progress = await screen.findByRole("region", { name: zh["profile.progress"] }, T);
    expect(within(progress).getAllByRole("row").length).toBeGreaterThan(1);
    expect(screen.queryByRole("region", { name: zh["profile.similar"] })).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: zh["profile.indicators"] })).toBeInTheDocument();
  });

  it("lists amounts size-free by default, with the notice, and as totals for per=total", async () => {
    const profile = profileOf(XINGNING);
    const natural = profile.rows.find((r) => r.indicator.id === "5g-base-stations");
    const total = profile.totals.find((r) => r.indicator.id === "5g-base-stations");
    if (natural?.value == null || total?.value == null) throw new Error("Xingning lacks 5G base stations in the fixture");
    const { store } = await renderApp(`?view=profile&region=${XINGNING}`);
    const panel = await screen.findByRole("region", { name: zh["profile.indicators"] }, T);
    const row = () =>
      within(panel)
        .getByRole("link", { name: /^5G基站数/ })
        .closest("tr") as HTMLElement;
    expect(within(row()).getByRole("link")).toHaveTextContent("5G基站数（每万人）");
    expect(row()).toHaveTextContent(formatNumber(natural.value, natural.indicator.decimals, "zh"));
    expect(within(panel).getByRole("status")).toHaveTextContent(zh["profile.measure.naturalLabel"]);
    await userEvent.click(within(panel).getByRole("radio", { name: zh["profile.measure.total"] }));
    await waitFor(() => expect(store?.getState().per).toBe("total"));
    expect(window.location.search).toContain("per=total");
    expect(within(row()).getByRole("link")).toHaveTextContent(/^5G基站数$/);
    expect(row()).toHaveTextContent(formatNumber(total.value, total.indicator.decimals, "zh"));
  });

  it("refuses an unknown code with a notice and offers a search", async () => {
    const { store } = await renderApp("?view=profile&region=449999");
    expect(await screen.findByRole("heading", { name: zh["profile.title"] }, T)).toBeInTheDocument();
    await waitFor(() => expect(store?.getState().notices.map((n) => n.key)).toContain("region"));
    expect(screen.getByRole("searchbox")).toBeInTheDocument();
  });
});

describe("tiers on the map", () => {
  it("offers the index tiers in the indicator picker, with the tiers' legend and a table twin of score, rank and tier", async () => {
    await renderApp("?view=map&indicator=index-tier&level=county&tab=table");
    const table = await screen.findByRole("table", { name: /^数字发展指数梯队，\d{4}$/ }, T);
    const year = (table.querySelector("caption")?.textContent ?? "").slice(-4);
    const result = countyIndex(year);
    const tiers = tiersOf(new Map(result.rows.map((r) => [r.code, r.index])));
    const row = within(table).getByRole("link", { name: "兴宁市" }).closest("tr") as HTMLElement;
    const own = result.rows.find((r) => r.code === XINGNING);
    if (!own?.index) throw new Error("no index");
    expect(row).toHaveTextContent(formatNumber(own.index, 1, "zh"));
    expect(row).toHaveTextContent(`${own.rank} / 124`);
    expect(row).toHaveTextContent(`第${"一二三四五"[(tiers.tiers.get(XINGNING) as number) - 1]}梯队`);
    expect(screen.getByRole("list", { name: /梯队断点/ }).children).toHaveLength(tiers.count);
    // The picker shows the entry, and choosing an indicator goes back to it.
    const select = screen.getByRole("combobox", { name: zh["overview.indicator"] });
    expect(select).toHaveValue("index-tier");
    await userEvent.selectOptions(select, "core-digital-va-share");
    await waitFor(() => expect(window.location.search).toContain("indicator=core-digital-va-share"));
  });
});
