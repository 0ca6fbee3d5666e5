import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { contactRows } from "../../../ipc/duplicates";

/** The list rows of the contacts on screen, in one call for the whole page of groups. */
export function useContactRows(ids: string[]) {
  return useQuery({
    queryKey: ["contactRows", ids],
    queryFn: ({ signal }) => contactRows(ids, { signal }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}
