import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useFormErrors } from "./useFormErrors";

/** An admin save mutation: it creates the record when `id` is null and resolves to the saved record's id. */
export type SaveMutation<I> = Pick<UseMutationResult<string, Error, { id: string | null; input: I }>, "mutate" | "isPending">;

/** What the notification says once the record is saved. */
export type SavedNotice = { title: string; message: string };

export type EditFormOptions<I> = {
  initial: I;
  labels: Record<keyof I & string, string>;
  save: SaveMutation<I>;
  /** After the notification, with the saved record's id. */
  onSaved: (id: string) => void;
};

/**
 * A create-or-edit dialog's input, its errors and its save: an edit clears its field's error, a
 * refusal from the core lands on the fields it names, and a save is announced before the dialog goes.
 */
export function useEditForm<I extends object>({ initial, labels, save, onSaved }: EditFormOptions<I>) {
  const [input, setInput] = useState<I>(initial);
  const { errors, clear, fromError, check } = useFormErrors(labels);

  const change = <K extends keyof I & string>(field: K, value: I[K]) => {
    setInput((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const submit = (id: string | null, payload: I, notice: SavedNotice) => {
    save.mutate(
      { id, input: payload },
      {
        onSuccess: (savedId) => {
          notifications.show({ color: "teal", ...notice });
          onSaved(savedId);
        },
        onError: fromError,
      },
    );
  };

  return { input, change, errors, check, submit, pending: save.isPending };
}
