import { useSessionUser } from "../../session/hooks/useSessionUser";
import { reachOf } from "../../session/utils/permissions";

/**
 * Whether the signed-in user may import, and whether without a site (site administrators). Only
 * hides what the role cannot use: the core refuses it anyway.
 */
export function useMayImport(): { mayImport: boolean; withoutSite: boolean } {
  const reach = reachOf(useSessionUser(), "import");
  return { mayImport: reach !== "none", withoutSite: reach === "all" };
}
