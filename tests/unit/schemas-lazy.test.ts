/**
 * The entry script imports the contract and config.json's schema (through src/api/config.ts);
 * building their zod schemas there was most of its first task on a phone (#15). They are built
 * when first parsed instead: at import only each exported schema's shell exists.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";

// zod calls this hook (internal; `zod/compile` installs one) with every schema it constructs.
type Hooked = ReturnType<typeof z.config> & { postProcessor?: (schema: z.ZodMiniType) => void };
const zodConfig = z.config() as Hooked;

/** The kinds (`def.type`) of the schemas zod constructs while `run` runs. */
async function built(run: () => Promise<unknown> | unknown): Promise<string[]> {
  const kinds: string[] = [];
  zodConfig.postProcessor = (schema) => kinds.push(schema._zod.def.type);
  try {
    await run();
  } finally {
    delete zodConfig.postProcessor;
  }
  return kinds;
}

describe("schemas built on first use", () => {
  afterEach(() => {
    delete zodConfig.postProcessor;
  });

  it("importing the config (and with it the contract and both data sources) builds no field's schema", async () => {
    vi.resetModules();
    const atImport = await built(() => import("../../src/api/config"));
    // Only shells: an object whose fields are getters, a z.lazy, strictObject's `never`.
    expect(atImport.filter((k) => !["object", "lazy", "never"].includes(k))).toEqual([]);
    expect(atImport.length).toBeLessThan(20);
  });

  it("builds a schema's fields at its first parse, once", async () => {
    vi.resetModules();
    const { parseConfig } = await import("../../src/api/config");
    const { MetaSchema } = await import("../../src/api/contract");
    const config = { dataSource: "static", baseUrl: "./data" };
    const first = await built(() => parseConfig(config));
    expect(first).toContain("enum"); // the hook sees what is built: this test can fail
    expect(await built(() => parseConfig(config))).toEqual([]);
    expect(MetaSchema.def.shape.title).toBe(MetaSchema.def.shape.title);
  });
});
