import { useMutation } from "@tanstack/react-query";
import { beginTotpEnrolment } from "../../../ipc/session";

/** A mutation, not a query: each call makes a new secret, which must never be served from a cache. */
export function useBeginTotpEnrolment() {
  return useMutation({ mutationFn: beginTotpEnrolment });
}
