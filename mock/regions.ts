import type { Region, Zone } from "../src/api/contract";
import divisions from "./data/guangdong-divisions.json" with { type: "json" };

export const PROVINCE_CODE = "440000";

/** The province's "one core, one belt, one zone" layout (一核一带一区), by city code. */
export const ZONE_OF_CITY: Record<string, Zone> = {
  "440100": "prd",
  "440300": "prd",
  "440400": "prd",
  "440600": "prd",
  "441300": "prd",
  "441900": "prd",
  "442000": "prd",
  "440700": "prd",
  "441200": "prd",
  "440500": "east",
  "441500": "east",
  "445200": "east",
  "445100": "east",
  "440800": "west",
  "440900": "west",
  "441700": "west",
  "440200": "north",
  "441600": "north",
  "441400": "north",
  "441800": "north",
  "445300": "north",
};

const KIND = {
  district: "district",
  "county-level city": "county-city",
  county: "county",
  "autonomous county": "autonomous-county",
} as const;

interface Division {
  code: string;
  name: string;
  nameEn: string;
  cityCode: string;
  type: string;
}

/** The region tree of contract v1, built from the GB/T 2260 division list. */
export function buildRegions(list: readonly Division[] = divisions): Region[] {
  const province: Region = {
    code: PROVINCE_CODE,
    level: "province",
    parent: null,
    name: { zh: "广东省", en: "Guangdong" },
    zone: null,
    kind: null,
  };
  const rows = list.map((d): Region => {
    const zone = ZONE_OF_CITY[d.cityCode];
    if (!zone) throw new Error(`no zone for city ${d.cityCode}`);
    const isCity = d.type === "prefecture-level city";
    const kind = isCity ? null : KIND[d.type as keyof typeof KIND];
    if (kind === undefined) throw new Error(`unknown division type ${d.type}`);
    return {
      code: d.code,
      level: isCity ? "city" : "county",
      parent: isCity ? PROVINCE_CODE : d.cityCode,
      name: { zh: d.name, en: d.nameEn },
      zone,
      kind,
    };
  });
  return [province, ...rows];
}
