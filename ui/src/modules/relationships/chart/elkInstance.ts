//! The one ELK instance of the app: in a Web Worker where there is one, in-thread otherwise.
import type { ELK, ElkNode } from "elkjs/lib/elk-api";
import ElkApi from "elkjs/lib/elk-api.js";
// A same-origin file emitted by Vite: the CSP allows `script-src 'self'` only, and the worker
// script uses no eval or new Function, so it runs in WebKitGTK and WebView2 alike.
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";

/** What the chart needs of ELK (the worker and the in-thread build both provide it). */
export type LayoutEngine = { layout: (graph: ElkNode) => Promise<ElkNode> };

let instance: Promise<LayoutEngine> | null = null;

function inThread(): Promise<LayoutEngine> {
  return import("elkjs/lib/elk.bundled.js").then((module) => {
    const elk: ELK = new module.default();
    return { layout: (graph) => elk.layout(graph) };
  });
}

/**
 * ELK's worker API never settles a layout when the worker script fails to load or crashes, so
 * the worker's error event rejects the pending layouts and the chart falls back to in-thread ELK
 * (slower, blocks the page while it runs, but the same code and no eval either).
 */
function inWorker(): LayoutEngine {
  let failed: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failure.catch(() => {});
  const elk = new ElkApi({
    workerFactory: () => {
      const worker = new Worker(elkWorkerUrl);
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        failed(new Error(event.message || "The layout worker stopped."));
      });
      return worker;
    },
  });
  return {
    layout: async (graph) => {
      try {
        return await Promise.race([elk.layout(graph), failure]);
      } catch (error) {
        console.warn("Org chart: the layout worker failed; laying out in the page instead.", error);
        elk.terminateWorker();
        instance = inThread();
        return (await instance).layout(graph);
      }
    },
  };
}

/** ELK in a worker in the app; tests and Node (no Worker) use the bundled in-thread build. */
export function getElk(): Promise<LayoutEngine> {
  if (!instance) instance = typeof Worker === "undefined" ? inThread() : Promise.resolve(inWorker());
  return instance;
}
