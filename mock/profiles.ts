import type { Region } from "../src/api/contract";
import type { Basis } from "./catalogue-types";
import { normal } from "./random";

/**
 * City sizes that shape the simulation: GDP (亿元) and resident population (万人), rounded
 * public figures for 2023. Only their relative sizes are used; absolute levels come from
 * the province anchors in the catalogue. Not served as data.
 */
const CITY_SIZE: Record<string, { gdp: number; pop: number }> = {
  "440100": { gdp: 30355, pop: 1883 },
  "440300": { gdp: 34606, pop: 1779 },
  "440400": { gdp: 4233, pop: 249 },
  "440500": { gdp: 3158, pop: 553 },
  "440600": { gdp: 13276, pop: 962 },
  "440200": { gdp: 1601, pop: 284 },
  "441600": { gdp: 1348, pop: 283 },
  "441400": { gdp: 1408, pop: 381 },
  "441300": { gdp: 5639, pop: 607 },
  "441500": { gdp: 1380, pop: 268 },
  "441900": { gdp: 11438, pop: 1049 },
  "442000": { gdp: 3850, pop: 446 },
  "440700": { gdp: 4022, pop: 482 },
  "441700": { gdp: 1541, pop: 259 },
  "440800": { gdp: 3793, pop: 703 },
  "440900": { gdp: 3905, pop: 620 },
  "441200": { gdp: 2793, pop: 413 },
  "441800": { gdp: 2136, pop: 397 },
  "445100": { gdp: 1313, pop: 256 },
  "445200": { gdp: 2334, pop: 559 },
  "445300": { gdp: 1199, pop: 238 },
};

const ZONE_DIGITAL = { prd: 0.55, east: -0.2, west: -0.3, north: -0.45 } as const;
const KIND_DIGITAL = { district: 0.2, "county-city": -0.1, county: -0.25, "autonomous-county": -0.35 } as const;
/** How a county-level unit's share of its city's economy compares by kind. */
const KIND_WEIGHT = { district: 1, "county-city": 0.55, county: 0.35, "autonomous-county": 0.18 } as const;
/** Rural weight (administrative villages) by kind: urban districts have few villages. */
const KIND_RURAL = { district: 0.35, "county-city": 1, county: 1, "autonomous-county": 0.8 } as const;
const CITY_DIGITAL: Record<string, number> = { "440300": 0.5, "440100": 0.35, "440400": 0.15 };

/** What the generator knows about one unit (a county-level unit or a city). */
export interface Profile {
  code: string;
  city: string;
  /** Relative sizes, each summing to the city's share of the province over its units. */
  basis: Record<Basis, number>;
  /** Digital development factor, centred near 0: PRD and urban districts high, north low. */
  digital: number;
  /** Yearly drift of this unit's share, so regions rise and fall a little over time. */
  drift: number;
}

/**
 * Profiles of the county-level units (122 counties plus the two cities without counties),
 * splitting each city's size among its units with seeded noise.
 */
export function unitProfiles(regions: readonly Region[], units: readonly Region[]): Profile[] {
  const byCity = new Map<string, Region[]>();
  for (const u of units) {
    const city = u.level === "city" ? u.code : (u.parent as string);
    byCity.set(city, [...(byCity.get(city) ?? []), u]);
  }
  const profiles: Profile[] = [];
  for (const city of regions.filter((r) => r.level === "city")) {
    const size = CITY_SIZE[city.code];
    if (!size) throw new Error(`no size for city ${city.code}`);
    const members = byCity.get(city.code) ?? [];
    const raw = members.map((u) => {
      const kind = u.kind ?? "district";
      const econ = KIND_WEIGHT[kind] * Math.exp(0.45 * normal("econ", u.code));
      const people = Math.sqrt(KIND_WEIGHT[kind]) * Math.exp(0.3 * normal("pop", u.code));
      const rural = KIND_RURAL[kind] * Math.exp(0.3 * normal("rural", u.code));
      return { u, kind, econ, people, rural };
    });
    const sum = (k: "econ" | "people" | "rural") => raw.reduce((s, r) => s + r[k], 0);
    const [econSum, peopleSum, ruralSum] = [sum("econ"), sum("people"), sum("rural")];
    // Villages scale with a city's rural population, which falls as its GDP per head rises.
    const cityRural = size.pop / Math.sqrt(size.gdp / size.pop);
    for (const r of raw) {
      const gdp = (size.gdp * r.econ) / econSum;
      const pop = (size.pop * r.people) / peopleSum;
      const digital =
        ZONE_DIGITAL[r.u.zone ?? "north"] +
        (r.u.level === "county" ? KIND_DIGITAL[r.kind] : 0.1) +
        (CITY_DIGITAL[city.code] ?? 0) +
        0.15 * normal("digital", r.u.code);
      profiles.push({
        code: r.u.code,
        city: city.code,
        basis: {
          gdp,
          population: pop,
          villages: (cityRural * r.rural) / ruralSum,
          enterprises: gdp ** 0.9 * Math.exp(0.2 * normal("firms", r.u.code)),
          retail: pop * Math.sqrt(gdp / pop),
        },
        digital,
        drift: 0.02 * normal("drift", r.u.code),
      });
    }
  }
  return profiles;
}

/** A city's profile from its units': sizes add up, the digital factor is GDP-weighted. */
export function cityProfiles(unitList: readonly Profile[]): Profile[] {
  const byCity = new Map<string, Profile[]>();
  for (const p of unitList) byCity.set(p.city, [...(byCity.get(p.city) ?? []), p]);
  return [...byCity].map(([city, ps]) => {
    const total = (k: Basis) => ps.reduce((s, p) => s + p.basis[k], 0);
    const gdp = total("gdp");
    return {
      code: city,
      city,
      basis: {
        gdp,
        population: total("population"),
        villages: total("villages"),
        enterprises: total("enterprises"),
        retail: total("retail"),
      },
      digital: ps.reduce((s, p) => s + p.digital * p.basis.gdp, 0) / gdp,
      drift: ps.reduce((s, p) => s + p.drift * p.basis.gdp, 0) / gdp,
    };
  });
}
