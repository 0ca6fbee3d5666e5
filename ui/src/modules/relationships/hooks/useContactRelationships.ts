import { useQuery } from "@tanstack/react-query";
import { contactRelationships } from "../../../ipc/relationships";
import { relationshipKeys } from "../utils/queryKeys";

/** A person's relationships, each with the other person (a placeholder when outside the user's area). */
export function useContactRelationships(contactId: string) {
  return useQuery({
    queryKey: relationshipKeys.contactRelationships(contactId),
    queryFn: ({ signal }) => contactRelationships(contactId, { signal }),
  });
}
