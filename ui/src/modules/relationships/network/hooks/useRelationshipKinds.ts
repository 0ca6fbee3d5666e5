import { useQuery } from "@tanstack/react-query";
import { relationshipKinds } from "../../../../ipc/relationships";
import { relationshipKeys } from "../../utils/queryKeys";

/** The relationship kinds (labels, directed or not) for the network's legend and arrows. */
export function useRelationshipKinds() {
  return useQuery({
    queryKey: relationshipKeys.relationshipKinds(),
    queryFn: ({ signal }) => relationshipKinds({ signal }),
    staleTime: 5 * 60_000,
  });
}
