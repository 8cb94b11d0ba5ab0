/**
 * The answers the built site's boot script (public/first-screen.js) already has when it starts the
 * app: the bodies of config.json and meta.json, fetched (`no-cache`) to decide whether the
 * prerendered first screen is this data's. The app takes each once instead of asking the network
 * again, and reads it exactly as a fetched body (same parsing, same validation); any later read of
 * the same file goes to the network.
 */
declare global {
  interface Window {
    /** Absolute URL → response body, as the boot script received it (only answers with a 2xx status). */
    gdBootAnswers?: Record<string, string>;
  }
}

/** The boot script's body for `url` (resolved against the page), once; undefined if it has none. */
export function takeBootAnswer(url: string): string | undefined {
  if (typeof window === "undefined" || typeof document === "undefined") return undefined;
  const answers = window.gdBootAnswers;
  if (!answers) return undefined;
  const key = new URL(url, document.baseURI).href;
  if (!Object.hasOwn(answers, key)) return undefined;
  const body = answers[key];
  delete answers[key];
  return typeof body === "string" ? body : undefined;
}
