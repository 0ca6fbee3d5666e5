import { useQuery } from "@tanstack/react-query";
import { listUsers } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.listUsers(),
    queryFn: ({ signal }) => listUsers({ signal }),
  });
}
