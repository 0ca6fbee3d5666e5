import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportPreview, ImportProgress, ImportRequest } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { cancelImport, previewImport } from "../../../ipc/imports";
import { handleSessionError } from "../../session/utils/sessionCache";
import type { PreviewView } from "../types/previewView";
import { isCancelled, isRequestProblem } from "../utils/importErrors";
import { importQueue } from "../utils/importQueue";

/** Choices made in quick succession (typing, clicking through options) start one check. */
export const PREVIEW_DEBOUNCE_MS = 300;

type Check = {
  fileId: string;
  /** The request, as JSON: which choices this check answers. */
  key: string;
  status: "running" | "done" | "cancelled" | "failed";
  progress: ImportProgress | null;
  cancelling: boolean;
  preview: ImportPreview | null;
  error: unknown;
};

/** A file whose check was dropped half-way is back to waiting (unless something else moved it on). */
function backToWaiting(fileId: string) {
  const file = importQueue.getState().files.find((candidate) => candidate.grant.id === fileId);
  if (file?.status === "previewing") importQueue.setStatus(fileId, "waiting");
}

/**
 * Checks the file with the request (a dry run) shortly after either changes, and again on
 * `retry`. A newer check supersedes an older one: the older is cancelled in the core and its late
 * answer ignored, as the bulk actions do with their run counter. `request` null checks nothing.
 */
export function useImportPreview(fileId: string | null, request: ImportRequest | null) {
  const queryClient = useQueryClient();
  const key = fileId && request ? JSON.stringify(request) : null;
  const [check, setCheck] = useState<Check | null>(null);
  // Only the latest check may change what is shown.
  const runRef = useRef(0);
  // The file whose check the core is running, if any.
  const inFlightRef = useRef<string | null>(null);

  const abandon = useCallback(() => {
    runRef.current += 1;
    const inFlight = inFlightRef.current;
    if (!inFlight) return;
    inFlightRef.current = null;
    backToWaiting(inFlight);
    void cancelImport().catch(() => undefined);
  }, []);

  const start = useCallback(
    async (id: string, requestKey: string) => {
      const run = ++runRef.current;
      const previous = inFlightRef.current;
      inFlightRef.current = id;
      setCheck((current) => ({
        fileId: id,
        key: requestKey,
        status: "running",
        progress: null,
        cancelling: false,
        preview: current?.fileId === id ? current.preview : null,
        error: null,
      }));
      if (previous && previous !== id) backToWaiting(previous);
      importQueue.setStatus(id, "previewing");
      if (previous) {
        // The core runs one check at a time well; stop the superseded one first.
        await cancelImport().catch(() => undefined);
        if (run !== runRef.current) return;
      }
      const settle = (change: Partial<Check>) => {
        inFlightRef.current = null;
        setCheck((current) => (current ? { ...current, progress: null, cancelling: false, ...change } : current));
      };
      try {
        const preview = await previewImport(id, JSON.parse(requestKey) as ImportRequest, (progress) => {
          if (run !== runRef.current) return;
          setCheck((current) => (current?.status === "running" ? { ...current, progress } : current));
        });
        if (run !== runRef.current) return;
        settle({ status: "done", preview });
        importQueue.setStatus(id, preview.refused ? "refused" : "ready", preview.refused?.message ?? null);
      } catch (error) {
        if (run !== runRef.current) return;
        if (isCancelled(error)) {
          settle({ status: "cancelled" });
          importQueue.setStatus(id, "waiting");
          return;
        }
        settle({ status: "failed", error });
        if (handleSessionError(queryClient, error) || isRequestProblem(error)) {
          // The choices, not the file, are at fault (e.g. a site outside the user's area).
          importQueue.setStatus(id, "waiting");
        } else {
          importQueue.setStatus(id, "failed", formatIpcError(error).message);
        }
      }
    },
    [queryClient],
  );

  useEffect(() => {
    if (!fileId || key === null) {
      abandon();
      return;
    }
    const timer = window.setTimeout(() => void start(fileId, key), PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [fileId, key, start, abandon]);

  // Leaving the page stops a check still running.
  useEffect(() => abandon, [abandon]);

  const cancel = useCallback(() => {
    if (!inFlightRef.current) return;
    setCheck((current) => (current?.status === "running" ? { ...current, cancelling: true } : current));
    void cancelImport().catch((error: unknown) => {
      setCheck((current) => (current?.status === "running" ? { ...current, cancelling: false } : current));
      handleSessionError(queryClient, error);
    });
  }, [queryClient]);

  /** Checks again now (after a cancel or a failure). */
  const retry = useCallback(() => {
    if (fileId && key !== null) void start(fileId, key);
  }, [fileId, key, start]);

  let view: PreviewView;
  if (!fileId || key === null) {
    view = { status: "idle" };
  } else if (!check || check.fileId !== fileId) {
    view = { status: "checking", progress: null, cancelling: false, preview: null };
  } else if (check.key !== key || check.status === "running") {
    view = {
      status: "checking",
      progress: check.key === key ? check.progress : null,
      cancelling: check.key === key && check.cancelling,
      preview: check.preview,
    };
  } else if (check.status === "done" && check.preview) {
    view = { status: "done", preview: check.preview };
  } else if (check.status === "cancelled") {
    view = { status: "cancelled", preview: check.preview };
  } else {
    view = { status: "failed", error: check.error, preview: check.preview };
  }

  return { view, cancel, retry };
}
