import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveRegion } from "../../../ipc/admin";
import type { RegionInput } from "../../../ipc/bindings";
import { invalidate } from "../utils/invalidate";

export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RegionInput }) => saveRegion(id, input),
    // Territory pickers group by region name.
    onSuccess: () => invalidate(queryClient, "listRegions", "listTerritories"),
  });
}
