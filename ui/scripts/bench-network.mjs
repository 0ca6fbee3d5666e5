#!/usr/bin/env node
// Times the network view's ELK layout on generated graphs (40 people / 120 relationships, the
// largest network layoutNetwork gives ELK; 500 / 2,000; 5,000 / 50,000) and prints one JSON line
// per size. Each layout runs in a worker thread that is stopped after BENCH_BUDGET_MS (default
// 60,000): ELK's stress layout does not finish 5,000 people in any useful time, which is why
// layoutNetwork places networks above 40 people in rings instead (5,000 / 50,000 in about 0.3 s,
// logged by layoutNetwork.test.ts). Run: `node ui/scripts/bench-network.mjs` (from the repository
// root) or `node scripts/bench-network.mjs` (from ui/). Optional arguments: an algorithm
// (stress, force…) and sizes as people:relationships pairs, e.g. `force 200:600,500:2000`.
//
// ELK runs in-thread in the worker thread (elk.bundled.js); the app runs the same code in a Web Worker.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const ELK = require("elkjs/lib/elk.bundled.js");

// A copy of ELK_NETWORK_OPTIONS in src/modules/relationships/network/layoutNetwork.ts: plain Node
// cannot import TypeScript. Keep the two equal.
export const ELK_NETWORK_OPTIONS = {
  "elk.algorithm": "stress",
  "elk.stress.desiredEdgeLength": "150",
  "elk.stress.iterationLimit": "60",
  "elk.stress.epsilon": "0.01",
  "elk.omitNodeMicroLayout": "true",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};
// NODE_SIZE of layoutNetwork.ts.
const NODE_SIZE = 36;

/** A connected random graph: a random spanning tree, then random extra edges up to `edgeCount`. */
function graph(size, edgeCount, options) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const children = [];
  const edges = [];
  for (let i = 0; i < size; i += 1) {
    children.push({ id: `p${i}`, width: NODE_SIZE, height: NODE_SIZE });
    if (i > 0) edges.push({ id: `e${edges.length}`, sources: [`p${Math.floor(random() * i)}`], targets: [`p${i}`] });
  }
  while (edges.length < edgeCount) {
    const a = Math.floor(random() * size);
    const b = Math.floor(random() * size);
    if (a !== b) edges.push({ id: `e${edges.length}`, sources: [`p${a}`], targets: [`p${b}`] });
  }
  return { id: "root", layoutOptions: options, children, edges };
}

/** In the worker thread: warm ELK up on a small graph, then time one layout. */
async function measure({ people, relationships, options }) {
  const elk = new ELK();
  const warmStarted = performance.now();
  await elk.layout(graph(20, 40, options));
  const warmUpMs = Math.round(performance.now() - warmStarted);
  const input = graph(people, relationships, options);
  const started = performance.now();
  const result = await elk.layout(input);
  const ms = Math.round(performance.now() - started);
  const nan = (result.children ?? []).filter((child) => !Number.isFinite(child.x) || !Number.isFinite(child.y)).length;
  return { ms, warmUpMs, width: Math.round(result.width ?? 0), height: Math.round(result.height ?? 0), nan };
}

function inWorker(job, budgetMs) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ms: null, timedOutAfterMs: budgetMs });
    }, budgetMs);
    worker.once("message", (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function main() {
  const algorithm = process.argv[2];
  const options = algorithm ? { ...ELK_NETWORK_OPTIONS, "elk.algorithm": algorithm } : ELK_NETWORK_OPTIONS;
  const sizes = (process.argv[3] ?? "40:120,500:2000,5000:50000").split(",").map((pair) => pair.split(":").map(Number));
  const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 60_000);
  for (const [people, relationships] of sizes) {
    const result = await inWorker({ people, relationships, options }, budgetMs);
    console.log(
      JSON.stringify({ people, relationships, ...result, algorithm: options["elk.algorithm"], node: process.version }),
    );
  }
}

if (!isMainThread) {
  measure(workerData).then((result) => parentPort?.postMessage(result));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
