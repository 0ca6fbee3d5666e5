import { useQuery } from "@tanstack/react-query";
import { dashboard } from "../../../ipc/dashboard";

export const dashboardKey = () => ["dashboard"] as const;

/** The dashboard, fresh each time the page opens and every few minutes while it stays open. */
export function useDashboard() {
  return useQuery({
    queryKey: dashboardKey(),
    queryFn: ({ signal }) => dashboard({ signal }),
    refetchOnMount: "always",
    refetchInterval: 300_000,
  });
}
