/**
 * The export menu as a WAI-ARIA menu button, driven by keyboard and pointer as a user would:
 * https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/api/config";
import { createQueryClient } from "../../src/api/queries";
import { Providers } from "../../src/app/Providers";
import type { ExportSpec } from "../../src/export/spec";
import { CATALOGUES as MESSAGES } from "../../src/i18n/catalogues";
import { createAppStore } from "../../src/state/store";
import { ExportMenu } from "../../src/ui/ExportMenu";
import { captureDownloads } from "../support/downloads";
import { httpConfig } from "../support/msw";

const en = MESSAGES.en;
const png = (scale: number) => en["export.png"].replace("{scale}", String(scale));
/** Every item of a chart's menu, in order. */
const CHART_ITEMS = [
  png(1),
  png(2),
  png(3),
  en["export.svg"],
  en["export.white"],
  en["export.transparent"],
  en["export.csvShown"],
  en["export.copyLink"],
];

const chartSpec = (): ExportSpec => ({
  title: "Trend",
  subtitle: "Guangdong, 2021–2023",
  option: { xAxis: { type: "category", data: ["2021"] }, yAxis: { type: "value" }, series: [{ type: "line", data: [1] }] },
  file: { indicator: "demo", period: "2021-2023", lang: "en" },
  csv: () => ({ header: ["Period", "Value"], rows: [["2021", 1]] }),
  source: "Simulated",
});

/** One menu between two other focus stops, as on a panel. */
function renderMenu(spec: () => ExportSpec | null = chartSpec) {
  return render(
    <Providers config={parseConfig(httpConfig)} store={createAppStore({ lang: "en" })} queryClient={createQueryClient()}>
      <button type="button">before</button>
      <ExportMenu id="demo" spec={spec} />
      <button type="button">after</button>
    </Providers>,
  );
}

const trigger = () => screen.getByRole("button", { name: en["export.menu"] });
const menu = () => screen.getByRole("menu", { name: en["export.menu"] });
const items = () => [...menu().querySelectorAll<HTMLElement>("[role^=menuitem]")];
const focusedName = () => document.activeElement?.textContent;

afterEach(() => vi.restoreAllMocks());

