/** `npm run data:snapshot [-- --out DIR] [--seed S]`: writes the simulated dataset as a static snapshot. */
import { parseArgs } from "node:util";
import { DEFAULT_SEED, generateDataset } from "../mock/generate";
import { writeSnapshot } from "../mock/snapshot";

const { values } = parseArgs({
  options: { out: { type: "string", default: "public/data/v1" }, seed: { type: "string", default: DEFAULT_SEED } },
});
const started = performance.now();
const data = generateDataset({ seed: values.seed });
await writeSnapshot(data, values.out as string);
const rows = [...data.observations.values()].reduce((s, o) => s + o.length, 0);
console.log(
  `snapshot: ${data.indicators.length} indicators, ${data.regions.length} regions, ${rows} observations → ${values.out} (${Math.round(performance.now() - started)} ms)`,
);
