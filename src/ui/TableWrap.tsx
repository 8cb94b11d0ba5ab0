import type { ReactNode } from "react";

/**
 * A table that may be wider than its panel: it scrolls inside its own box (never the page),
 * and the box is a named, focusable region so that a keyboard can scroll it too.
 */
export function TableWrap({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className={className ? `table-wrap ${className}` : "table-wrap"} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
