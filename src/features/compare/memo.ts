/**
 * Results kept by the identity of their inputs (observation arrays from the query cache, the
 * indicator as shown, a benchmark's members) and a string for the plain rest (level, period,
 * scale). Panels asking for the same benchmark path, ranking rows or measured series compute
 * it once between them, and a new landing recomputes only what its own array feeds. The keys
 * are weak: an entry goes with the arrays it was computed from.
 */
interface Node {
  next: WeakMap<object, Node>;
  values: Map<string, unknown>;
}

const node = (): Node => ({ next: new WeakMap(), values: new Map() });
const root = node();

/** `compute()`, or what it returned before for the same objects (by identity) and `key`. */
export function memoBy<T>(refs: readonly object[], key: string, compute: () => T): T {
  let at = root;
  for (const ref of refs) {
    let next = at.next.get(ref);
    if (!next) {
      next = node();
      at.next.set(ref, next);
    }
    at = next;
  }
  if (at.values.has(key)) return at.values.get(key) as T;
  const value = compute();
  at.values.set(key, value);
  return value;
}

/** Stands for an input that is absent (a sum has no weights), as a key. */
export const NONE: object = {};
