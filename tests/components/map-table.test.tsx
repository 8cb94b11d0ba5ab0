import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MapTable, WINDOW_FROM } from "../../src/charts/map/MapTable";
import type { MapRow } from "../../src/charts/map/map-data";
import { StoreProvider } from "../../src/state/context";
import { createAppStore } from "../../src/state/store";
import { dataset } from "../support/msw";

const indicator = dataset.indicators.find((i) => !i.context && i.levels.includes("county")) ?? dataset.indicators[0];
const rows = (n: number): MapRow[] =>
  Array.from({ length: n }, (_, i) => ({
    code: String(700001 + i),
    name: { zh: `县${i + 1}`, en: `County ${i + 1}` },
    value: n - i,
    status: "final",
    rank: i + 1,
    of: n,
    change: null,
  }));

function renderTable(n: number) {
  const store = createAppStore();
  store.getState().update({ lang: "en" });
  return render(
    <StoreProvider store={store}>
      <MapTable rows={rows(n)} indicator={indicator} caption="Synthetic" />
    </StoreProvider>,
  );
}

/** The data rows drawn (spacers and the header row excluded). */
const drawn = () =>
  within(screen.getByRole("table"))
    .getAllByRole("row")
    .filter((r) => r.querySelector("th[scope=row]"));

describe("the map's table at scale", () => {
  it("draws every row of a table below the windowing threshold", () => {
    renderTable(WINDOW_FROM - 1);
    expect(drawn()).toHaveLength(WINDOW_FROM - 1);
    expect(screen.getByRole("table")).not.toHaveAttribute("aria-rowcount");
  });

  it("draws only the rows in view of 3,000, says how many there are, and follows the scroll", () => {
    const { container } = renderTable(3000);
    const first = drawn();
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(100);
    expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", "3001");
    expect(first[0]).toHaveAttribute("aria-rowindex", "2");
    expect(within(first[0]).getByRole("rowheader")).toHaveTextContent("County 1");

    // Scrolled 1,000 rows down (36 px each until a row is measured; jsdom measures 0).
    const box = container.querySelector(".map-table") as HTMLElement;
    box.scrollTop = 36_000;
    fireEvent.scroll(box);
    const moved = drawn();
    const names = moved.map((r) => within(r).getByRole("rowheader").textContent);
    expect(names).toContain("County 1001");
    expect(names).not.toContain("County 1");
    expect(moved.length).toBeLessThan(100);
  });

  it("sorts all 3,000 rows, not only the drawn ones", () => {
    renderTable(3000);
    fireEvent.click(screen.getByRole("button", { name: /Rank/ }));
    expect(within(drawn()[0]).getByRole("rowheader")).toHaveTextContent("County 3000");
  });
});
