/**
 * Runtime APIs the app uses that are newer than its oldest supported browsers (vite.config.ts,
 * BROWSER_TARGETS), installed before any other module runs: main.tsx imports this first. Two
 * small ones by hand rather than a polyfill library; scripts/check-compat.ts lets exactly these
 * through its check of dist/.
 */

/** Installs what `realm` (a window's globals) lacks; a realm that has them is left alone. */
export function installPolyfills(realm: { Array: ArrayConstructor; Object: ObjectConstructor } = globalThis): void {
  const define = (owner: object, name: string, value: unknown) =>
    realm.Object.defineProperty(owner, name, { configurable: true, writable: true, value });

  // Array.prototype.at: Chrome 92, Safari 15.4. Used in app code and jsPDF's PNG decoder.
  if (!realm.Array.prototype.at) {
    define(realm.Array.prototype, "at", function at<T>(this: ArrayLike<T>, index: number): T | undefined {
      const n = Math.trunc(index) || 0;
      const k = n < 0 ? this.length + n : n;
      return k < 0 || k >= this.length ? undefined : this[k];
    });
  }

  // Object.hasOwn: Chrome 93, Firefox 92, Safari 15.4 (the URL codec).
  if (!realm.Object.hasOwn) {
    // biome-ignore lint/suspicious/noPrototypeBuiltins: this is the fallback for Object.hasOwn
    define(realm.Object, "hasOwn", (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key));
  }
}

installPolyfills();
