/**
 * Seeded randomness for the generator. Every draw is keyed by what it is for (indicator,
 * region, purpose), so that adding an indicator or a region never shifts anyone else's
 * numbers and the output is byte-identical on every run.
 */

/** cyrb53: a fast 53-bit string hash (public domain), used only to derive seeds. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A uniform [0, 1) generator (mulberry32) seeded from a key. */
export function rng(...key: (string | number)[]): () => number {
  let a = hash(key.join("|")) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One standard normal draw for a key (Box–Muller). */
export function normal(...key: (string | number)[]): number {
  const next = rng(...key);
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** One uniform [0, 1) draw for a key. */
export const uniform = (...key: (string | number)[]): number => rng(...key)();
