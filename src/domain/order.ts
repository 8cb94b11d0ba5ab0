/**
 * Ids, codes and periods (ASCII lower-case letters, digits, "-", "Q": the contract's INDICATOR_ID,
 * REGION_CODE and PERIOD) in code-unit order, which is localeCompare's order for them: a page's
 * first localeCompare loads ICU's collation data, 80–120 ms of one task at a phone's 4× CPU (the
 * Overview's headline cards, the profile's first judgement).
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
