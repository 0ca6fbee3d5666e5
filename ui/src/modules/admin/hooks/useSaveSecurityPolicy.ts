import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveSecurityPolicy } from "../../../ipc/admin";
import type { SecurityPolicy } from "../../../ipc/bindings";
import { queryKeys } from "../../../ipc/queryKeys";

export function useSaveSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SecurityPolicy) => saveSecurityPolicy(policy),
    onSuccess: (_, policy) => {
      queryClient.setQueryData(queryKeys.getSecurityPolicy(), policy);
      // The idle lock of the current session follows the policy.
      return queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() });
    },
  });
}
