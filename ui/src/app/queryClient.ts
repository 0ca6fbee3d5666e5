//! The query client: IPC is local, so retries are few and only for errors that can pass.
import { notifications } from "@mantine/notifications";
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isIpcError } from "../ipc/client";
import { formatIpcError } from "../ipc/formatIpcError";

declare module "@tanstack/react-query" {
  interface Register {
    queryMeta: {
      /** When set, a failure of this query is announced with a notification under this title. */
      errorTitle?: string;
    };
  }
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isIpcError(error) && error.code !== "unavailable") return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const title = query.meta?.errorTitle;
        if (!title) return;
        notifications.show({ color: "red", title, message: formatIpcError(error).message });
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}
