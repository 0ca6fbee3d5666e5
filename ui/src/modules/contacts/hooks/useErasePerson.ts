import { useMutation, useQueryClient } from "@tanstack/react-query";
import { erasePerson } from "./lifecycleIpc";
import { refreshContacts } from "./lifecycleKeys";

export function useErasePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmation }: { id: string; confirmation: string }) => erasePerson(id, confirmation),
    onSuccess: () => refreshContacts(queryClient),
  });
}
