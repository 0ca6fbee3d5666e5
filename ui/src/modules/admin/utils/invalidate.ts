import type { QueryClient } from "@tanstack/react-query";
import type { queryKeys } from "../../../ipc/queryKeys";

/** Query keys start with their command's name, so a name marks every query of that command. */
export type QueryName = keyof typeof queryKeys;

export function invalidate(queryClient: QueryClient, ...names: QueryName[]): Promise<void[]> {
  return Promise.all(names.map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
}
