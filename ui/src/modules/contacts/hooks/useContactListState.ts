import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ContactListState } from "../types/contactList";
import { parseListParams, toListParams } from "../utils/listParams";

/** The URL parameter naming the saved view the list was opened from. */
export const VIEW_PARAM = "view";

function withView(params: URLSearchParams, viewId: string | null): URLSearchParams {
  if (viewId) params.set(VIEW_PARAM, viewId);
  return params;
}

export type ActiveView = {
  /** The saved view the list was opened from (it may have been changed since), or null. */
  viewId: string | null;
  /** Replaces the whole list state and marks it as coming from `viewId` (null: from no view). */
  setView: (viewId: string | null, state: ContactListState) => void;
};

/**
 * The list's search, filter and sort, stored in the URL (replace, so typing does not flood history),
 * and the saved view it came from. Changing the search, filter or sort keeps the view: the list
 * then shows it as modified.
 */
export function useContactListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListParams(params), [params]);
  const viewId = params.get(VIEW_PARAM) || null;
  const update = useCallback(
    (change: (current: ContactListState) => ContactListState) => {
      setParams((current) => withView(toListParams(change(parseListParams(current))), current.get(VIEW_PARAM)), {
        replace: true,
      });
    },
    [setParams],
  );
  const setView = useCallback(
    (id: string | null, next: ContactListState) => {
      setParams(() => withView(toListParams(next), id), { replace: true });
    },
    [setParams],
  );
  const view: ActiveView = useMemo(() => ({ viewId, setView }), [viewId, setView]);
  return [state, update, view] as const;
}
