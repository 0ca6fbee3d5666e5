import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { accountNetwork, contactNetwork } from "../../../ipc/relationships";
import type { NetworkSource } from "../types/map";
import { relationshipKeys } from "../utils/queryKeys";

/**
 * The people around a contact or an account, `depth` steps along `kinds` (empty: all). The
 * previous network stays on screen while a new depth or kind filter loads.
 */
export function useNetwork(source: NetworkSource, depth: number, kinds: string[]) {
  return useQuery({
    queryKey: relationshipKeys.network(source, depth, kinds),
    queryFn: ({ signal }) =>
      source.kind === "contact"
        ? contactNetwork(source.id, depth, kinds, { signal })
        : accountNetwork(source.id, depth, kinds, { signal }),
    placeholderData: keepPreviousData,
  });
}
