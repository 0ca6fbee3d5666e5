import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteView } from "./ipc";
import { listQueryKeys } from "./queryKeys";

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteView(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listQueryKeys.listSavedViews() }),
  });
}
