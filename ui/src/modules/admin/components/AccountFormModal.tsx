import { Input, Modal, SegmentedControl, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { Account, AccountInput, AccountKind } from "../../../ipc/bindings";
import { useFormErrors } from "../hooks/useFormErrors";
import { useSaveAccount } from "../hooks/useSaveAccount";
import { accountKindLabels } from "../utils/labels";
import { FormActions } from "./FormActions";
import { FormAlert } from "./FormAlert";

export type AccountFormModalProps = {
  /** null: a new account. */
  account: Account | null;
  /** Called with the saved account's id. */
  onSaved?: (id: string) => void;
  onClose: () => void;
};

const LABELS: Record<keyof AccountInput, string> = { name: "Name", kind: "Kind", active: "Active" };

const kindData = (["business", "private"] as AccountKind[]).map((value) => ({ value, label: accountKindLabels[value] }));

export function AccountFormModal({ account, onSaved, onClose }: AccountFormModalProps) {
  const [input, setInput] = useState<AccountInput>({
    name: account?.name ?? "",
    kind: account?.kind ?? "business",
    active: account?.active ?? true,
  });
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const save = useSaveAccount();

  const change = <K extends keyof AccountInput>(field: K, value: AccountInput[K]) => {
    setInput((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ name: input.name.trim() ? undefined : "Enter the account's name" })) return;
    save.mutate(
      { id: account?.id ?? null, input: { ...input, name: input.name.trim() } },
      {
        onSuccess: (id) => {
          notifications.show({
            color: "teal",
            title: account ? "Account saved" : "Account created",
            message: `${input.name.trim()} is saved.`,
          });
          onSaved?.(id);
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
      title={account ? `Edit account ${account.name}` : "New account"}
      centered
      data-testid="account-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={errors.general} />
          <TextInput
            label={LABELS.name}
            description="The customer organisation, e.g. Acme Corporation"
            value={input.name}
            onChange={(event) => change("name", event.currentTarget.value)}
            error={errors.fields.name}
            required
            maxLength={200}
            autoComplete="off"
            data-autofocus
            data-testid="account-name"
          />
          <Input.Wrapper
            label={LABELS.kind}
            description="A private customer has one primary contact for the whole account; a business one per site."
            error={errors.fields.kind}
          >
            <SegmentedControl
              mt={6}
              data={kindData}
              value={input.kind}
              onChange={(value) => change("kind", value as AccountKind)}
              data-testid="account-kind"
            />
          </Input.Wrapper>
          <Switch
            label="Active customer"
            description="Inactive accounts stay on record with their sites and contacts."
            checked={input.active}
            onChange={(event) => change("active", event.currentTarget.checked)}
            error={errors.fields.active}
            mt={4}
            data-testid="account-active"
          />
          <FormActions
            submitLabel={account ? "Save changes" : "Create account"}
            pending={save.isPending}
            onCancel={onClose}
            submitTestId="account-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
