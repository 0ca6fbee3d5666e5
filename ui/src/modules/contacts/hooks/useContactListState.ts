import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ContactListState } from "../types/contactList";
import { parseListParams, toListParams } from "../utils/listParams";

/** The list's search, filter and sort, stored in the URL (replace, so typing does not flood history). */
export function useContactListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListParams(params), [params]);
  const update = useCallback(
    (change: (current: ContactListState) => ContactListState) => {
      setParams((current) => toListParams(change(parseListParams(current))), { replace: true });
    },
    [setParams],
  );
  return [state, update] as const;
}
