import { useQuery } from "@tanstack/react-query";
import { getContact } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";

export function useContact(id: string) {
  return useQuery({
    queryKey: queryKeys.getContact(id),
    queryFn: ({ signal }) => getContact(id, { signal }),
  });
}
