import { useQuery } from "@tanstack/react-query";
import { importFields } from "../../../ipc/imports";
import { queryKeys } from "../../../ipc/queryKeys";

/** The fields a column can be mapped to; they are fixed for the app's lifetime. */
export function useImportFields() {
  return useQuery({
    queryKey: queryKeys.importFields(),
    queryFn: ({ signal }) => importFields({ signal }),
    staleTime: Infinity,
  });
}
