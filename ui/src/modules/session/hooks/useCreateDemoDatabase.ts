import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createDemoDatabase } from "../../../ipc/session";
import { setAppInfo } from "../utils/sessionCache";

export function useCreateDemoDatabase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createDemoDatabase,
    onSuccess: (info) => setAppInfo(client, info),
  });
}
