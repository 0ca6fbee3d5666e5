import type { ContactFilter } from "../../../ipc/bindings";
import { DEFAULT_SORT, EMPTY_FILTER, toListParams } from "../../contacts/utils/listParams";

/** The list's URL parameters for a filter, as the contact list reads them ("type=billing"). */
export function filterParams(filter: Partial<ContactFilter>): string {
  return toListParams({ search: null, filter: { ...EMPTY_FILTER, ...filter }, sort: DEFAULT_SORT }).toString();
}

/** The contact list filtered so. */
export function contactsHref(filter: Partial<ContactFilter>): string {
  const params = filterParams(filter);
  return params ? `/contacts?${params}` : "/contacts";
}
