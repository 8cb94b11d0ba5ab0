/**
 * Where a heap's compiled code comes from, and how it grew between two heap snapshots of one page
 * (`npx tsx bench/screen.ts --snapshots DIR` keeps cycle 50's and the last one's):
 *
 *   npx tsx bench/code-origins.ts DIR/cycle-50.heapsnapshot DIR/cycle-500.heapsnapshot [--dist dist]
 *
 * Every node of type "code" (machine code, bytecode, deoptimisation data, function metadata) is
 * credited to the script of the nearest function that holds it (up its retainers to a closure's
 * SharedFunctionInfo, then its `script`), summed per script in each snapshot; a built chunk is
 * named by its file name and, from its source map, the packages its source is made of. Code whose
 * function's script has no URL is the harness's: Playwright's injected scripts (its clock among
 * them) and what `evaluate` compiles.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Bytes of "code" nodes per script URL ("" for none, "(no owner)" when no function holds them). */
export function codeByScript(file: string): Map<string, number> {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const { node_fields: nf, node_types, edge_fields: ef, edge_types } = s.snapshot.meta;
  const [N, E] = [nf.length, ef.length];
  const [iType, iName, iSize, iEdges] = ["type", "name", "self_size", "edge_count"].map((k) => nf.indexOf(k));
  const [eType, eName, eTo] = ["type", "name_or_index", "to_node"].map((k) => ef.indexOf(k));
  const [CODE, CLOSURE] = [node_types[0].indexOf("code"), node_types[0].indexOf("closure")];
  const [WEAK, ELEMENT, HIDDEN] = ["weak", "element", "hidden"].map((k) => edge_types[0].indexOf(k));
  const n = s.nodes.length / N;
  const first = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) first[i + 1] = first[i] + s.nodes[i * N + iEdges];
  const name = (i: number) => s.strings[s.nodes[i * N + iName]];
  const edgeTo = (i: number, label: string) => {
    for (let e = first[i]; e < first[i + 1]; e++) {
      const t = s.edges[e * E + eType];
      if (t !== ELEMENT && t !== HIDDEN && s.strings[s.edges[e * E + eName]] === label) return s.edges[e * E + eTo] / N;
    }
    return -1;
  };
  // Retainers (strong edges only), as a compressed list.
  const count = new Uint32Array(n + 1);
  for (let e = 0; e < s.edges.length / E; e++) if (s.edges[e * E + eType] !== WEAK) count[s.edges[e * E + eTo] / N + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const from = new Uint32Array(count[n]);
  const fill = count.slice(0, n);
  for (let i = 0; i < n; i++)
    for (let e = first[i]; e < first[i + 1]; e++) if (s.edges[e * E + eType] !== WEAK) from[fill[s.edges[e * E + eTo] / N]++] = i;
  const scriptOf = (sfi: number) => {
    const script = edgeTo(sfi, "script");
    return script < 0 ? "" : name(script).replace(/^system \/ Script( \/ )?/, "");
  };
  const owner = (start: number): string => {
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 0; depth < 6 && frontier.length; depth++) {
      const next: number[] = [];
      for (const j of frontier) {
        if (name(j).startsWith("system / SharedFunctionInfo")) return scriptOf(j);
        if (s.nodes[j * N + iType] === CLOSURE) {
          const shared = edgeTo(j, "shared");
          if (shared >= 0) return scriptOf(shared);
        }
        for (let r = count[j]; r < count[j + 1]; r++)
          if (!seen.has(from[r])) {
            seen.add(from[r]);
            next.push(from[r]);
          }
      }
      frontier = next;
    }
    return "(no owner)";
  };
  const bytes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (s.nodes[i * N + iType] !== CODE) continue;
    const key = owner(i);
    bytes.set(key, (bytes.get(key) ?? 0) + s.nodes[i * N + iSize]);
  }
  return bytes;
}

/** A built chunk's packages by share of its sources ("src" for ours), from its source map. */
function makeup(dist: string, url: string): string {
  const file = url.match(/\/assets\/([^/?#]+\.js)$/)?.[1];
  if (!file) return "";
  try {
    const map = JSON.parse(readFileSync(join(dist, "assets", `${file}.map`), "utf8")) as {
      sources: string[];
      sourcesContent?: (string | null)[];
    };
    const by = new Map<string, number>();
    map.sources.forEach((src, k) => {
      const pkg = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? "src";
      by.set(pkg, (by.get(pkg) ?? 0) + (map.sourcesContent?.[k]?.length ?? 0));
    });
    const total = [...by.values()].reduce((a, b) => a + b, 0) || 1;
    return [...by]
      .sort((a, b) => b[1] - a[1])
      .filter(([, v]) => v / total >= 0.05)
      .map(([k, v]) => `${k} ${Math.round((100 * v) / total)}%`)
      .join(", ");
  } catch {
    return "";
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { dist: { type: "string", default: "dist" } } });
  const [a, b] = positionals.map(codeByScript);
  const kb = (v = 0) => (v / 1024).toFixed(0).padStart(6);
  const rows = [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => (b.get(y) ?? 0) - (a.get(y) ?? 0) - ((b.get(x) ?? 0) - (a.get(x) ?? 0)),
  );
  console.log(`${"script".padEnd(34)} ${"KB A".padStart(6)} ${"KB B".padStart(6)}  growth  (chunk makeup)`);
  for (const k of rows) {
    const label = k === "" ? "(no URL: harness)" : (k.match(/[^/]+$/)?.[0] ?? k);
    const grown = (b.get(k) ?? 0) - (a.get(k) ?? 0);
    console.log(
      `${label.slice(0, 34).padEnd(34)} ${kb(a.get(k))} ${kb(b.get(k))} ${kb(grown)}  ${makeup(values.dist ?? "dist", k)}`,
    );
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  console.log(`${"all code".padEnd(34)} ${kb(sum(a))} ${kb(sum(b))} ${kb(sum(b) - sum(a))}`);
}
