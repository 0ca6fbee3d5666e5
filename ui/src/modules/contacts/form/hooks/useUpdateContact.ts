import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ContactInput, Justification } from "../../../../ipc/bindings";
import { queryKeys } from "../../../../ipc/queryKeys";
import { updateContact } from "../ipc";

export type UpdateContactArgs = {
  id: string;
  version: number;
  input: ContactInput;
  justification: Justification | null;
};

/** Saves an edit made from `version`; the detail page, its history and the lists show the result. */
export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input, justification }: UpdateContactArgs) => updateContact(id, version, input, justification),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.getContact(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.contactHistory(saved.id) });
      void queryClient.invalidateQueries({ queryKey: ["listContacts"] });
      void queryClient.invalidateQueries({ queryKey: ["countContacts"] });
    },
  });
}
