import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut } from "../../../ipc/session";
import { forgetUserData, setAppInfo } from "../utils/sessionCache";

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: (info) => {
      forgetUserData(client);
      setAppInfo(client, info);
    },
  });
}
