import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { ContactInput } from "../../../../ipc/bindings";
import { checkContact } from "../ipc";
import { formQueryKeys } from "../queryKeys";
import { toInput } from "../utils/formValues";
import type { ContactFormApi } from "./useContactForm";

/** Waits for a pause in typing before asking the core. */
export const LIVE_CHECK_DEBOUNCE_MS = 400;

/**
 * The core's verdict on the form as the user types: possible duplicates and warnings. It is asked
 * again after each pause in typing (the screen re-renders then, not on every keystroke); the
 * previous answer stays on screen meanwhile.
 */
export function useLiveCheck(form: ContactFormApi, contactId: string | null, enabled = true) {
  const [settled, setSettled] = useState(() => JSON.stringify(toInput(form.store.get().values)));
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = form.store.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setSettled(JSON.stringify(toInput(form.store.get().values))), LIVE_CHECK_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [form]);
  const input = useMemo(() => JSON.parse(settled) as ContactInput, [settled]);
  return useQuery({
    queryKey: formQueryKeys.checkContact(input, contactId),
    queryFn: ({ signal }) => checkContact(input, contactId, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 5_000,
  });
}
