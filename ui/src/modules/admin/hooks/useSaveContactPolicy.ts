import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LifecyclePolicy } from "../../../ipc/bindings";
import { saveContactPolicy } from "../../contacts/hooks/lifecycleIpc";
import { lifecycleKeys } from "../../contacts/hooks/lifecycleKeys";

export function useSaveContactPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: LifecyclePolicy) => saveContactPolicy(policy),
    onSuccess: (_, policy) => {
      queryClient.setQueryData(lifecycleKeys.getContactPolicy(), policy);
      // The retention period decides who is due for erasure; the verification period, the findings.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: lifecycleKeys.listErasureDue() }),
        queryClient.invalidateQueries({ queryKey: ["getContact"] }),
      ]);
    },
  });
}
