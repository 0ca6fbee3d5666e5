#!/usr/bin/env node
// Times the org chart's layout on generated reports-to forests of 500, 5,000 and 20,000 people
// and prints one JSON line per size. Run: `node ui/scripts/bench-layout.mjs` (from the repository
// root) or `node scripts/bench-layout.mjs` (from ui/). `--no-elk` skips the ELK comparison line.
//
// The layout and the forests are the app's own TypeScript modules (layoutChart.ts and the chart's
// test fixtures), loaded through Vite's module runner: plain Node cannot import TypeScript, and a
// copy of the layout here could drift from what the app runs. The timed call is the whole
// layoutChart, from people and relationships to placed cards and routed lines.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runnerImport } from "vite";

const chartDir = resolve(dirname(fileURLToPath(import.meta.url)), "../src/modules/relationships/chart");

async function load(file) {
  const { module } = await runnerImport(resolve(chartDir, file), { configFile: false, logLevel: "error" });
  return module;
}

// The ELK mrtree graph the chart laid out before it moved to d3-hierarchy, kept only to compare
// against: 232×112 boxes (card plus toggle room), leaf reports chained in columns of six.
const ELK_TREE_OPTIONS = {
  "elk.algorithm": "mrtree",
  "elk.direction": "DOWN",
  "elk.spacing.nodeNode": "24",
  "elk.mrtree.edgeRoutingMode": "MIDDLE_TO_MIDDLE",
  "elk.mrtree.weighting": "MODEL_ORDER",
  "elk.omitNodeMicroLayout": "true",
  "elk.spacing.componentComponent": "64",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};

function elkGraph(people, relationships, stackRows) {
  const reportsOf = new Map();
  for (const { fromId, toId } of relationships) {
    if (!reportsOf.has(toId)) reportsOf.set(toId, []);
    reportsOf.get(toId).push(fromId);
  }
  const edges = [];
  for (const [manager, reports] of reportsOf) {
    const stacked = reports.length >= 2 && reports.every((report) => !reportsOf.has(report));
    if (!stacked) {
      for (const report of reports) edges.push({ id: `e${report}`, sources: [manager], targets: [report] });
      continue;
    }
    const columns = Math.ceil(reports.length / stackRows);
    const rows = Math.ceil(reports.length / columns);
    for (let column = 0; column < columns; column += 1) {
      const members = reports.slice(column * rows, (column + 1) * rows);
      members.forEach((report, row) => {
        edges.push({ id: `e${report}`, sources: [row === 0 ? manager : members[row - 1]], targets: [report] });
      });
    }
  }
  const children = people.map((person) => ({ id: person.id, width: 232, height: 84 + 28 }));
  return { id: "root", layoutOptions: ELK_TREE_OPTIONS, children, edges };
}

async function timeElk(generateForest, stackRows, size) {
  const require = createRequire(import.meta.url);
  const ELK = require("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const warm = generateForest(200);
  await elk.layout(elkGraph(warm.people, warm.relationships, stackRows));
  const { people, relationships } = generateForest(size);
  const started = performance.now();
  const result = await elk.layout(elkGraph(people, relationships, stackRows));
  const ms = Math.round(performance.now() - started);
  return { ms, width: Math.round(result.width ?? 0), height: Math.round(result.height ?? 0) };
}

async function main() {
  const { layoutChart, STACK_ROWS } = await load("layoutChart.ts");
  // One tree per 1,000 people, up to six reports each, filled breadth first.
  const { generateForest } = await load("testing/chartFixtures.ts");

  // The first layouts also compile the code; the app pays that once per session, not per chart.
  const warmStarted = performance.now();
  for (let i = 0; i < 3; i += 1) {
    const warm = generateForest(2000);
    layoutChart(warm.people, warm.relationships, new Set());
  }
  const warmUpMs = Math.round(performance.now() - warmStarted);

  for (const size of [500, 5000, 20000]) {
    const { people, relationships } = generateForest(size);
    const started = performance.now();
    const layout = layoutChart(people, relationships, new Set());
    const ms = Math.round(performance.now() - started);
    if (layout.nodes.length !== size) throw new Error(`${layout.nodes.length} of ${size} people placed`);
    const trees = layout.nodes.filter((node) => node.placement === "tree" && node.parentId === null).length;
    const width = Math.round(layout.width);
    const height = Math.round(layout.height);
    console.log(
      JSON.stringify({ people: size, trees, ms, warmUpMs, width, height, algorithm: "d3-tree", node: process.version }),
    );
  }

  if (!process.argv.includes("--no-elk")) {
    const size = 5000;
    const trees = Math.round(size / 1000);
    const { ms, width, height } = await timeElk(generateForest, STACK_ROWS, size);
    console.log(
      JSON.stringify({ people: size, trees, ms, width, height, algorithm: "elk-mrtree (before)", node: process.version }),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
