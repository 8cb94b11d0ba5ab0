/**
 * The published city base figures (mock/data/guangdong-cities.csv) in the simulated dataset:
 * GDP for every city 2019–2023 and population where published are met exactly, the province's
 * GDP is their sum, and a few of them survive the whole way: generator → snapshot files → API.
 */

import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApi } from "../../mock/api";
import { CITY_GDP, CITY_POPULATION } from "../../mock/base-figures";
import { type Dataset, generateDataset } from "../../mock/generate";
import { readSnapshot, writeSnapshot } from "../../mock/snapshot";
import type { Observation } from "../../src/api/contract";
import { roundTo } from "../../src/domain/aggregate";

interface Row {
  code: string;
  indicator: string;
  year: string;
  value: string;
  unit: string;
  source_url: string;
  note: string;
}
const csv = readFileSync(resolve(__dirname, "../../mock/data/guangdong-cities.csv"), "utf8");
const rows = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
const PROVINCE = "440000";
const cityRows = rows.filter((r) => r.code !== PROVINCE);
const CITIES = [...new Set(cityRows.map((r) => r.code))].sort();
const GDP_YEARS = [2019, 2020, 2021, 2022, 2023];

/** The file's GDP for a city and year: the city panel's row (whole 亿元), the one series covering every city. */
const panelGdp = (code: string, year: number) => {
  const found = cityRows.filter(
    (r) => r.indicator === "gdp" && r.code === code && Number(r.year) === year && r.source_url.includes("china_city_panel"),
  );
  expect(found, `${code} ${year}`).toHaveLength(1);
  return Number(found[0].value);
};

/**
 * The population figures to be met, chosen from the file by the rules in its notes: the 2020
 * census count (in 万人) for 2020; year-end figures for 2021 on, except the low-reliability
 * row; for 2018–2019 only the census-revised series.
 */
const publishedPopulation = (): Map<string, number> => {
  const out = new Map<string, number>();
  for (const r of cityRows) {
    const year = Number(r.year);
    if (r.indicator === "population_census") {
      out.set(`${r.code}@${year}`, r.unit === "人" ? Number(r.value) / 10_000 : Number(r.value));
    }
    if (r.indicator !== "population") continue;
    if (year === 2020 || /LOW-RELIABILITY/.test(r.note)) continue;
    if (year <= 2019 && !(/revised series/.test(r.note) && !/unrevised/.test(r.note))) continue;
    out.set(`${r.code}@${year}`, Number(r.value));
  }
  return out;
};

const data = generateDataset();
const value = (id: string, region: string, period: string) =>
  data.observations.get(id)?.find((o) => o.region === region && o.period === period)?.value;

describe("published city base figures (mock/data/guangdong-cities.csv)", () => {
  it("covers the 21 cities, with one panel GDP per city and year", () => {
    expect(CITIES).toHaveLength(21);
    expect(Object.keys(CITY_GDP).sort()).toEqual(CITIES);
    for (const c of CITIES) for (const y of GDP_YEARS) expect(panelGdp(c, y)).toBeGreaterThan(0);
  });

  it("gives every city's GDP 2019–2023 as the file's, and agrees with every other reading of it", () => {
    let checked = 0;
    for (const c of CITIES) {
      expect(Object.keys(CITY_GDP[c]).map(Number), c).toEqual(GDP_YEARS); // no 2018: before the 2019 revision
      for (const y of GDP_YEARS) {
        const published = panelGdp(c, y);
        expect(CITY_GDP[c][y], `${c} ${y}`).toBe(published);
        expect(value("gdp", c, String(y)), `${c} ${y}`).toBe(published);
        // The cities' own communiqués (more decimals) round to the same whole 亿元.
        for (const r of cityRows.filter((x) => x.indicator === "gdp" && x.code === c && Number(x.year) === y)) {
          expect(Math.abs(Number(r.value) - published), `${c} ${y} ${r.source_url}`).toBeLessThanOrEqual(0.5);
        }
        checked++;
      }
    }
    expect(checked).toBe(21 * 5);
  });

  it("makes the province's GDP 2019–2023 the sum of its cities, within 3 of the published provincial total", () => {
    for (const y of GDP_YEARS) {
      const sum = CITIES.reduce((s, c) => s + panelGdp(c, y), 0);
      expect(value("gdp", PROVINCE, String(y)), String(y)).toBe(sum);
      const provincial = rows.filter((r) => r.code === PROVINCE && r.indicator === "gdp" && Number(r.year) === y);
      expect(provincial, String(y)).toHaveLength(1);
      expect(Math.abs(Number(provincial[0].value) - sum), String(y)).toBeLessThan(3);
    }
  });

  it("does not use the 2018 city GDP, which predates the revision", () => {
    for (const c of CITIES) {
      const old = cityRows.find((r) => r.indicator === "gdp" && r.code === c && r.year === "2018");
      expect(old, c).toBeDefined();
      expect(value("gdp", c, "2018"), c).not.toBe(roundTo(Number(old?.value), 1));
    }
  });

  it("meets every published city population, the 2020 census included, and simulates only the gaps", () => {
    const published = publishedPopulation();
    const restated = new Map(
      Object.entries(CITY_POPULATION).flatMap(([c, byYear]) => Object.entries(byYear).map(([y, v]) => [`${c}@${y}`, v])),
    );
    expect(restated).toEqual(published);
    for (const [key, v] of published) {
      const [c, y] = key.split("@");
      expect(value("population", c, y), key).toBe(roundTo(v, 1));
    }
    expect([...published.keys()].filter((k) => k.endsWith("@2020"))).toHaveLength(16);
    // Shaoguan and Shanwei publish none: simulated, yet the cities still add up to the province.
    for (const c of ["440200", "441500"])
      expect(
        [...published.keys()].some((k) => k.startsWith(c)),
        c,
      ).toBe(false);
    for (const [y, total] of [
      ["2020", 12601.3],
      ["2021", 12684],
      ["2022", 12656.8],
      ["2023", 12706],
    ] as const) {
      expect(value("population", PROVINCE, y), y).toBe(total);
      const sum = CITIES.reduce((s, c) => s + (value("population", c, y) as number), 0);
      expect(roundTo(sum, 1), y).toBe(total);
    }
  });

  it("says in both languages which years and levels are published and which simulated", () => {
    const source = (id: string) => data.indicators.find((i) => i.id === id)?.source;
    const gdp = source("gdp");
    expect(gdp?.en).toMatch(/2019–2023 published for all 21 prefecture-level cities/);
    expect(gdp?.en).toMatch(/sum of the 21 cities/);
    expect(gdp?.en).toMatch(/2018 .*2024–2025.*simulated for the cities; county figures simulated/);
    expect(gdp?.zh).toMatch(/2019—2023年21个地级市为公布数/);
    expect(gdp?.zh).toMatch(/21市之和/);
    expect(gdp?.zh).toMatch(/2024—2025年全省为近似值、各市为模拟；县级数据各年均为模拟/);
    const pop = source("population");
    expect(pop?.en).toMatch(/seventh national census/);
    expect(pop?.en).toMatch(/Shaoguan and Shanwei simulated in every year\). County figures simulated/);
    expect(pop?.zh).toMatch(/第七次全国人口普查/);
    expect(pop?.zh).toMatch(/韶关、汕尾各年均为模拟）。县级数据各年均为模拟/);
  });
});

