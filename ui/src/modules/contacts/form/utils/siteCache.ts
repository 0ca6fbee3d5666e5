//! Names of the sites the form has shown, so a chosen site keeps its account, territory and region
//! on screen (the form itself only carries site ids). Sites are organisation data, not personal
//! data, and this lives in memory only.
import type { ContactSite, SiteOption } from "../../../../ipc/bindings";

export type SiteLabel = Pick<SiteOption, "siteId" | "siteName" | "accountName" | "territory" | "region"> & {
  city: string | null;
  inScope: boolean | null;
};

const known = new Map<string, SiteLabel>();

export function rememberSiteOptions(options: SiteOption[]): void {
  for (const o of options) known.set(o.siteId, { ...o });
}

export function rememberContactSites(sites: ContactSite[]): void {
  for (const s of sites) {
    const before = known.get(s.siteId);
    known.set(s.siteId, {
      siteId: s.siteId,
      siteName: s.siteName,
      accountName: s.accountName,
      territory: s.territory,
      region: s.region,
      city: before?.city ?? null,
      inScope: before?.inScope ?? null,
    });
  }
}

export function siteLabel(siteId: string): SiteLabel | null {
  return known.get(siteId) ?? null;
}

/** "Canal Street HQ (Acme Corporation)", or the id when the site has not been shown yet. */
export function siteName(siteId: string): string {
  const site = known.get(siteId);
  return site ? `${site.siteName} (${site.accountName})` : `Site ${siteId}`;
}
