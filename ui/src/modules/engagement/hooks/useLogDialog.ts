import { useCallback, useState } from "react";
import type { Interaction } from "../../../ipc/bindings";
import type { InteractionPrefill } from "../types/interactionForm";

export type LogDialogState = { editing: Interaction | null; prefill?: InteractionPrefill } | null;

/** Which log dialog is open on the contact page: a new interaction (maybe pre-filled) or an edit. */
export function useLogDialog() {
  const [state, setState] = useState<LogDialogState>(null);
  const openNew = useCallback((prefill?: InteractionPrefill) => setState({ editing: null, prefill }), []);
  const openEdit = useCallback((editing: Interaction) => setState({ editing }), []);
  const close = useCallback(() => setState(null), []);
  return { state, openNew, openEdit, close };
}
