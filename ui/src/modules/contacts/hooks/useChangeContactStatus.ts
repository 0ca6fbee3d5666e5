import { useMutation, useQueryClient } from "@tanstack/react-query";
import { archiveContact, deactivateContact, reactivateContact } from "./lifecycleIpc";
import { refreshContacts } from "./lifecycleKeys";

export type StatusChange = "deactivate" | "archive" | "reactivate";

export type StatusChangeVariables = {
  change: StatusChange;
  id: string;
  reason: string;
  /**
   * The user will no longer see the contact afterwards (archived by someone who cannot see
   * archived contacts). The refresh is then not awaited: reloading the page would answer "not
   * found" and unmount the dialog before it could take the user back to the list.
   */
  leavesSight?: boolean;
};

const RUN: Record<StatusChange, (id: string, reason: string) => Promise<null>> = {
  deactivate: deactivateContact,
  archive: archiveContact,
  reactivate: reactivateContact,
};

/** Deactivates, archives or reactivates a contact with the user's reason. */
export function useChangeContactStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, id, reason }: StatusChangeVariables) => RUN[change](id, reason),
    onSuccess: (_, { leavesSight }) => {
      const refreshed = refreshContacts(queryClient);
      return leavesSight ? undefined : refreshed;
    },
  });
}
