import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Justification } from "../../../ipc/bindings";
import { setPrimaryContact } from "./lifecycleIpc";
import { refreshContacts } from "./lifecycleKeys";

export type SetPrimaryVariables = {
  id: string;
  siteId: string;
  confirmation: string;
  justification: Justification | null;
};

export function useSetPrimaryContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, siteId, confirmation, justification }: SetPrimaryVariables) =>
      setPrimaryContact(id, siteId, confirmation, justification),
    onSuccess: () => refreshContacts(queryClient),
  });
}
