import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveTerritory } from "../../../ipc/admin";
import type { TerritoryInput } from "../../../ipc/bindings";
import { invalidate } from "../utils/invalidate";

export function useSaveTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: TerritoryInput }) => saveTerritory(id, input),
    // Sites, users and contacts show territory names; a territory moved to another region moves scope.
    onSuccess: () =>
      invalidate(queryClient, "listRegions", "listTerritories", "listSites", "listUsers", "listContacts", "countContacts", "getContact"),
  });
}
