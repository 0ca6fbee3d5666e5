import { useQuery } from "@tanstack/react-query";
import { listOwners } from "./ipc";
import { listQueryKeys } from "./queryKeys";

/** The users who can own contacts. */
export function useOwners() {
  return useQuery({
    queryKey: listQueryKeys.listOwners(),
    queryFn: ({ signal }) => listOwners({ signal }),
  });
}
