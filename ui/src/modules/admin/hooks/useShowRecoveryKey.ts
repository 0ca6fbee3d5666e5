import { useMutation } from "@tanstack/react-query";
import { showRecoveryKey } from "../../../ipc/admin";

export function useShowRecoveryKey() {
  return useMutation({
    mutationFn: (password: string) => showRecoveryKey(password),
  });
}
