/**
 * `npm run data:import -- <files or folders…> [--out public/data/v1] [--dry-run]
 *   [--data-version V] [--updated-at ISO] [--title-zh T] [--title-en T]
 *   [--encoding auto|utf-8|gb18030] [--derived-status estimated|preliminary|final]`
 * Imports a statistics office's tables (long format, CSV or XLSX) into a static snapshot of
 * contract v1, or lists what to fix and writes nothing. Exit code 1 on errors.
 */
import { parseArgs } from "node:util";
import { STATUSES, type Status } from "../src/api/contract";
import { importFiles } from "../tools/import/files";
import { DEFAULT_TITLE } from "../tools/import/import";
import { formatIssue } from "../tools/import/issues";
import type { Encoding } from "../tools/import/read";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: "public/data/v1" },
    "dry-run": { type: "boolean", default: false },
    "data-version": { type: "string" },
    "updated-at": { type: "string" },
    "title-zh": { type: "string", default: DEFAULT_TITLE.zh },
    "title-en": { type: "string", default: DEFAULT_TITLE.en },
    encoding: { type: "string", default: "auto" },
    "derived-status": { type: "string", default: "estimated" },
    "max-issues": { type: "string", default: "200" },
  },
});

const fail = (zh: string, en: string) => {
  console.error(`${zh} / ${en}`);
  process.exit(2);
};
if (positionals.length === 0) fail("请指定要导入的文件或文件夹", "name the files or folders to import");
if (!["auto", "utf-8", "gb18030"].includes(values.encoding as string))
  fail("--encoding 应为 auto、utf-8 或 gb18030", "--encoding: auto, utf-8 or gb18030");
if (!(STATUSES as readonly string[]).includes(values["derived-status"] as string)) {
  fail("--derived-status 应为 final、preliminary 或 estimated", "--derived-status: final, preliminary or estimated");
}

const started = performance.now();
const out = values["dry-run"] ? undefined : (values.out as string);
const result = await importFiles(positionals, out, {
  encoding: values.encoding as Encoding,
  dataVersion: values["data-version"],
  updatedAt: values["updated-at"],
  title: { zh: values["title-zh"] as string, en: values["title-en"] as string },
  derivedStatus: values["derived-status"] as Status,
});

for (const t of result.tables) {
  const where = t.sheet === undefined ? t.file : `${t.file} [${t.sheet}]`;
  console.log(`读取 read  ${where}: ${t.kind}, ${t.rows} 行 rows${t.encoding ? `, ${t.encoding}` : ""}`);
}
const max = Number(values["max-issues"]);
for (const issue of result.issues.slice(0, max)) (issue.severity === "error" ? console.error : console.log)(formatIssue(issue));
if (result.issues.length > max) console.log(`…… 另有 ${result.issues.length - max} 条 / ${result.issues.length - max} more`);

const errors = result.issues.filter((i) => i.severity === "error").length;
const warnings = result.issues.length - errors;
const count = (n: number, zh: string, en: string) => `${n} 个${zh} ${en}${n === 1 ? "" : "s"}`;
const ms = Math.round(performance.now() - started);
if (!result.ok) {
  console.error(
    `导入失败，未写入任何文件 / import failed, nothing written: ${count(errors, "错误", "error")}, ${count(warnings, "警告", "warning")}`,
  );
  process.exit(1);
}
for (const r of result.indicators) {
  const d = r.derived;
  const derived = d.province + d.city + d.county;
  console.log(
    `指标 indicator  ${r.id}: ${r.published} 个数值 values (${r.given} 个给出 given, ${derived} 个推算 derived${derived ? `: province ${d.province}, city ${d.city}, county ${d.county}` : ""})`,
  );
}
const { meta } = result.dataset;
console.log(
  `${out === undefined ? "检查通过，未写入（--dry-run） / check passed, nothing written (--dry-run)" : `导入成功 / imported → ${out}`}: ${count(result.indicators.length, "指标", "indicator")}, ${meta.firstYear}–${meta.lastYear}, dataVersion ${meta.dataVersion}, updatedAt ${meta.updatedAt}, ${count(warnings, "警告", "warning")} (${ms} ms)`,
);
