//! The one ELK instance of the app: in a Web Worker where there is one, in-thread otherwise.
import type { ELK } from "elkjs/lib/elk-api";
import ElkApi from "elkjs/lib/elk-api.js";
// A same-origin file emitted by Vite: the CSP allows `script-src 'self'` only, and the worker
// script uses no eval or new Function, so it runs in WebKitGTK and WebView2 alike.
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";

let instance: Promise<ELK> | null = null;

/** ELK in a worker in the app; tests and Node (no Worker) use the bundled in-thread build. */
export function getElk(): Promise<ELK> {
  if (!instance) {
    instance =
      typeof Worker === "undefined"
        ? import("elkjs/lib/elk.bundled.js").then((module) => new module.default())
        : Promise.resolve(new ElkApi({ workerFactory: () => new Worker(elkWorkerUrl) }));
  }
  return instance;
}
