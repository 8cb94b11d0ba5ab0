/*
 * Shows the Overview's first screen that the build prerendered into index.html
 * (scripts/prerender.tsx) while the app loads: only for the address it was rendered for (no
 * parameter but `lang` and `view=overview`), and only once config.json and meta.json say that the
 * app will show the same data (the config the site was built with, the same data version), so a
 * deployer who points config.json elsewhere never sees the build's figures. The app renders
 * beneath it unseen and takes over as soon as it has drawn its own findings
 * (src/ui/first-screen.ts); if that has already happened, this does nothing.
 */
(() => {
  const params = new URLSearchParams(location.search);
  let plain = true;
  params.forEach((value, key) => {
    if (!((key === "lang" && (value === "zh" || value === "en")) || (key === "view" && value === "overview"))) plain = false;
  });
  const screen = document.querySelector(`[data-first-screen="${params.get("lang") || "zh"}"]`);
  if (!plain || !screen) return;
  const json = (url) =>
    fetch(url, { cache: "no-cache" }).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json();
    });
  Promise.all([json("./config.json"), json(screen.getAttribute("data-meta"))])
    .then(([config, meta]) => {
      const same =
        JSON.stringify(config) === screen.getAttribute("data-config") && meta.dataVersion === screen.getAttribute("data-version");
      if (!same || !screen.isConnected) return;
      document.documentElement.classList.add("first-screen");
      screen.hidden = false;
    })
    .catch(() => {
      // Nothing to show: the app says what went wrong.
    });
})();
