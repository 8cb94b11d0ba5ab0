/**
 * The benchmark's floor: React rendering one heading, built with the dashboard's Vite config.
 * Every kilobyte and millisecond the dashboard spends above this page must buy something.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <h1>广东省数字经济发展监测 · Guangdong Digital Economy Monitor</h1>
  </StrictMode>,
);
