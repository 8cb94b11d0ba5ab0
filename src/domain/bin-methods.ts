/** How a choropleth classes its values; kept apart from the classing code so the URL codec stays light. */
export const BIN_METHODS = ["quantile", "jenks", "equal"] as const;
export type BinMethod = (typeof BIN_METHODS)[number];
