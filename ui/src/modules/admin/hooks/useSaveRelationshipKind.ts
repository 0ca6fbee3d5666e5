import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RelationshipKindInput } from "../../../ipc/bindings";
import { saveRelationshipKind } from "../../../ipc/relationships";
import { RELATIONSHIP_QUERIES, relationshipKeys } from "../../relationships/utils/queryKeys";

/** What the kind dialog edits; the code is not typed by anyone, the core makes it from the label. */
export type RelationshipKindFields = Required<Omit<RelationshipKindInput, "code">>;

/** `id` is the kind's code; null adds a kind. Resolves to the saved kind's code. */
export type SaveRelationshipKindVariables = { id: string | null; input: RelationshipKindFields };

export function useSaveRelationshipKind() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: SaveRelationshipKindVariables) =>
      saveRelationshipKind({ code: id, ...input }).then((kind) => kind.code),
    // The org chart's pickers read the kinds from the account map, and the network and a contact's
    // relationships carry kind labels: a new or relabelled kind must reach them all.
    onSuccess: () => {
      const kindsKey = relationshipKeys.relationshipKinds()[0];
      return queryClient.invalidateQueries({
        predicate: (query) => {
          const name = String(query.queryKey[0]);
          return name === kindsKey || RELATIONSHIP_QUERIES.has(name);
        },
      });
    },
  });
}
