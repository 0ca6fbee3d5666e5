import { useQuery } from "@tanstack/react-query";
import { getImportPolicy } from "../../../ipc/imports";
import { queryKeys } from "../../../ipc/queryKeys";

/** The fields every imported record must have (set by a site administrator). */
export function useImportPolicy() {
  return useQuery({
    queryKey: queryKeys.getImportPolicy(),
    queryFn: ({ signal }) => getImportPolicy({ signal }),
  });
}
