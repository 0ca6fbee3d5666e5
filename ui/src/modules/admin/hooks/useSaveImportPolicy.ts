import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ImportPolicy } from "../../../ipc/bindings";
import { saveImportPolicy } from "../../../ipc/imports";
import { queryKeys } from "../../../ipc/queryKeys";

export function useSaveImportPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: ImportPolicy) => saveImportPolicy(policy),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.getImportPolicy(), saved),
  });
}
