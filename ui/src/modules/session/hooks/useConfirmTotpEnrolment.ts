import { useMutation } from "@tanstack/react-query";
import { confirmTotpEnrolment } from "../../../ipc/session";

export function useConfirmTotpEnrolment() {
  return useMutation({ mutationFn: (code: string) => confirmTotpEnrolment(code) });
}
