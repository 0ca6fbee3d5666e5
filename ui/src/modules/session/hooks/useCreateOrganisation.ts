import { useMutation } from "@tanstack/react-query";
import type { SetupInput } from "../../../ipc/bindings";
import { createOrganisationDatabase } from "../../../ipc/session";

/**
 * Creates the organisation's database. The caller shows the recovery key before it moves on
 * with the returned `info`: the key is never shown again.
 */
export function useCreateOrganisation() {
  return useMutation({
    mutationFn: (input: SetupInput) => createOrganisationDatabase(input),
  });
}
