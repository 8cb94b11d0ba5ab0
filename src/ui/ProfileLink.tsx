import type { MouseEvent, ReactNode } from "react";
import { useApp } from "../state/context";
import { type ViewState, viewFromParams, viewToParams } from "../state/url";

/** What changes when a region's profile opens: language, index weights and year carry over. */
export const profilePatch = (code: string): Partial<ViewState> => ({
  view: "profile",
  region: code,
  regions: [],
  city: null,
  tab: "chart",
  from: null,
  to: null,
});
/** The view of a region's profile from the current one. */
export const profileView = (view: ViewState, code: string): ViewState => ({ ...view, ...profilePatch(code) });

/**
 * A real link to another view (`<a href>` built with viewToParams, so it opens in a new tab
 * and can be copied); a plain click changes the view in place.
 */
export function ViewLink({
  to,
  children,
  className,
}: {
  to: (v: ViewState) => ViewState;
  children: ReactNode;
  className?: string;
}) {
  const state = useApp((s) => s);
  const update = useApp((s) => s.update);
  const params = viewToParams(to(state));
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    update(viewFromParams(params).view);
    // The new view starts at the top, and so does the keyboard.
    document.getElementById("main")?.focus();
  };
  return (
    <a href={`?${params}`} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

/** A region's name as a link to its profile. */
export function ProfileLink({ code, children }: { code: string; children: ReactNode }) {
  return <ViewLink to={(v) => profileView(v, code)}>{children}</ViewLink>;
}
