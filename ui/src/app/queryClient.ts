//! The query client: IPC is local, so retries are few and only for errors that can pass.
import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isIpcError } from "../ipc/client";
import { formatIpcError } from "../ipc/formatIpcError";
import { handleSessionError } from "../modules/session/utils/sessionCache";

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
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // Any command can find the session locked (idle time) or gone; the lock overlay or the
        // sign-in screen then says so, instead of a notification per query.
        if (handleSessionError(client, error)) return;
        const title = query.meta?.errorTitle;
        if (!title) return;
        notifications.show({ color: "red", title, message: formatIpcError(error).message });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        handleSessionError(client, error);
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
  return client;
}
