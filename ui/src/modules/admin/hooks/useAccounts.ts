import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listAccounts } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

/** Accounts whose name matches `search`; the previous answer stays on screen while typing. */
export function useAccounts(search: string) {
  return useQuery({
    queryKey: queryKeys.listAccounts(search),
    queryFn: ({ signal }) => listAccounts(search, { signal }),
    placeholderData: keepPreviousData,
  });
}
