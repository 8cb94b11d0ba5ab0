/** Texts of the Explore view (kept apart so that each view's texts live in one file). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
