/**
 * Every text of the interface in both languages, for tests and tools. The app itself never
 * imports this: it starts with the common texts and adds each view's as its chunk loads
 * (see messages.ts), so that the Overview does not carry the Compare and Explore texts.
 */
import type { Lang } from "../state/url";
import { COMMON_MESSAGES, type MessageKey } from "./messages";
import * as compare from "./messages-compare";
import * as explore from "./messages-explore";
import * as measure from "./messages-measure";
import * as methods from "./messages-methods";
import * as overview from "./messages-overview";
import * as profile from "./messages-profile";
import * as screen from "./messages-screen";

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = {
  zh: {
    ...COMMON_MESSAGES.zh,
    ...compare.zh,
    ...explore.zh,
    ...methods.zh,
    ...overview.zh,
    ...screen.zh,
    ...profile.zh,
    ...measure.zh,
  },
  en: {
    ...COMMON_MESSAGES.en,
    ...compare.en,
    ...explore.en,
    ...methods.en,
    ...overview.en,
    ...screen.en,
    ...profile.en,
    ...measure.en,
  },
};
