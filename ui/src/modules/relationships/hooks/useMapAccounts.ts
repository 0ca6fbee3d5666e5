import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listMapAccounts } from "../../../ipc/relationships";
import { relationshipKeys } from "../utils/queryKeys";

/** The accounts with at least one person the user sees, filtered by name in the core. */
export function useMapAccounts(query: string) {
  return useQuery({
    queryKey: relationshipKeys.listMapAccounts(query),
    queryFn: ({ signal }) => listMapAccounts(query.trim() || null, { signal }),
    placeholderData: keepPreviousData,
  });
}
