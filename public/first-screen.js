// The built site's boot script, inlined into index.html by scripts/prerender.tsx: shows the
// prerendered first screen when it is this data's (the Overview's for the default address, the
// header over a skeleton for any other view), then starts the app (see src/ui/first-screen.ts).
(() => {
  const boot = document.currentScript;
  const data = (name) => boot.getAttribute(`data-${name}`) || "";
  let started = false;
  const preload = (hrefs) => {
    for (const href of hrefs.split(" ").filter(Boolean)) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = href;
      document.head.append(link);
    }
  };
  // `view`: a first screen is up, so the view's own code can load beside the entry's (before it,
  // it would compete with what the phone shows first).
  const start = (view) => {
    if (started) return;
    started = true;
    preload(data("preload"));
    const entry = document.createElement("script");
    entry.type = "module";
    entry.src = data("entry");
    document.head.append(entry);
    if (view) preload(JSON.parse(data("views") || "{}")[view] || "");
  };

  // The Overview's first screen for the default address (no parameter but `lang` and
  // `view=overview`); the header alone for any address of a view (not the wall display, whose
  // screen has no header, nor a language or view the app does not know).
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") || "zh";
  const view = params.get("view") || "overview";
  let plain = true;
  let shell = params.get("screen") !== "big";
  params.forEach((value, key) => {
    if (!((key === "lang" && (value === "zh" || value === "en")) || (key === "view" && value === "overview"))) plain = false;
    if (key === "lang" && value !== "zh" && value !== "en") shell = false;
  });
  const screens = [...document.querySelectorAll("[data-first-screen]")];
  const screen = screens.find((s) => s.getAttribute("data-first-screen") === lang && s.hasAttribute("data-shell") === !plain);
  const current = screen?.querySelector(`nav a[href="?view=${encodeURIComponent(view)}"]`);
  if (!screen || !(plain || (shell && current))) {
    for (const s of screens) s.remove();
    start();
    return;
  }
  // Each body it reads is the app's too (src/api/boot-answers.ts): it is not asked for twice.
  const answers = {};
  window.gdBootAnswers = answers;
  const json = (url) =>
    fetch(url, { cache: "no-cache" })
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => {
        const value = JSON.parse(text);
        answers[new URL(url, document.baseURI).href] = text;
        return value;
      });
  // config.json first: a site that reads elsewhere never asks for the snapshot's files.
  json("./config.json")
    .then((config) => (JSON.stringify(config) === data("config") ? json(data("meta")) : null))
    .then((meta) => {
      const show = meta && meta.dataVersion === data("version") && screen.isConnected;
      for (const other of screens) if (!show || other !== screen) other.remove();
      if (show) {
        for (const link of screen.querySelectorAll("nav a")) link.removeAttribute("aria-current");
        current?.setAttribute("aria-current", "page");
        document.documentElement.classList.add("first-screen");
        document.documentElement.lang = screen.lang;
        screen.hidden = false;
        // Its links are links; its language and wall buttons go where the app's would (the rest waits for the app).
        screen.addEventListener("click", (event) => {
          const button = event.target.closest("button");
          const to = new URLSearchParams(location.search);
          if (button?.classList.contains("lang-switch")) to.set("lang", button.lang === "en" ? "en" : "zh");
          else if (button?.classList.contains("wall-switch")) {
            to.set("screen", "big");
            to.set("view", "overview");
          } else return;
          location.assign(`?${to}`);
        });
        // The app once this screen's paint is recorded (its paint entry), not before: its script
        // would otherwise share that frame's time and the phone's bandwidth. At most ~250 ms later
        // where paint timing is missing or a paint came earlier.
        const go = () => setTimeout(() => start(view));
        try {
          const painted = new PerformanceObserver(() => {
            painted.disconnect();
            go();
          });
          painted.observe({ type: "paint" });
        } catch {
          // No paint timing: the timer below.
        }
        requestAnimationFrame(() => setTimeout(go, 250));
      } else start();
    })
    .catch(() => {
      // Nothing to show: the app says what went wrong.
      for (const s of screens) s.remove();
      start();
    });
})();
