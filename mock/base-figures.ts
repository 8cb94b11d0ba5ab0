/**
 * Published city base figures (`mock/data/guangdong-cities.csv`, provenance and doubts in
 * `guangdong-cities.md` beside it), as the generator uses them: the simulated GDP and
 * population meet them exactly at the indicators' decimals (`cityAnchors`). Restated here
 * because the generator also runs in the browser, which cannot read the CSV;
 * `tests/unit/base-figures.test.ts` checks every value against the file.
 */

/**
 * GDP at current prices (亿元), 2019–2023, all 21 cities, from the compiled city panel (whole
 * 亿元; the cities' own communiqués agree after rounding). The 2018 figures are left out:
 * they predate the revision after the 4th economic census (2019) and do not add up to the
 * province's revised 2018 total.
 */
export const CITY_GDP: Record<string, Record<number, number>> = {
  "440100": { 2019: 23629, 2020: 25019, 2021: 28232, 2022: 28839, 2023: 30356 },
  "440200": { 2019: 1318, 2020: 1353, 2021: 1554, 2022: 1564, 2023: 1621 },
  "440300": { 2019: 26927, 2020: 27670, 2021: 30665, 2022: 32388, 2023: 34606 },
  "440400": { 2019: 3436, 2020: 3482, 2021: 3882, 2022: 4045, 2023: 4233 },
  "440500": { 2019: 2694, 2020: 2731, 2021: 2930, 2022: 3017, 2023: 3158 },
  "440600": { 2019: 10751, 2020: 10816, 2021: 12157, 2022: 12698, 2023: 13276 },
  "440700": { 2019: 3147, 2020: 3201, 2021: 3601, 2022: 3773, 2023: 4022 },
  "440800": { 2019: 3065, 2020: 3100, 2021: 3560, 2022: 3713, 2023: 3794 },
  "440900": { 2019: 3252, 2020: 3279, 2021: 3698, 2022: 3905, 2023: 3987 },
  "441200": { 2019: 2249, 2020: 2311, 2021: 2650, 2022: 2705, 2023: 2793 },
  "441300": { 2019: 4177, 2020: 4221, 2021: 4977, 2022: 5401, 2023: 5640 },
  "441400": { 2019: 1187, 2020: 1208, 2021: 1308, 2022: 1318, 2023: 1408 },
  "441500": { 2019: 1080, 2020: 1124, 2021: 1288, 2022: 1322, 2023: 1431 },
  "441600": { 2019: 1080, 2020: 1103, 2021: 1274, 2022: 1295, 2023: 1348 },
  "441700": { 2019: 1292, 2020: 1360, 2021: 1516, 2022: 1535, 2023: 1582 },
  "441800": { 2019: 1698, 2020: 1777, 2021: 2007, 2022: 2032, 2023: 2120 },
  "441900": { 2019: 9482, 2020: 9650, 2021: 10855, 2022: 11200, 2023: 11438 },
  "442000": { 2019: 3101, 2020: 3152, 2021: 3566, 2022: 3631, 2023: 3851 },
  "445100": { 2019: 1081, 2020: 1097, 2021: 1245, 2022: 1313, 2023: 1357 },
  "445200": { 2019: 2102, 2020: 2102, 2021: 2265, 2022: 2261, 2023: 2445 },
  "445300": { 2019: 922, 2020: 1002, 2021: 1139, 2022: 1162, 2023: 1207 },
};

/**
 * Resident population (万人) where published: 2020 is the 7th census count (1 November 2020,
 * converted from persons where printed so), for the 16 cities that have one; 2021–2024 are
 * year-end figures. 2018–2019 only from the census-revised series (Shantou, Zhongshan): the
 * other 2018–2019 figures are pre-census estimates up to a fifth below the census, a break,
 * not growth. Left out as well: the three 2020 year-end figures (the census count is used;
 * Zhongshan's looks like a copy of its 2022 value) and Shaoguan's 2024 figure (an
 * uncorroborated, low-reliability page). Shaoguan and Shanwei have no figure at all.
 */
export const CITY_POPULATION: Record<string, Record<number, number>> = {
  "440100": { 2020: 1867.6605, 2021: 1881.06, 2022: 1873.41, 2023: 1882.7 },
  "440300": { 2020: 1756.0061, 2021: 1768.16, 2022: 1766.18, 2023: 1779.01 },
  "440400": { 2020: 243.9585, 2022: 247.72, 2023: 249.41, 2024: 251.85 },
  "440500": { 2018: 548.59, 2019: 549.31, 2020: 550.2031, 2021: 553.04, 2022: 554.19 },
  "440600": { 2020: 949.8863, 2021: 961.26, 2022: 955.23 },
  "440700": { 2020: 479.81, 2022: 482.22, 2023: 482.24 },
  "440800": { 2020: 698.12, 2023: 707.84, 2024: 712.08 },
  "440900": { 2020: 617.405, 2021: 621.97, 2022: 623.82, 2023: 625.23 },
  "441200": { 2020: 411.36, 2022: 412.84, 2023: 413.17 },
  "441300": { 2020: 604.2852, 2021: 606.6, 2022: 605.02, 2023: 607.34 },
  "441400": { 2021: 387.69, 2022: 385.8 },
  "441600": { 2020: 283.7686, 2021: 284.09 },
  "441700": { 2020: 260.2959, 2021: 262.07 },
  "441800": { 2020: 396.9473, 2022: 398.57, 2023: 398.67 },
  "441900": { 2020: 1046.6625, 2021: 1053.68, 2022: 1043.7 },
  "442000": { 2019: 438.73, 2020: 441.806, 2021: 446.69, 2022: 443.11, 2023: 445.82 },
  "445100": { 2022: 257.56, 2023: 257.62 },
  "445200": { 2023: 565.36 },
  "445300": { 2020: 238.335, 2021: 239.33, 2022: 239.65, 2023: 239.66 },
};

/** The sum of the 21 cities' GDP in each year all of them are published (the province's value then). */
export const CITY_GDP_SUM: Record<number, number> = Object.values(CITY_GDP).reduce<Record<number, number>>((sum, byYear) => {
  for (const [y, v] of Object.entries(byYear)) sum[Number(y)] = (sum[Number(y)] ?? 0) + v;
  return sum;
}, {});