describe("published figures end to end: generator → snapshot files → API", () => {
  let dir: string;
  let served: Dataset;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gd-base-figures-"));
    await writeSnapshot(data, join(dir, "data"));
    served = await readSnapshot(join(dir, "data"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const api = (query: string) => {
    const res = handleApi(served, "GET", "observations", new URLSearchParams(query));
    expect(res.status, query).toBe(200);
    return (res.body as { observations: Observation[] }).observations;
  };

  it("serves Guangzhou's 2023 and Shenzhen's 2019 GDP as published", async () => {
    expect(api("indicator=gdp&level=city&regions=440100&from=2023&to=2023")).toEqual([
      expect.objectContaining({ region: "440100", period: "2023", value: 30356 }),
    ]);
    expect(api("indicator=gdp&level=city&regions=440300&from=2019&to=2019")).toEqual([
      expect.objectContaining({ region: "440300", period: "2019", value: 26927 }),
    ]);
    // The per-level file the static source reads says the same.
    const file = JSON.parse(await readFile(join(dir, "data/observations/gdp/city.json"), "utf8")) as {
      observations: Observation[];
    };
    expect(file.observations.find((o) => o.region === "440100" && o.period === "2023")?.value).toBe(30356);
  });

  it("serves the province's 2021 GDP as the sum of its cities' published figures", () => {
    const cities = api("indicator=gdp&level=city&from=2021&to=2021");
    expect(cities).toHaveLength(21);
    for (const o of cities) expect(o.value, o.region).toBe(panelGdp(o.region, 2021));
    const sum = cities.reduce((s, o) => s + (o.value as number), 0);
    expect(sum).toBe(124_369);
    expect(api("indicator=gdp&level=province&from=2021&to=2021")).toEqual([
      expect.objectContaining({ region: PROVINCE, period: "2021", value: sum }),
    ]);
  });

  it("serves every city's GDP 2019–2023 and Guangzhou's 2020 census population as in the file", () => {
    const gdp = api("indicator=gdp&level=city&from=2019&to=2023");
    expect(gdp).toHaveLength(21 * 5);
    for (const o of gdp) expect(o.value, `${o.region} ${o.period}`).toBe(panelGdp(o.region, Number(o.period)));
    expect(api("indicator=population&level=city&regions=440100&from=2020&to=2020")).toEqual([
      expect.objectContaining({ value: 1867.7 }),
    ]);
  });

  it("keeps the shares of GDP equal to their parts: Shenzhen's 2020 core digital share is still 30.5%", () => {
    const [share] = api("indicator=core-digital-va-share&level=city&regions=440300&from=2020&to=2020");
    const [va] = api("indicator=core-digital-va&level=city&regions=440300&from=2020&to=2020");
    expect(share.value).toBe(30.5);
    expect(roundTo((100 * (va.value as number)) / 27670, 1)).toBe(30.5);
  });
});
