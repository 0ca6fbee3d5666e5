import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ChannelPreference, ContactChannel, FieldProblem } from "../../../../ipc/bindings";
import { autoTick, decidedChannels, withPreference } from "../utils/channels";
import type { ContactFormValues, FormField } from "../utils/formValues";

type ListField = "emails" | "phones" | "addresses" | "sites" | "websites" | "tags";
type EntryOf<L extends ListField> = ContactFormValues[L][number];

type State = { values: ContactFormValues; decided: Set<ContactChannel> };

/**
 * The form's values outside React state, so a keystroke re-renders only the fields that read the
 * changed value (each group subscribes to its own slice) instead of the whole form.
 */
export type FormStore = {
  get: () => State;
  set: (next: State) => void;
  subscribe: (listener: () => void) => () => void;
};

function createFormStore(initial: State): FormStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (next) => {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Everything a form section needs to show and change its fields; the same object for the form's life. */
export type ContactFormApi = {
  store: FormStore;
  smsEnabled: boolean;
  set: <F extends FormField>(field: F, value: ContactFormValues[F]) => void;
  setEntry: <L extends ListField>(list: L, index: number, patch: Partial<EntryOf<L>> | EntryOf<L>) => void;
  addEntry: <L extends ListField>(list: L, entry: EntryOf<L>) => void;
  removeEntry: (list: ListField, index: number) => void;
  setChannel: (channel: ContactChannel, patch: Partial<Pick<ChannelPreference, "notify" | "consent">>) => void;
};

/**
 * One slice of the form's values; the component re-renders only when that slice changes. The
 * selector must return a value already in the form (a field, an entry, a list), not a new object.
 */
export function useFormValue<T>(form: ContactFormApi, select: (values: ContactFormValues) => T): T {
  return useSyncExternalStore(form.store.subscribe, () => select(form.store.get().values));
}

/** Does a change at `changed` touch the problem at `field`? ("emails.0" covers "emails.0.address"; "sites" covers all of them.) */
export function pathCovers(changed: string, field: string): boolean {
  const a = changed.split(".");
  const b = field.split(".");
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The form's values and the core's last verdict. Editing a field clears its problem (the user is
 * fixing it) and ticks the notification preference for a channel it makes reachable the first time.
 * `keepChannels` are channels stored as unticked on purpose (an edit keeps them in the list).
 */
export function useContactForm(initial: ContactFormValues, smsEnabled: boolean, keepChannels?: ReadonlySet<ContactChannel>) {
  const [store] = useState(() => createFormStore({ values: initial, decided: decidedChannels(initial, smsEnabled) }));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const keep = useRef(keepChannels ?? new Set<ContactChannel>());

  const clearProblems = useCallback((path: string) => {
    setProblems((current) =>
      current.some((p) => pathCovers(path, p.field)) ? current.filter((p) => !pathCovers(path, p.field)) : current,
    );
  }, []);

  const api = useMemo<ContactFormApi>(() => {
    const change = (path: string, update: (values: ContactFormValues) => ContactFormValues) => {
      const current = store.get();
      const ticked = autoTick(current.values, update(current.values), current.decided, smsEnabled);
      store.set({ values: ticked.values, decided: ticked.decided });
      clearProblems(path);
    };
    return {
      store,
      smsEnabled,
      set: (field, value) => change(field, (v) => ({ ...v, [field]: value })),
      setEntry: (list, index, patch) =>
        change(`${list}.${index}`, (v) => {
          const entries = [...v[list]] as unknown[];
          const current = entries[index];
          entries[index] =
            typeof current === "object" && current !== null && typeof patch === "object" ? { ...current, ...patch } : patch;
          return { ...v, [list]: entries };
        }),
      addEntry: (list, entry) => change(list, (v) => ({ ...v, [list]: [...v[list], entry] })),
      // Problems of later entries move up an index: the whole list's are cleared.
      removeEntry: (list, index) => change(list, (v) => ({ ...v, [list]: v[list].filter((_, i) => i !== index) })),
      setChannel: (channel, patch) => {
        const current = store.get();
        store.set({
          values: withPreference(current.values, channel, patch, keep.current),
          decided: new Set(current.decided).add(channel),
        });
        clearProblems("channelPreferences");
      },
    };
  }, [store, smsEnabled, clearProblems]);

  /** Replaces the whole form (a resumed draft, a reloaded contact); the new values count as decided. */
  const reset = useCallback(
    (next: ContactFormValues) => {
      store.set({ values: next, decided: decidedChannels(next, smsEnabled) });
      setProblems([]);
    },
    [store, smsEnabled],
  );

  /** The core's problems from a step check or a refused save; warnings come from the live check. */
  const setVerdict = useCallback((next: { problems: FieldProblem[] }) => setProblems(next.problems), []);

  return { api, problems, setVerdict, reset };
}