describe("export menu (menu button pattern)", () => {
  it("is a button that announces and controls a menu of menu items, none of them a tab stop", async () => {
    const user = userEvent.setup();
    renderMenu();
    expect(trigger()).toHaveAttribute("aria-haspopup", "menu");
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("menu")).toBeNull();

    await user.click(trigger());
    expect(trigger()).toHaveAttribute("aria-expanded", "true");
    expect(trigger()).toHaveAttribute("aria-controls", menu().id);
    expect(items().map((i) => i.textContent)).toEqual(CHART_ITEMS);
    for (const i of items()) expect(i).toHaveAttribute("tabindex", "-1");
    expect(within(menu()).getAllByRole("menuitem")).toHaveLength(6);
    // The background is a pair of radio items in a named group.
    const group = within(menu()).getByRole("group", { name: en["export.background"] });
    expect(within(group).getByRole("menuitemradio", { name: en["export.white"] })).toHaveAttribute("aria-checked", "true");
    expect(within(group).getByRole("menuitemradio", { name: en["export.transparent"] })).toHaveAttribute("aria-checked", "false");
    // Opened by pointer, focus is on the first item too.
    expect(items()[0]).toHaveFocus();

    await user.click(trigger());
    expect(screen.queryByRole("menu")).toBeNull();
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
  });

  it("opens from the keyboard on the first item (Enter, Space, ↓) or the last (↑)", async () => {
    const user = userEvent.setup();
    renderMenu();
    await user.tab();
    await user.tab();
    expect(trigger()).toHaveFocus();
    for (const [key, first] of [
      ["{Enter}", true],
      [" ", true],
      ["{ArrowDown}", true],
      ["{ArrowUp}", false],
    ] as const) {
      await user.keyboard(key);
      expect(menu(), key).toBeVisible();
      expect(focusedName(), key).toBe(first ? png(1) : en["export.copyLink"]);
      await user.keyboard("{Escape}");
      expect(screen.queryByRole("menu"), key).toBeNull();
      expect(trigger(), key).toHaveFocus();
    }
  });

  it("moves focus with ↑/↓ (wrapping), Home and End", async () => {
    const user = userEvent.setup();
    renderMenu();
    trigger().focus();
    await user.keyboard("{ArrowDown}");
    const seen = [focusedName()];
    for (let i = 0; i < CHART_ITEMS.length; i++) {
      await user.keyboard("{ArrowDown}");
      seen.push(focusedName());
    }
    // All the way round and back to the first.
    expect(seen).toEqual([...CHART_ITEMS, CHART_ITEMS[0]]);
    await user.keyboard("{ArrowUp}");
    expect(focusedName()).toBe(en["export.copyLink"]);
    await user.keyboard("{ArrowUp}");
    expect(focusedName()).toBe(en["export.csvShown"]);
    await user.keyboard("{Home}");
    expect(focusedName()).toBe(png(1));
    await user.keyboard("{End}");
    expect(focusedName()).toBe(en["export.copyLink"]);
    expect(menu()).toBeVisible();
  });

  it("runs an item on Enter, closes and gives focus back to the button", async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    renderMenu();
    trigger().focus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(focusedName()).toBe(en["export.csvShown"]);
    await user.keyboard("{Enter}");
    const [file] = await downloads.next();
    expect(file.name).toBe("demo_2021-2023_en.csv");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(trigger()).toHaveFocus();
    expect(await screen.findByRole("status")).toHaveTextContent(file.name);
  });

  it("checks a background with Space or Enter and stays open on it", async () => {
    const user = userEvent.setup();
    renderMenu();
    trigger().focus();
    await user.keyboard("{Enter}");
    const transparent = within(menu()).getByRole("menuitemradio", { name: en["export.transparent"] });
    while (document.activeElement !== transparent) await user.keyboard("{ArrowDown}");
    await user.keyboard(" ");
    expect(transparent).toHaveAttribute("aria-checked", "true");
    expect(within(menu()).getByRole("menuitemradio", { name: en["export.white"] })).toHaveAttribute("aria-checked", "false");
    expect(transparent).toHaveFocus();
    await user.keyboard("{ArrowUp}{Enter}");
    expect(within(menu()).getByRole("menuitemradio", { name: en["export.white"] })).toHaveAttribute("aria-checked", "true");
    expect(menu()).toBeVisible();
  });

  it("closes on Tab, moving on to the next stop after the button, and on Shift+Tab to the one before", async () => {
    const user = userEvent.setup();
    renderMenu();
    trigger().focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    await user.tab();
    expect(screen.queryByRole("menu")).toBeNull();
    expect(screen.getByRole("button", { name: "after" })).toHaveFocus();
    trigger().focus();
    await user.keyboard("{ArrowDown}");
    await user.tab({ shift: true });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(screen.getByRole("button", { name: "before" })).toHaveFocus();
  });

  it("closes on a click outside, leaving focus where the click put it", async () => {
    const user = userEvent.setup();
    renderMenu();
    await user.click(trigger());
    await user.click(within(menu()).getByRole("menuitemradio", { name: en["export.transparent"] }));
    expect(menu()).toBeVisible(); // a click inside does not close it
    await user.click(screen.getByRole("button", { name: "after" }));
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    expect(screen.getByRole("button", { name: "after" })).toHaveFocus();
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
  });

  it("offers a table-only panel CSV and link, and wraps over those alone", async () => {
    const user = userEvent.setup();
    renderMenu(() => ({ ...chartSpec(), option: null }));
    trigger().focus();
    await user.keyboard("{Enter}");
    expect(items().map((i) => i.textContent)).toEqual([en["export.csvShown"], en["export.copyLink"]]);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(focusedName()).toBe(en["export.csvShown"]);
  });
});
