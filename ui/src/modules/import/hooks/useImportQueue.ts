import { useSyncExternalStore } from "react";
import type { ImportQueueState } from "../types/importFile";
import { importQueue } from "../utils/importQueue";

/** The import queue's current state; re-renders when it changes. */
export function useImportQueue(): ImportQueueState {
  return useSyncExternalStore(importQueue.subscribe, importQueue.getState);
}
