/**
 * Lighthouse 12.2.3 (the last for Node 20) against Debian's Chromium, launched once by
 * chrome-launcher with a fresh profile; mobile (the default: simulated slow 4G, 4× CPU
 * slowdown) and desktop presets, performance category only. Figures are the medians of the runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { CHROMIUM_FLAGS } from "../tests/browser/support";
import { median, round } from "./stats";

export const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

export type Preset = "mobile" | "desktop";

/** One page under one preset: medians of the runs (ms, bytes, score 0–100). */
export interface LighthouseFigures {
  runs: number;
  score: number;
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  totalBytes: number;
  scriptBytes: number;
  requests: number;
  /** The app's `chart-finished` mark as Lighthouse saw it (observed, not simulated), when set. */
  chartFinished: number | null;
  /** The score of every run, to show the spread. */
  scores: number[];
}

const AUDITS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "total-byte-weight",
  "resource-summary",
  "user-timings",
];

interface Lhr {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[] } }>;
  runWarnings: string[];
}

function read(lhr: Lhr) {
  const a = lhr.audits;
  const num = (id: string) => a[id]?.numericValue ?? Number.NaN;
  const summary = (a["resource-summary"]?.details?.items ?? []) as {
    resourceType: string;
    transferSize: number;
    requestCount: number;
  }[];
  const mark = ((a["user-timings"]?.details?.items ?? []) as { name: string; startTime: number }[]).find(
    (i) => i.name === "chart-finished",
  );
  return {
    score: (lhr.categories.performance.score ?? Number.NaN) * 100,
    lcp: num("largest-contentful-paint"),
    fcp: num("first-contentful-paint"),
    tbt: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    speedIndex: num("speed-index"),
    totalBytes: num("total-byte-weight"),
    scriptBytes: summary.find((s) => s.resourceType === "script")?.transferSize ?? 0,
    requests: summary.find((s) => s.resourceType === "total")?.requestCount ?? 0,
    chartFinished: mark ? mark.startTime : null,
  };
}

/**
 * Runs every page under both presets, `runs` times, interleaved (run 1 of every page, then
 * run 2…) so that a slow minute on a shared machine spreads over all pages alike.
 */
export async function runLighthouse(
  pages: Record<string, string>,
  runs: number,
  log: (line: string) => void,
  presets: readonly Preset[] = ["mobile", "desktop"],
): Promise<Record<Preset, Record<string, LighthouseFigures>>> {
  const profile = mkdtempSync(join(tmpdir(), "gd-bench-lighthouse-"));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    userDataDir: profile,
    logLevel: "silent",
  });
  const samples: Record<Preset, Record<string, ReturnType<typeof read>[]>> = { mobile: {}, desktop: {} };
  try {
    for (let run = 0; run < runs; run++) {
      for (const preset of presets) {
        const base = preset === "desktop" ? desktopConfig : { extends: "lighthouse:default" as const };
        const config = {
          ...base,
          settings: {
            ...(base.settings ?? {}),
            onlyCategories: ["performance"],
            onlyAudits: AUDITS,
            disableFullPageScreenshot: true,
          },
        };
        for (const [name, url] of Object.entries(pages)) {
          const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }, config);
          if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
          const lhr = result.lhr as unknown as Lhr;
          if (lhr.runWarnings.length) log(`  lighthouse warning (${name}, ${preset}): ${lhr.runWarnings.join("; ")}`);
          const figures = read(lhr);
          samples[preset][name] = [...(samples[preset][name] ?? []), figures];
          log(
            `  lighthouse ${preset} ${name} run ${run + 1}/${runs}: score ${round(figures.score, 0)}, LCP ${round(figures.lcp, 0)} ms`,
          );
        }
      }
    }
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  const out = { mobile: {}, desktop: {} } as Record<Preset, Record<string, LighthouseFigures>>;
  for (const preset of ["mobile", "desktop"] as const) {
    for (const [name, list] of Object.entries(samples[preset])) {
      const m = (k: keyof ReturnType<typeof read>) => median(list.map((s) => s[k] as number));
      const marks = list.map((s) => s.chartFinished).filter((v): v is number => v !== null);
      out[preset][name] = {
        runs: list.length,
        score: round(m("score"), 0),
        lcp: round(m("lcp"), 0),
        fcp: round(m("fcp"), 0),
        tbt: round(m("tbt"), 0),
        cls: round(m("cls"), 3),
        speedIndex: round(m("speedIndex"), 0),
        totalBytes: round(m("totalBytes"), 0),
        scriptBytes: round(m("scriptBytes"), 0),
        requests: round(m("requests"), 0),
        chartFinished: marks.length ? round(median(marks), 0) : null,
        scores: list.map((s) => round(s.score, 0)),
      };
    }
  }
  return out;
}
