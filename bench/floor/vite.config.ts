/**
 * The floor page's build: the dashboard's own Vite config (plugins, target, base, CSP), with
 * this folder as the root. The output goes under bench/results/, which git and Biome ignore.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vite";
import project from "../../vite.config";

const here = fileURLToPath(new URL(".", import.meta.url));

export default mergeConfig(
  project,
  defineConfig({
    root: here,
    publicDir: false,
    build: { outDir: fileURLToPath(new URL("../results/floor/dist", import.meta.url)), emptyOutDir: true },
  }),
);
