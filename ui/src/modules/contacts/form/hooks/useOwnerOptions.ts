import { useQuery } from "@tanstack/react-query";
import { listOwners } from "../ipc";
import { formQueryKeys } from "../queryKeys";

/** The users who can own a contact. */
export function useOwnerOptions() {
  return useQuery({
    queryKey: formQueryKeys.listOwners(),
    queryFn: ({ signal }) => listOwners({ signal }),
  });
}
