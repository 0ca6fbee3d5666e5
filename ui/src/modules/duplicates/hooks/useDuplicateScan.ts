import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { DuplicateGroup, DuplicateScan, DuplicateScanProgress } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { cancelDuplicateScan, scanDuplicates } from "../../../ipc/duplicates";

export type FinishedScan = {
  scan: DuplicateScan;
  minScore: number;
  finishedAt: Date;
  /** The groups each merge (by id) took out of the list, put back if it is undone. */
  setAside?: Record<string, DuplicateGroup[]>;
};

export type ScanState =
  | { phase: "idle" }
  | { phase: "running"; progress: DuplicateScanProgress | null }
  | { phase: "cancelled" }
  | { phase: "failed"; error: unknown };

/** The last finished scan is kept for the session, so opening a contact and coming back keeps it. */
export const LAST_SCAN = ["duplicateScan", "last"] as const;

/** Runs the duplicate scan with its progress and cancel, and remembers the last result. */
export function useDuplicateScan() {
  const client = useQueryClient();
  const last = useQuery<FinishedScan | null>({
    queryKey: LAST_SCAN,
    queryFn: () => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const [state, setState] = useState<ScanState>({ phase: "idle" });

  const start = useCallback(
    (minScore: number) => {
      setState({ phase: "running", progress: null });
      scanDuplicates({ minScore }, (progress) => setState({ phase: "running", progress })).then(
        (scan) => {
          const finished: FinishedScan = { scan, minScore, finishedAt: new Date() };
          client.setQueryData(LAST_SCAN, finished);
          setState({ phase: "idle" });
        },
        (error: unknown) => {
          setState(isIpcError(error) && error.code === "cancelled" ? { phase: "cancelled" } : { phase: "failed", error });
        },
      );
    },
    [client],
  );

  const cancel = useCallback(() => {
    void cancelDuplicateScan();
  }, []);

  return { state, last: last.data ?? null, start, cancel };
}
