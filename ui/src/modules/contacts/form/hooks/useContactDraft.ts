import { useQuery } from "@tanstack/react-query";
import { loadContactDraft } from "../ipc";
import { formQueryKeys } from "../queryKeys";

/** The user's unfinished new contact, kept in the database; read fresh each time the wizard opens. */
export function useContactDraft() {
  return useQuery({
    queryKey: formQueryKeys.loadContactDraft(),
    queryFn: ({ signal }) => loadContactDraft({ signal }),
    staleTime: 0,
    gcTime: 0,
    meta: { errorTitle: "Your unfinished contact could not be read" },
  });
}
