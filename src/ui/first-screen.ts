import { useLayoutEffect } from "react";

/**
 * The built site's prerendered first screen: the Overview's header, key findings and headline
 * figures as the build computed them from its snapshot (scripts/prerender.tsx writes them into
 * index.html, hidden, in both languages), standing in while the app loads and judges.
 *
 * public/first-screen.js, which the prerender step inlines into index.html in place of the app's
 * entry script, shows it only for the address it was rendered for (no parameter but `lang` and
 * `view=overview`) and only once config.json and meta.json say that the app will show the same
 * data (the config the site was built with, the same data version): a deployer who points
 * config.json elsewhere never sees the build's figures. Then, shown or not, it starts the app
 * (once the first screen's paint is recorded, so that its script does not delay that paint),
 * handing it the config.json and meta.json it has read (src/api/boot-answers.ts).
 *
 * For any other address of a view (not the wall display) it shows the header alone (app/ViewShell.tsx),
 * with the snapshot's title and data version, over the skeleton of a loading view.
 *
 * The app renders beneath it unseen and takes over here, in the same frame as it shows its own:
 * from the Overview's, when its key findings are drawn; from the header, when its header shows the
 * data version; from either, as soon as it shows anything the first screen does not (another
 * view, the wall display, an alert, an empty panel, a notice).
 */
export const FIRST_SCREEN_CLASS = "first-screen";
export const FIRST_SCREEN_ATTRIBUTE = "data-first-screen";
/** Marks the header-only first screen (any view's), beside the Overview's. */
export const SHELL_ATTRIBUTE = "data-shell";
/** The boot script in public/, which the prerender step inlines into index.html. */
export const BOOT_SCRIPT = "first-screen.js";

/** Which prerendered screen stands in: the Overview's, any view's header (`shell`), or none. */
export function standing(doc: Document = document): "overview" | "shell" | null {
  if (!doc.documentElement.classList.contains(FIRST_SCREEN_CLASS)) return null;
  const shown = doc.querySelector(`[${FIRST_SCREEN_ATTRIBUTE}]:not([hidden])`);
  if (!shown) return null;
  return shown.hasAttribute(SHELL_ATTRIBUTE) ? "shell" : "overview";
}

/** Removes the prerendered first screens (every language's) and shows the app. Idempotent; a no-op without one. */
export function takeOver(doc: Document = document): void {
  for (const node of doc.querySelectorAll(`[${FIRST_SCREEN_ATTRIBUTE}]`)) node.remove();
  doc.documentElement.classList.remove(FIRST_SCREEN_CLASS);
}

/**
 * Takes over from the prerendered first screen before the browser paints this commit, once `now`
 * is true; with `only`, only from that kind of first screen (the header takes over from the
 * header-only one, but not from the Overview's findings and figures).
 */
export function useTakeOver(now = true, only?: "overview" | "shell"): void {
  useLayoutEffect(() => {
    if (now && (!only || standing() === only)) takeOver();
  }, [now, only]);
}
