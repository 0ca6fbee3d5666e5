import { useCallback } from "react";
import { useLocation, useNavigate } from "react-router";
import type { ContactListLocationState } from "../types/contactList";

/** Opens a contact, remembering the list's search/filter/sort for the detail page's back link. */
export function useOpenContact() {
  const navigate = useNavigate();
  const { search } = useLocation();
  return useCallback(
    (id: string) => {
      const state: ContactListLocationState = { listSearch: search };
      navigate(`/contacts/${encodeURIComponent(id)}`, { state });
    },
    [navigate, search],
  );
}
