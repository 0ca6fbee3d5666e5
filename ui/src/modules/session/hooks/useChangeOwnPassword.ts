import { useMutation } from "@tanstack/react-query";
import { changeOwnPassword } from "../../../ipc/session";

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: ChangePasswordInput) => changeOwnPassword(currentPassword, newPassword),
  });
}
