import { Input, SegmentedControl, Switch, TextInput } from "@mantine/core";
import type { Account, AccountInput, AccountKind } from "../../../ipc/bindings";
import { useEditForm } from "../hooks/useEditForm";
import { useSaveAccount } from "../hooks/useSaveAccount";
import { accountKindLabels } from "../utils/labels";
import { FormModal } from "./FormModal";

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
  const save = useSaveAccount();
  const { input, change, errors, check, submit, pending } = useEditForm<AccountInput>({
    initial: {
      name: account?.name ?? "",
      kind: account?.kind ?? "business",
      active: account?.active ?? true,
    },
    labels: LABELS,
    save,
    onSaved: (id) => {
      onSaved?.(id);
      onClose();
    },
  });

  const onSubmit = () => {
    if (!check({ name: input.name.trim() ? undefined : "Enter the account's name" })) return;
    submit(
      account?.id ?? null,
      { ...input, name: input.name.trim() },
      { title: account ? "Account saved" : "Account created", message: `${input.name.trim()} is saved.` },
    );
  };

  return (
    <FormModal
      title={account ? `Edit account ${account.name}` : "New account"}
      testIdPrefix="account"
      error={errors.general}
      submitLabel={account ? "Save changes" : "Create account"}
      pending={pending}
      onSubmit={onSubmit}
      onClose={onClose}
    >
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
    </FormModal>
  );
}
