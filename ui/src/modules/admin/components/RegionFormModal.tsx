import { Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { Region, RegionInput } from "../../../ipc/bindings";
import { useFormErrors } from "../hooks/useFormErrors";
import { useSaveRegion } from "../hooks/useSaveRegion";
import { FormActions } from "./FormActions";
import { FormAlert } from "./FormAlert";

export type RegionFormModalProps = {
  /** null: a new region. */
  region: Region | null;
  onClose: () => void;
};

const LABELS: Record<keyof RegionInput, string> = { code: "Code", name: "Name" };

export function RegionFormModal({ region, onClose }: RegionFormModalProps) {
  const [input, setInput] = useState<RegionInput>({ code: region?.code ?? "", name: region?.name ?? "" });
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const save = useSaveRegion();

  const change = (field: keyof RegionInput, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = check({
      code: input.code.trim() ? undefined : "Enter a short code",
      name: input.name.trim() ? undefined : "Enter the region's name",
    });
    if (!ok) return;
    save.mutate(
      { id: region?.id ?? null, input: { code: input.code.trim(), name: input.name.trim() } },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: region ? "Region saved" : "Region created",
            message: `${input.name.trim()} is saved.`,
          });
          onClose();
        },
        onError: fromError,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={save.isPending ? () => {} : onClose}
      title={region ? `Edit region ${region.name}` : "New region"}
      centered
      data-testid="region-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={errors.general} />
          <TextInput
            label={LABELS.code}
            description="2 to 16 letters, digits or dashes, e.g. UKI"
            value={input.code}
            onChange={(event) => change("code", event.currentTarget.value.toUpperCase())}
            error={errors.fields.code}
            required
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            data-testid="region-code"
          />
          <TextInput
            label={LABELS.name}
            value={input.name}
            onChange={(event) => change("name", event.currentTarget.value)}
            error={errors.fields.name}
            required
            maxLength={120}
            autoComplete="off"
            data-testid="region-name"
          />
          <FormActions
            submitLabel={region ? "Save changes" : "Create region"}
            pending={save.isPending}
            onCancel={onClose}
            submitTestId="region-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
