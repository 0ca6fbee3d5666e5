import { useMutation, useQueryClient } from "@tanstack/react-query";
import { undoImport } from "../../../ipc/imports";
import { refreshAfterImport } from "../utils/refreshAfterImport";

/** Undoes a whole import: its new contacts go, the contacts it updated are put back. */
export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => undoImport(importId),
    onSettled: () => refreshAfterImport(queryClient),
  });
}
