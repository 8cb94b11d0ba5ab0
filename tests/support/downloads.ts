import { vi } from "vitest";

/**
 * Catches what the export menu downloads (jsdom has no object URLs and no downloads): each
 * file's name and blob, in order. Restore with `vi.restoreAllMocks()`.
 */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const files: { name: string; blob: Blob }[] = [];
  URL.createObjectURL ??= () => "";
  URL.revokeObjectURL ??= () => {};
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const index = Number(this.href.split("/").pop()) - 1;
    files.push({ name: this.download, blob: blobs[index] });
  });
  let seen = 0;
  return {
    /** A file's text as written, byte order mark included (Blob.text() would drop it). */
    async text(file: { blob: Blob }): Promise<string> {
      return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await file.blob.arrayBuffer());
    },
    /** Waits for the next download(s) since the last call. */
    async next(timeout = 5000): Promise<{ name: string; blob: Blob }[]> {
      const start = Date.now();
      while (files.length === seen) {
        if (Date.now() - start > timeout) throw new Error("no download");
        await new Promise((r) => setTimeout(r, 20));
      }
      const out = files.slice(seen);
      seen = files.length;
      return out;
    },
  };
}
