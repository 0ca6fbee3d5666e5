import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveSite } from "../../../ipc/admin";
import type { SiteInput } from "../../../ipc/bindings";
import { invalidate } from "../utils/invalidate";

export function useSaveSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: SiteInput }) => saveSite(id, input),
    // A site moved to another territory moves its contacts' scope: lists, counts and details change.
    onSuccess: () =>
      invalidate(queryClient, "listSites", "listAccounts", "listRegions", "listContacts", "countContacts", "getContact"),
  });
}
