import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { VerificationInput } from "../../../ipc/bindings";
import { verifyContact } from "./lifecycleIpc";
import { refreshContacts } from "./lifecycleKeys";

export function useVerifyContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verification }: { id: string; verification: VerificationInput }) =>
      verifyContact(id, verification),
    onSuccess: () => refreshContacts(queryClient),
  });
}
