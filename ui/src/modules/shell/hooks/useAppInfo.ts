import { useQuery } from "@tanstack/react-query";
import { appInfo } from "../../../ipc/app";
import { queryKeys } from "../../../ipc/queryKeys";

export function useAppInfo() {
  return useQuery({
    queryKey: queryKeys.appInfo(),
    queryFn: ({ signal }) => appInfo({ signal }),
    meta: { errorTitle: "Could not read the application status" },
  });
}
