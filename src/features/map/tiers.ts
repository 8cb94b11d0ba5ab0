import type { Text } from "../../api/contract";

/** The Map's indicator picker entry that colours regions by index tier (not an indicator of the catalogue). */
export const TIER_ID = "index-tier";
/** Its name and group in the picker, in both languages (the map's texts stay in the common catalogue's budget). */
export const TIER_LABEL: Text = { zh: "数字发展指数梯队", en: "Digital Development Index tiers" };
export const TIER_GROUP: Text = { zh: "综合", en: "Composite" };
