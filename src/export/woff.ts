/**
 * WOFF 1.0 → OpenType/TrueType (W3C WOFF File Format 1.0, §4–5): the font's tables, each
 * zlib-compressed or stored, written back into an sfnt with its table directory. Pure; the
 * inflate function is passed in (fflate in the browser and in tests).
 */

const WOFF = 0x774f4646; // "wOFF"

/** The sfnt inside a WOFF 1.0 file. Throws on anything else (WOFF2 included). */
export function woffToSfnt(woff: Uint8Array, inflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || src.getUint32(0) !== WOFF) throw new Error("not a WOFF 1.0 font");
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => src.getUint32(at + k));
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflate(raw) : raw;
    if (data.byteLength !== origLength)
      throw new Error(`WOFF table ${tag.toString(16)}: ${data.byteLength} bytes, expected ${origLength}`);
    return { tag, checksum, data };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const total = tables.reduce((s, t) => s + pad4(t.data.byteLength), headerSize);
  const out = new Uint8Array(total);
  const dst = new DataView(out.buffer);
  // The offset table: binary-search fields as the OpenType spec defines them.
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 2 ** entrySelector * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    dst.setUint32(at, t.tag);
    dst.setUint32(at + 4, t.checksum);
    dst.setUint32(at + 8, offset);
    dst.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += pad4(t.data.byteLength);
  });
  return out;
}
