import { useQuery } from "@tanstack/react-query";
import { getContactPolicy } from "./lifecycleIpc";
import { lifecycleKeys } from "./lifecycleKeys";

/** The organisation's contact rules (verification period, archival, retention, SMS). */
export function useContactPolicy() {
  return useQuery({
    queryKey: lifecycleKeys.getContactPolicy(),
    queryFn: ({ signal }) => getContactPolicy({ signal }),
  });
}
