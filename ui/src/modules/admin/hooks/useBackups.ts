import { useQuery } from "@tanstack/react-query";
import { listBackups } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

export function useBackups() {
  return useQuery({
    queryKey: queryKeys.listBackups(),
    queryFn: ({ signal }) => listBackups({ signal }),
  });
}
