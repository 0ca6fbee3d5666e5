import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RELATIONSHIP_QUERIES } from "../utils/queryKeys";

/**
 * Runs one edit of a map (a relationship, level, team or flow) and then reloads every map and
 * list it can alter, also after a refusal: the refusal may come from a change made elsewhere.
 */
export function useMapEdit<Args, Result>(edit: (args: Args) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: edit,
    onSettled: () =>
      client.invalidateQueries({ predicate: (query) => RELATIONSHIP_QUERIES.has(String(query.queryKey[0])) }),
  });
}
