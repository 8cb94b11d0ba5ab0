/**
 * The briefing's font: Noto Sans SC Regular (SIL Open Font License 1.1), as fontsource cuts it
 * into ~100 WOFF slices by unicode-range (Google Fonts' slicing, most used characters together).
 * The slices and their ranges live in public/fonts/noto-sans-sc/ and are fetched from the
 * site, relative to the page (sub-path deployments work; same origin, so `connect-src 'self'`
 * allows it), and only those holding a character of the document.
 */

/** A slice's name and the code point ranges it covers. */
export type SliceTable = readonly (readonly [name: string, ranges: readonly (readonly [number, number])[]])[];

/** Where a document's fonts come from: the site in the browser, the disk in tests. */
export interface FontSource {
  table(): Promise<SliceTable>;
  /** Each named slice's bytes (WOFF). */
  load(names: readonly string[]): Promise<Map<string, Uint8Array>>;
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(css: string): [number, number][] {
  return css
    .split(",")
    .map((part) => part.trim().replace(/^U\+/i, ""))
    .filter(Boolean)
    .map((part) => {
      const [a, b = a] = part.split("-");
      return [Number.parseInt(a, 16), Number.parseInt(b, 16)] as [number, number];
    });
}

/**
 * The slice table from fontsource's unicode.json ({"latin": "U+…", "[12]": "U+…"}). Latin first:
 * it is in every document (digits, "?"), and where slices overlap (general punctuation) the
 * character is then taken from a slice already loaded.
 */
export function sliceTable(json: Record<string, string>): SliceTable {
  const name = (key: string) => key.replace(/^\[|\]$/g, "");
  const entries = Object.entries(json).map(([key, css]) => [name(key), parseUnicodeRange(css)] as const);
  const rank = (n: string) => (n === "latin" ? 0 : /^\d+$/.test(n) ? 2 : 1);
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** The slice that holds code point `cp`, or null when none does. */
export function sliceOf(cp: number, table: SliceTable): string | null {
  for (const [name, ranges] of table) {
    for (const [a, b] of ranges) if (cp >= a && cp <= b) return name;
  }
  return null;
}

/** Every character of `texts` with its slice (null: no slice has it; it prints as "?"). */
export function charSlices(texts: readonly string[], table: SliceTable): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const text of texts) {
    for (const ch of text) {
      if (!out.has(ch)) out.set(ch, sliceOf(ch.codePointAt(0) as number, table));
    }
  }
  return out;
}

const DIR = "fonts/noto-sans-sc/";

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const cache = new Map<string, Promise<Uint8Array>>();
let tablePromise: Promise<SliceTable> | null = null;

/** The font from the built site, relative to the page; each slice fetched once per page. */
export function siteFonts(base: string = document.baseURI): FontSource {
  const url = (file: string) => new URL(DIR + file, base);
  return {
    table() {
      tablePromise ??= fetchBytes(url("unicode.json")).then((b) => sliceTable(JSON.parse(new TextDecoder().decode(b))));
      // A failed fetch is not kept: the next export tries again.
      tablePromise.catch(() => {
        tablePromise = null;
      });
      return tablePromise;
    },
    async load(names) {
      const bytes = await Promise.all(
        names.map((n) => {
          let p = cache.get(n);
          if (!p) {
            p = fetchBytes(url(`${n}.woff`));
            cache.set(n, p);
            p.catch(() => cache.delete(n));
          }
          return p;
        }),
      );
      return new Map(names.map((n, i) => [n, bytes[i]]));
    },
  };
}

/** Every string inside a value (an ECharts option: names, labels, titles), to know the characters a chart draws. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** "U+0-ff,U+131": a slice's ranges as CSS unicode-range. */
const unicodeRange = (ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(",");

/** The family under which the briefing's charts find the font (after the page's own sans-serif). */
export const CHART_FAMILY = "Briefing Noto Sans SC";

/**
 * Makes the font's slices that `texts` need available to canvas drawing as CHART_FAMILY: a chart
 * drawn for the briefing then has its Chinese even where the system has no Chinese font (as
 * in CI's Chromium), in the same face as the PDF's text. From the bytes already fetched, so
 * neither CSP's font-src nor a second download is involved.
 */
export async function loadChartFaces(texts: readonly string[], fonts: FontSource): Promise<void> {
  if (typeof FontFace === "undefined" || !document.fonts) return;
  const table = await fonts.table();
  const names = [...new Set([...charSlices(texts, table).values()].filter((n): n is string => n !== null))];
  const bytes = await fonts.load(names);
  const ranges = new Map(table);
  const added = names.filter((n) => !loadedFaces.has(n));
  await Promise.all(
    added.map((n) => {
      loadedFaces.add(n);
      const face = new FontFace(CHART_FAMILY, (bytes.get(n) as Uint8Array).slice().buffer, {
        unicodeRange: unicodeRange(ranges.get(n) ?? []),
      });
      document.fonts.add(face);
      return face.load();
    }),
  );
}
/** Slices already added to document.fonts (once per page). */
const loadedFaces = new Set<string>();
