import { schemeYlGnBu } from "d3-scale-chromatic";

/** Grey, apart from every sequential colour: "no data" must never read as "low". */
export const NO_DATA_COLOR = "#c4c4c4";

/**
 * `n` sequential colours, light to dark (ColorBrewer YlGnBu: colour-blind safe and readable in
 * greyscale), reversed when lower is better so that dark always means "better".
 */
export function sequential(n: number, direction: "higher" | "lower"): string[] {
  const k = Math.max(3, Math.min(9, n));
  const scheme = [...schemeYlGnBu[k]];
  // Fewer than three classes: the light and dark ends of the three-class scheme.
  const colors = n >= 3 ? scheme : n === 2 ? [scheme[0], scheme[2]] : [scheme[1]];
  return direction === "higher" ? colors : colors.reverse();
}
