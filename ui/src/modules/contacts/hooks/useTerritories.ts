import { useQuery } from "@tanstack/react-query";
import { listTerritories } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";

export function useTerritories() {
  return useQuery({
    queryKey: queryKeys.listTerritories(),
    queryFn: ({ signal }) => listTerritories({ signal }),
    staleTime: 5 * 60_000,
    meta: { errorTitle: "Could not load territories" },
  });
}
