import { useQuery } from "@tanstack/react-query";
import { getSecurityPolicy } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

export function useSecurityPolicy() {
  return useQuery({
    queryKey: queryKeys.getSecurityPolicy(),
    queryFn: ({ signal }) => getSecurityPolicy({ signal }),
  });
}
