import { useEffect, type RefObject } from "react";

const FOCUSABLE =
  'input:not([type="hidden"]):not(:disabled), textarea:not(:disabled), select:not(:disabled), button:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Puts the focus on the first field of `container` (or its `[data-autofocus]` one) whenever `key` changes. */
export function useFocusFirstField(container: RefObject<HTMLElement | null>, key: unknown) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const target = root.querySelector<HTMLElement>("[data-autofocus]") ?? root.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus({ preventScroll: false });
  }, [container, key]);
}
