import type { ContactSite } from "../../../ipc/bindings";

/** The accounts a contact works for, the one where they are primary first. */
export function contactCompanies(sites: ContactSite[]): string[] {
  const ordered = [...sites].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return [...new Set(ordered.map((site) => site.accountName))];
}
