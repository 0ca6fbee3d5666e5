import { useQuery } from "@tanstack/react-query";
import { accountMap } from "../../../ipc/relationships";
import { relationshipKeys } from "../utils/queryKeys";

/** An account's people, relationships, levels and flows, as far as the user may see them. */
export function useAccountMap(accountId: string) {
  return useQuery({
    queryKey: relationshipKeys.accountMap(accountId),
    queryFn: ({ signal }) => accountMap(accountId, { signal }),
  });
}
