import { useMutation, useQueryClient } from "@tanstack/react-query";
import { exportPerson } from "./lifecycleIpc";

export function useExportPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => exportPerson(id),
    // The export is recorded in the audit trail: the page's history may show it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["contactHistory"] }),
  });
}
