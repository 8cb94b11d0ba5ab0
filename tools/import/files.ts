/**
 * The importer and the templates on the file system: inputs read from paths (a folder
 * stands for its .csv and .xlsx files), the snapshot written to a temporary folder and
 * swapped in whole only when the import succeeds.
 */
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeSnapshot } from "../../mock/snapshot";
import { csvName, toCsv, toXlsx } from "./export";
import { type ImportOptions, type ImportResult, importTables } from "./import";
import type { ImportInput } from "./read";
import { TEMPLATE_README, templateTables } from "./template";

const TABLE_FILE = /\.(csv|tsv|xlsx|xls)$/i;

/** The inputs at `paths`: files as given, folders as their .csv, .tsv and .xlsx files (not recursive), by name. */
export async function loadInputs(paths: readonly string[]): Promise<ImportInput[]> {
  const out: ImportInput[] = [];
  for (const p of paths) {
    const files = (await stat(p)).isDirectory()
      ? (await readdir(p))
          .filter((n) => TABLE_FILE.test(n) && !n.startsWith("~$")) // ~$…: Excel's lock files
          .sort()
          .map((n) => join(p, n))
      : [p];
    for (const f of files) out.push({ name: f, bytes: new Uint8Array(await readFile(f)) });
  }
  return out;
}

/**
 * Imports the files at `paths` into the snapshot folder `out`. On any error nothing is
 * written; on success the new snapshot replaces the old one in a single swap.
 */
export async function importFiles(
  paths: readonly string[],
  out: string | undefined,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const result = await importTables(await loadInputs(paths), options);
  if (result.ok && out !== undefined) await writeSnapshot(result.dataset, out);
  return result;
}

/** Writes the templates into `dir`: `template.xlsx`, and `csv/` with one file per table and a readme. */
export async function writeTemplates(dir: string): Promise<string[]> {
  const tables = templateTables();
  await mkdir(join(dir, "csv"), { recursive: true });
  const written = [join(dir, "template.xlsx")];
  await writeFile(written[0], await toXlsx(tables, TEMPLATE_README));
  for (const t of tables) {
    const file = join(dir, "csv", csvName(t));
    await writeFile(file, toCsv(t));
    written.push(file);
  }
  const readme = join(dir, "csv", "README.txt");
  await writeFile(readme, `\uFEFF${TEMPLATE_README.join("\r\n")}\r\n`);
  written.push(readme);
  return written;
}
