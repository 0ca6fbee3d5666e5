import { useQuery } from "@tanstack/react-query";
import { listSites } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

/** The sites of one account; nothing is fetched until an account is chosen. */
export function useSites(accountId: string | null) {
  return useQuery({
    queryKey: queryKeys.listSites(accountId ?? ""),
    queryFn: ({ signal }) => listSites(accountId ?? "", { signal }),
    enabled: accountId !== null,
  });
}
