import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);

/**
 * `npm run dev` only: serves MSW's service worker and a config.json that points the app at
 * the mocked REST API (`http` source), so development needs no backend and neither file
 * ever reaches the build.
 */
function devMockApi(): Plugin {
  return {
    name: "dev-mock-api",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "").split("?")[0];
        if (path.endsWith("/mockServiceWorker.js")) {
          res.setHeader("Content-Type", "text/javascript");
          res.end(readFileSync(require.resolve("msw/mockServiceWorker.js")));
        } else if (path.endsWith("/config.json") && !process.env.DEV_USE_PUBLIC_CONFIG) {
          res.setHeader("Content-Type", "application/json");
          res.end(JSON.stringify({ dataSource: "http", baseUrl: "./api/v1" }));
        } else next();
      });
    },
  };
}

/**
 * The built site's Content-Security-Policy: no inline script (but the boot script, which
 * scripts/prerender.tsx inlines and allows by its hash), no eval, data only from its own
 * origin. A deployer whose API lives on another origin adds it to `connect-src` in
 * dist/index.html (or sends the same policy as an HTTP header); see the README.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // ECharts' HTML tooltip writes inline style attributes; scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build", // the dev server injects inline scripts of its own (React refresh)
    transformIndexHtml: (html) =>
      html.replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

/**
 * The oldest browsers the built site supports (README, "Supported browsers"), as Vite targets and
 * as a browserslist query for `scripts/check-compat.ts`, which checks dist/ against them.
 * - Chromium 87: government desktops often run domestic browsers (360, QQ, Sogou, QAX, UOS…)
 *   built on Chromium 87–108; Edge 88 is the Chromium Edge of the same generation.
 * - Firefox 91 (ESR) and Safari 16: older ones lack private class members (Firefox < 90) or have
 *   class-field defects (Safari < 16), and lowering every class for them costs 1.5–1.8 KB gzipped
 *   on the Overview, more than its budget's margin, for browsers this audience does not use.
 * Runtime APIs newer than these are polyfilled in src/polyfills.ts or avoided (fetch-json.ts).
 */
export const BROWSER_TARGETS = ["chrome87", "edge88", "firefox91", "safari16"];
export const BROWSERSLIST = "chrome >= 87, edge >= 88, firefox >= 91, safari >= 16, ios_saf >= 16";

/**
 * The targets the JavaScript is lowered for. oxc (like Babel without `bugfixes`) rewrites every
 * class for Chrome < 98 and every optional chain for Chrome < 91, for two V8 defects that need
 * rarer code: a static field named `name` or `length` (Chrome < 98) and an optional call with a
 * spread argument (Chrome 80–90). That costs ~2.5 KB gzipped on the Overview; so syntax is
 * lowered for what the browsers above lack, and check-compat.ts fails the build if the output
 * holds either defective form or any feature newer than BROWSERSLIST (es-check).
 */
const JS_TARGETS = ["chrome98", "edge98", "firefox91", "safari16"];

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: "./",
  plugins: [react(), devMockApi(), contentSecurityPolicy()],
  build: {
    target: BROWSER_TARGETS, // CSS is lowered for these as they are (build.cssTarget)
    rolldownOptions: { transform: { target: JS_TARGETS } },
    // Chromium has modulepreload since 66; Firefox < 115 and Safari < 17 just fetch the same
    // chunks one step later, as the entry imports them. The polyfill cost 0.23 KB gzipped.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each view's code needs, for the boot script (scripts/prerender.tsx).
    manifest: true,
  },
});
