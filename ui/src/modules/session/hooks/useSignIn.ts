import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signIn } from "../../../ipc/session";
import { forgetUserData, setAppInfo } from "../utils/sessionCache";

export type SignInInput = { username: string; password: string; code: string | null };

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password, code }: SignInInput) => signIn(username, password, code),
    onSuccess: (info) => {
      forgetUserData(client);
      setAppInfo(client, info);
    },
  });
}
