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
 * The built site's Content-Security-Policy: no inline script, no eval, data only from its own
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

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: "./",
  plugins: [react(), devMockApi(), contentSecurityPolicy()],
  build: { target: "es2022", sourcemap: true },
});
