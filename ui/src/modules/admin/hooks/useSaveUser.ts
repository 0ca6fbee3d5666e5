import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveUser } from "../../../ipc/admin";
import type { UserInput } from "../../../ipc/bindings";
import { invalidate } from "../utils/invalidate";

export type SaveUserVariables = { id: string | null; input: UserInput };

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: SaveUserVariables) => saveUser(id, input),
    onSuccess: () => invalidate(queryClient, "listUsers"),
  });
}
