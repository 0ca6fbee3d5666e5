#!/usr/bin/env node
// Times the org chart's ELK layout on generated reports-to forests of 500, 5,000 and 20,000
// people and prints one JSON line per size. Run: `node ui/scripts/bench-layout.mjs` (from the
// repository root) or `node scripts/bench-layout.mjs` (from ui/).
//
// The graph is built as layoutChart builds it (232×112 boxes, leaf reports stacked). ELK runs
// in-thread here (elk.bundled.js); the app runs the same code in a Web Worker.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const ELK = require("elkjs/lib/elk.bundled.js");

// A copy of ELK_TREE_OPTIONS in src/modules/relationships/chart/elkOptions.ts: plain Node cannot
// import TypeScript. elkOptions.test.ts fails when the two differ.
export const ELK_TREE_OPTIONS = {
  "elk.algorithm": "mrtree",
  "elk.direction": "DOWN",
  "elk.spacing.nodeNode": "24",
  "elk.mrtree.edgeRoutingMode": "MIDDLE_TO_MIDDLE",
  "elk.mrtree.weighting": "MODEL_ORDER",
  "elk.omitNodeMicroLayout": "true",
  "elk.spacing.componentComponent": "64",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};

const CARD_WIDTH = 232;
// CARD_HEIGHT + TOGGLE_SPACE of layoutChart.ts.
const BOX_HEIGHT = 84 + 28;
const STACK_ROWS = 6;

/**
 * One tree per 1,000 people, each manager with up to six reports, filled breadth first; built as
 * layoutChart builds it: reports without reports of their own are chained in columns of six.
 */
function forest(size, fan = 6) {
  const roots = Math.max(1, Math.round(size / 1000));
  const children = [];
  const reportsOf = new Map();
  for (let i = 0; i < size; i += 1) {
    children.push({ id: `p${i}`, width: CARD_WIDTH, height: BOX_HEIGHT });
    if (i >= roots) {
      const manager = `p${Math.floor((i - roots) / fan)}`;
      if (!reportsOf.has(manager)) reportsOf.set(manager, []);
      reportsOf.get(manager).push(`p${i}`);
    }
  }
  const edges = [];
  for (const [manager, reports] of reportsOf) {
    const stacked = reports.length >= 2 && reports.every((report) => !reportsOf.has(report));
    if (!stacked) {
      for (const report of reports) edges.push({ id: `e${report}`, sources: [manager], targets: [report] });
      continue;
    }
    const columns = Math.ceil(reports.length / STACK_ROWS);
    const rows = Math.ceil(reports.length / columns);
    for (let column = 0; column < columns; column += 1) {
      const members = reports.slice(column * rows, (column + 1) * rows);
      members.forEach((report, row) => {
        edges.push({ id: `e${report}`, sources: [row === 0 ? manager : members[row - 1]], targets: [report] });
      });
    }
  }
  return { id: "root", layoutOptions: ELK_TREE_OPTIONS, children, edges, roots };
}

async function main() {
  const elk = new ELK();
  // The first layout also compiles ELK's code; the app pays that once per session, not per chart.
  const warmStarted = performance.now();
  await elk.layout(forest(200));
  const warmUpMs = Math.round(performance.now() - warmStarted);
  for (const size of [500, 5000, 20000]) {
    const { roots, ...graph } = forest(size);
    const started = performance.now();
    const result = await elk.layout(graph);
    const ms = Math.round(performance.now() - started);
    const width = Math.round(result.width ?? 0);
    const height = Math.round(result.height ?? 0);
    console.log(
      JSON.stringify({ people: size, trees: roots, ms, warmUpMs, width, height, algorithm: "mrtree", node: process.version }),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
