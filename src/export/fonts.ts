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
