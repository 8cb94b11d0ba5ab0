import { useEffect, useState } from "react";

/**
 * False on the first render, true once the frame that showed it has been painted (the next
 * animation frame, then a task after it). A view's code and data that are not on its first
 * screen start after that paint, so the page's first paint (the header and the view's
 * skeleton) never waits behind their downloads, on a slow phone network as in Lighthouse's
 * model of it, which counts every request started before a paint as on that paint's path.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
