import { useLayoutEffect } from "react";

/**
 * The built site's prerendered first screen (scripts/prerender.tsx writes it into index.html,
 * public/first-screen.js shows it once config.json and meta.json confirm it is this site's data):
 * the Overview's header, key findings and headline figures as the build computed them, standing
 * in while the app loads and judges. The app renders beneath it unseen and takes over here, in
 * the same frame as it shows its own: when its key findings are drawn, or as soon as it shows
 * anything the prerender does not (another view, an alert, an empty panel, a notice).
 */
export const FIRST_SCREEN_CLASS = "first-screen";
export const FIRST_SCREEN_ATTRIBUTE = "data-first-screen";

/** Removes the prerendered first screen (every language's) and shows the app. Idempotent; a no-op without one. */
export function takeOver(doc: Document = document): void {
  for (const node of doc.querySelectorAll(`[${FIRST_SCREEN_ATTRIBUTE}]`)) node.remove();
  doc.documentElement.classList.remove(FIRST_SCREEN_CLASS);
}

/** Takes over from the prerendered first screen before the browser paints this commit, once `now` is true. */
export function useTakeOver(now = true): void {
  useLayoutEffect(() => {
    if (now) takeOver();
  }, [now]);
}
