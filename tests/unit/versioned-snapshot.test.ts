/**
 * Publishing a snapshot over one being read (mock/snapshot.ts `writeSnapshot`, used by
 * data:snapshot and data:import): the folder is never missing, every file is the new
 * version's once its meta.json is, and files the new version no longer has are removed last.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Dataset, generateDataset } from "../../mock/generate";
import { readSnapshot, snapshotFiles, writeSnapshot } from "../../mock/snapshot";

const dir = mkdtempSync(join(tmpdir(), "gd-versioned-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("publishing a snapshot over the published one", () => {
  it("replaces every file in the same folder, meta.json included, and drops what the new version lacks", async () => {
    const a = generateDataset();
    const out = join(dir, "v1");
    await writeSnapshot(a, out);
    const folder = statSync(out).ino;
    const dropped = a.indicators[a.indicators.length - 1].id;
    const observations = new Map(a.observations);
    observations.delete(dropped);
    const b: Dataset = {
      ...a,
      meta: { ...a.meta, dataVersion: "next" },
      indicators: a.indicators.filter((i) => i.id !== dropped),
      observations,
    };
    await writeSnapshot(b, out);
    // The same folder (no moment without it), holding exactly B's files.
    expect(statSync(out).ino).toBe(folder);
    const back = await readSnapshot(out);
    expect(back.meta.dataVersion).toBe("next");
    for (const [name, body] of snapshotFiles(b)) {
      expect(JSON.parse(readFileSync(join(out, name), "utf8")), name).toEqual(body);
    }
    expect(existsSync(join(out, "observations", `${dropped}.json`))).toBe(false);
    expect(existsSync(join(out, "observations", dropped, "province.json"))).toBe(false);
    // No temporary folder left beside it.
    expect(existsSync(join(dir, `.v1.tmp-${process.pid}`))).toBe(false);
  });
});
