import { useQuery } from "@tanstack/react-query";
import { listSavedViews } from "./ipc";
import { listQueryKeys } from "./queryKeys";

/** The user's own views and everyone's shared ones, by name. */
export function useSavedViews() {
  return useQuery({
    queryKey: listQueryKeys.listSavedViews(),
    queryFn: ({ signal }) => listSavedViews({ signal }),
  });
}
