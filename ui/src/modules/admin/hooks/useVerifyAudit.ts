import { useMutation } from "@tanstack/react-query";
import { verifyAudit } from "../../../ipc/admin";

/** Walks the whole chain on request (it reads every event, so it is not run on each visit). */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => verifyAudit(),
  });
}
