import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ContactInput } from "../../../../ipc/bindings";
import { createContact } from "../ipc";

/** Creates the contact; the lists and counts show it from then on. */
export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => createContact(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["listContacts"] });
      void queryClient.invalidateQueries({ queryKey: ["countContacts"] });
    },
  });
}
