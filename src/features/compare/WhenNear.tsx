import { type ReactNode, useRef } from "react";
import { useNearViewport } from "../../charts/Chart";

/**
 * Its content once the place it takes comes within a screen of the viewport (charts/Chart.tsx's
 * rule), for good; until then an empty box of `height`. What the content asks for (its series,
 * and the work of turning them into rankings, paths or the index) waits with it: a phone that
 * opens Compare loads and computes the panels it shows, not the index at the foot of the page.
 * Without IntersectionObserver (jsdom), at once.
 */
export function WhenNear({ height, children }: { height: number; children: () => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  return near ? children() : <div ref={ref} className="compare-later" style={{ minHeight: height }} />;
}
