// The built site's boot script: shows the prerendered first screen when it is this data's, then starts the app (see src/ui/first-screen.ts).
(() => {
  const boot = document.currentScript;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const href of (boot.getAttribute("data-preload") || "").split(" ").filter(Boolean)) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = href;
      document.head.append(link);
    }
    const entry = document.createElement("script");
    entry.type = "module";
    entry.src = boot.getAttribute("data-entry");
    document.head.append(entry);
  };

  const params = new URLSearchParams(location.search);
  let plain = true;
  params.forEach((value, key) => {
    if (!((key === "lang" && (value === "zh" || value === "en")) || (key === "view" && value === "overview"))) plain = false;
  });
  const screen = document.querySelector(`[data-first-screen="${params.get("lang") || "zh"}"]`);
  if (!plain || !screen) {
    start();
    return;
  }
  const json = (url) =>
    fetch(url, { cache: "no-cache" }).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json();
    });
  // config.json first: a site that reads elsewhere never asks for the snapshot's files.
  const expected = screen.getAttribute("data-config");
  json("./config.json")
    .then((config) => (JSON.stringify(config) === expected ? json(screen.getAttribute("data-meta")) : null))
    .then((meta) => {
      const show = meta && meta.dataVersion === screen.getAttribute("data-version") && screen.isConnected;
      for (const other of document.querySelectorAll("[data-first-screen]")) if (!show || other !== screen) other.remove();
      if (show) {
        document.documentElement.classList.add("first-screen");
        document.documentElement.lang = screen.lang;
        screen.hidden = false;
        // Its links are links; its language and wall buttons go where the app's would (the rest waits for the app).
        screen.addEventListener("click", (event) => {
          const button = event.target.closest("button");
          const to = new URLSearchParams(location.search);
          if (button?.classList.contains("lang-switch")) to.set("lang", button.lang === "en" ? "en" : "zh");
          else if (button?.classList.contains("wall-switch")) to.set("screen", "big");
          else return;
          location.assign(`?${to}`);
        });
        // The app once this frame is painted: its script's first task would otherwise come first.
        requestAnimationFrame(() => setTimeout(start));
      } else start();
    })
    .catch(() => {
      // Nothing to show: the app says what went wrong.
      start();
    });
})();
