import type { SiteOption } from "../../../ipc/bindings";
import type { ImportTarget } from "../types/importFile";

export const NO_SITE_LABEL = "No site (visible to administrators only)";

/** "Canal Street HQ — Acme Corporation (London North)". */
export function siteTargetLabel(site: SiteOption): string {
  return `${site.siteName} — ${site.accountName} (${site.territory})`;
}

export function targetLabel(target: ImportTarget | null): string {
  if (!target) return "";
  return target.kind === "none" ? NO_SITE_LABEL : siteTargetLabel(target.site);
}
