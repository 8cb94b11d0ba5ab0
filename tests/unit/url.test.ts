import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BIN_METHODS } from "../../src/domain/bin-methods";
import {
  AXIS_SCALES,
  DEFAULT_VIEW,
  LANGS,
  MAP_LEVELS,
  NORMS,
  SCREENS,
  TABS,
  VIEWS,
  type ViewState,
  viewFromParams,
  viewToParams,
} from "../../src/state/url";

const code = fc.stringMatching(/^\d{6}$/);
const viewArb: fc.Arbitrary<ViewState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  lang: fc.constantFrom(...LANGS),
  indicator: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/), { nil: null }),
  year: fc.option(
    fc
      .tuple(fc.integer({ min: 1990, max: 2099 }), fc.option(fc.integer({ min: 1, max: 4 })))
      .map(([y, q]) => (q ? `${y}Q${q}` : `${y}`)),
    { nil: null },
  ),
  level: fc.constantFrom(...MAP_LEVELS),
  city: fc.option(code, { nil: null }),
  regions: fc.uniqueArray(code, { maxLength: 8 }),
  tab: fc.constantFrom(...TABS),
  bins: fc.constantFrom(...BIN_METHODS),
  // Equal weights are the default and never written, so generate unequal ones or null.
  weights: fc.option(
    fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 7, maxLength: 7 }).filter((w) => w.some((x) => x !== w[0])),
    { nil: null },
  ),
  norm: fc.constantFrom(...NORMS),
  screen: fc.constantFrom(...SCREENS),
  cycle: fc.integer({ min: 1, max: 3600 }),
  // Valid views only: the codec refuses any value over 200 characters, a list of ids too.
  indicators: fc
    .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/), { maxLength: 20 })
    .filter((ids) => ids.join(",").length <= 200),
  refresh: fc.integer({ min: 1, max: 1440 }),
  from: fc.option(fc.integer({ min: 1990, max: 2099 }).map(String), { nil: null }),
  to: fc.option(fc.integer({ min: 1990, max: 2099 }).map(String), { nil: null }),
  region: fc.option(code, { nil: null }),
  per: fc.option(fc.constantFrom("total", "area", "population", "gdp", "registered-enterprises"), { nil: null }),
  scale: fc.constantFrom(...AXIS_SCALES),
  relative: fc.boolean(),
});

describe("URL codec", () => {
  it("round-trips every valid view", () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const { view, dropped } = viewFromParams(new URLSearchParams(viewToParams(v).toString()));
        expect(dropped).toEqual([]);
        expect(view).toEqual(v);
      }),
    );
  });

  it("writes only what differs from the defaults", () => {
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe("");
    expect(viewToParams({ ...DEFAULT_VIEW, view: "map", regions: ["440100", "440300"] }).toString()).toBe(
      "view=map&regions=440100%2C440300",
    );
  });

  it("drops junk to defaults and reports it", () => {
    const { view, dropped } = viewFromParams(
      new URLSearchParams("view=nope&lang=en&year=20x3&regions=440100,abc&utm_source=mail&level=county"),
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, lang: "en", level: "county" });
    expect(dropped.map((d) => d.key)).toEqual(["view", "year", "regions", "utm_source"]);
  });

  it("reads pillar weights, refusing the wrong count, out-of-range or all-zero weights", () => {
    expect(viewFromParams(new URLSearchParams("weights=2,1,1,1,1,1,0")).view.weights).toEqual([2, 1, 1, 1, 1, 1, 0]);
    for (const bad of ["1,1,1", "11,1,1,1,1,1,1", "0,0,0,0,0,0,0", "1.5,1,1,1,1,1,1", "a,b"]) {
      expect(
        viewFromParams(new URLSearchParams(`weights=${bad}`)).dropped.map((d) => d.key),
        bad,
      ).toEqual(["weights"]);
    }
    expect(viewToParams({ ...DEFAULT_VIEW, weights: [3, 3, 3, 3, 3, 3, 3] }).toString()).toBe("");
  });

  it("refuses more than eight regions and oversized values", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `44010${i}`).join(",");
    expect(viewFromParams(new URLSearchParams(`regions=${nine}`)).dropped[0].key).toBe("regions");
    expect(viewFromParams(new URLSearchParams(`indicator=${"a".repeat(500)}`)).view.indicator).toBeNull();
  });

  it("reads the command screen's cycle (s), indicators and refresh (min), refusing junk and out-of-range values", () => {
    const ok = viewFromParams(new URLSearchParams("screen=big&cycle=5&indicators=5g-base-stations,ict-employment&refresh=10"));
    expect(ok.dropped).toEqual([]);
    expect(ok.view).toMatchObject({ screen: "big", cycle: 5, indicators: ["5g-base-stations", "ict-employment"], refresh: 10 });
    expect(viewToParams(ok.view).toString()).toBe("screen=big&cycle=5&indicators=5g-base-stations%2Cict-employment&refresh=10");
    const junk = viewFromParams(new URLSearchParams("cycle=0&indicators=Bad!&refresh=99999"));
    expect(junk.view).toEqual(DEFAULT_VIEW);
    expect(junk.dropped.map((d) => d.key)).toEqual(["cycle", "indicators", "refresh"]);
    expect(viewFromParams(new URLSearchParams("cycle=1.5")).view.cycle).toBe(20);
    expect(viewToParams({ ...DEFAULT_VIEW, cycle: 20, refresh: 30 }).toString()).toBe("");
  });

  it("reads the measure (per=), the axis scale (scale=log) and relative change (relative=1), refusing junk", () => {
    const ok = viewFromParams(new URLSearchParams("view=explore&per=population&scale=log&relative=1"));
    expect(ok.dropped).toEqual([]);
    expect(ok.view).toMatchObject({ per: "population", scale: "log", relative: true });
    expect(viewToParams(ok.view).toString()).toBe("view=explore&per=population&scale=log&relative=1");
    expect(viewToParams({ ...DEFAULT_VIEW, per: "total" }).toString()).toBe("per=total");
    const junk = viewFromParams(new URLSearchParams("per=Per%20Capita!&scale=ln&relative=yes"));
    expect(junk.view).toEqual(DEFAULT_VIEW);
    expect(junk.dropped.map((d) => d.key)).toEqual(["per", "scale", "relative"]);
    // A URL from before measures existed has no per=: the indicator's natural form (null).
    expect(viewFromParams(new URLSearchParams("view=map&indicator=5g-base-stations")).view.per).toBeNull();
  });

  it("ignores prototype keys", () => {
    const { view, dropped } = viewFromParams(new URLSearchParams("__proto__=x&constructor=y&toString=z"));
    expect(view).toEqual(DEFAULT_VIEW);
    expect(dropped.map((d) => d.key)).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("never throws on arbitrary query strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const { view } = viewFromParams(new URLSearchParams(s));
        expect(VIEWS).toContain(view.view);
      }),
    );
  });
});
