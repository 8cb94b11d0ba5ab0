/**
 * `npm run data:template [-- --out data-template]`: writes the import templates (an XLSX
 * workbook and the same tables as CSV files) with the project's catalogue, targets and
 * region codes, in both languages.
 */
import { parseArgs } from "node:util";
import { writeTemplates } from "../tools/import/files";

const { values } = parseArgs({ options: { out: { type: "string", default: "data-template" } } });
const written = await writeTemplates(values.out as string);
for (const f of written) console.log(`写入 wrote  ${f}`);
