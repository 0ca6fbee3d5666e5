import { useQuery } from "@tanstack/react-query";
import { listImports } from "../../../ipc/imports";
import { queryKeys } from "../../../ipc/queryKeys";

/** The import history the user may see (their own; everyone's for site administrators). */
export function useImports() {
  return useQuery({
    queryKey: queryKeys.listImports(),
    queryFn: ({ signal }) => listImports({ signal }),
  });
}
