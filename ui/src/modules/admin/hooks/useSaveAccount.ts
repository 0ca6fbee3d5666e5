import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveAccount } from "../../../ipc/admin";
import type { AccountInput } from "../../../ipc/bindings";
import { invalidate } from "../utils/invalidate";

export function useSaveAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: AccountInput }) => saveAccount(id, input),
    // Contacts show their account's name as the company.
    onSuccess: () => invalidate(queryClient, "listAccounts", "listContacts", "getContact"),
  });
}
