import { useLayoutEffect } from "react";

/**
 * The built site's prerendered first screen: the Overview's header, key findings and headline
 * figures as the build computed them from its snapshot (scripts/prerender.tsx writes them into
 * index.html, hidden, in both languages), standing in while the app loads and judges.
 *
 * public/first-screen.js, which the prerender step puts in index.html in place of the app's entry
 * script, shows it only for the address it was rendered for (no parameter but `lang` and
 * `view=overview`) and only once config.json and meta.json say that the app will show the same
 * data (the config the site was built with, the same data version): a deployer who points
 * config.json elsewhere never sees the build's figures. Then, shown or not, it starts the app
 * (after the first screen's frame, so that its script does not delay that paint).
 *
 * The app renders beneath it unseen and takes over here, in the same frame as it shows its own:
 * when its key findings are drawn, or as soon as it shows anything the first screen does not
 * (another view, an alert, an empty panel, a notice).
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
