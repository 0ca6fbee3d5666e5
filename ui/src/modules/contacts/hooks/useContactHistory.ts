import { useQuery } from "@tanstack/react-query";
import { contactHistory } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";

export function useContactHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.contactHistory(id),
    queryFn: ({ signal }) => contactHistory(id, { signal }),
  });
}
