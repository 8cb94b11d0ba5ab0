import type * as z from "zod/mini";

/**
 * An object shape whose fields are built when zod first reads them (at the schema's first parse,
 * once: zod keeps what it read), not when the module runs: each field is given as a function
 * that builds its schema, and becomes a getter (zod's own way to declare fields lazily). Shorter
 * in the bundle than writing the getters out. See contract.ts for why.
 */
export function lazyFields<T extends Record<string, () => z.core.$ZodType>>(fields: T): { [K in keyof T]: ReturnType<T[K]> } {
  const shape = {};
  for (const key of Object.keys(fields)) Object.defineProperty(shape, key, { get: fields[key], enumerable: true });
  return shape as { [K in keyof T]: ReturnType<T[K]> };
}

/** A function that builds its value the first time it is called and then returns that same value. */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};
