import { useQuery } from "@tanstack/react-query";
import { listRegions } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

/** Every region with its territories and their site counts. */
export function useRegions() {
  return useQuery({
    queryKey: queryKeys.listRegions(),
    queryFn: ({ signal }) => listRegions({ signal }),
  });
}
