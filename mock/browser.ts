import { setupWorker } from "msw/browser";
import { createHandlers } from "./handlers";

/** Starts MSW in the browser (development only: main.tsx imports this behind import.meta.env.DEV). */
export async function startMockApi(): Promise<void> {
  const worker = setupWorker(...createHandlers());
  await worker.start({ onUnhandledRequest: "bypass", quiet: true, serviceWorker: { url: "./mockServiceWorker.js" } });
}
