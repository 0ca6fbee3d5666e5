import { useQuery } from "@tanstack/react-query";
import { getContactPolicy } from "../ipc";
import { formQueryKeys } from "../queryKeys";

/** The organisation's contact rules; the form needs to know whether SMS is offered. */
export function useContactPolicy() {
  return useQuery({
    queryKey: formQueryKeys.getContactPolicy(),
    queryFn: ({ signal }) => getContactPolicy({ signal }),
  });
}
