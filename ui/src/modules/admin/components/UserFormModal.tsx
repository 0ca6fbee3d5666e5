import { Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState, type FormEvent } from "react";
import type { Role, UserInput, UserSummary } from "../../../ipc/bindings";
import { useRegions } from "../hooks/useRegions";
import { useSaveUser } from "../hooks/useSaveUser";
import { useFormErrors } from "../hooks/useFormErrors";
import { roleLabels } from "../../session/utils/roleLabels";
import { ROLES, roleDescriptions } from "../utils/labels";
import { regionOptions, territoryOptions } from "../utils/territoryOptions";
import { FormAlert } from "./FormAlert";

export type UserFormModalProps = {
  /** null: a new user. */
  user: UserSummary | null;
  onClose: () => void;
};

type UserField = "username" | "displayName" | "role" | "regionIds" | "territoryIds" | "disabled" | "password";

const LABELS: Record<UserField, string> = {
  username: "User name",
  displayName: "Full name",
  role: "Role",
  regionIds: "Regions",
  territoryIds: "Territories",
  disabled: "Disabled",
  password: "Initial password",
};

const roleOptions = ROLES.map((role) => ({ value: role, label: roleLabels[role] }));

function initialInput(user: UserSummary | null): UserInput {
  return {
    username: user?.username ?? "",
    displayName: user?.displayName ?? "",
    role: user?.role ?? "territory_manager",
    regionIds: user?.regions.map((r) => r.id) ?? [],
    territoryIds: user?.territories.map((t) => t.id) ?? [],
    disabled: user?.disabled ?? false,
    password: null,
  };
}

/** Checks only what needs no rules from the core: that required fields are filled in. */
function missing(input: UserInput, creating: boolean): Partial<Record<UserField, string>> {
  const fields: Partial<Record<UserField, string>> = {};
  if (!input.username.trim()) fields.username = "Enter a user name";
  if (!input.displayName.trim()) fields.displayName = "Enter the person's full name";
  if (input.role === "regional_manager" && input.regionIds.length === 0) fields.regionIds = "Choose at least one region";
  if (input.role === "territory_manager" && input.territoryIds.length === 0) {
    fields.territoryIds = "Choose at least one territory";
  }
  if (creating && !input.password) fields.password = "Enter an initial password";
  return fields;
}

export function UserFormModal({ user, onClose }: UserFormModalProps) {
  const creating = user === null;
  const [input, setInput] = useState<UserInput>(() => initialInput(user));
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const regions = useRegions();
  const save = useSaveUser();
  const regionData = useMemo(() => regionOptions(regions.data ?? []), [regions.data]);
  const territoryData = useMemo(() => territoryOptions(regions.data ?? []), [regions.data]);

  const change = <K extends keyof UserInput>(field: K, value: UserInput[K]) => {
    setInput((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check(missing(input, creating))) return;
    const payload: UserInput = {
      ...input,
      username: input.username.trim(),
      displayName: input.displayName.trim(),
      // The core keeps only the scope of the chosen role.
      regionIds: input.role === "regional_manager" ? input.regionIds : [],
      territoryIds: input.role === "territory_manager" ? input.territoryIds : [],
      password: creating ? input.password : null,
    };
    save.mutate(
      { id: user?.id ?? null, input: payload },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "teal",
            title: creating ? "User created" : "User saved",
            message: creating
              ? `${saved.displayName} can now sign in as ${saved.username}.`
              : `The changes to ${saved.displayName} are saved.`,
          });
          onClose();
        },
        onError: fromError,
      },
    );
  };

  const scopePlaceholder = regions.isPending ? "Loading…" : undefined;
  const scopeLoadError = regions.isError ? "The regions and territories could not be loaded." : undefined;

  return (
    <Modal
      opened
      onClose={save.isPending ? () => {} : onClose}
      title={creating ? "New user" : `Edit ${user.displayName}`}
      size="lg"
      centered
      data-testid="user-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={errors.general} />
          <Group grow align="flex-start">
            <TextInput
              label={LABELS.username}
              description="Used to sign in"
              value={input.username}
              onChange={(event) => change("username", event.currentTarget.value)}
              error={errors.fields.username}
              required
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="user-username"
            />
            <TextInput
              label={LABELS.displayName}
              description="As shown in the app and the audit trail"
              value={input.displayName}
              onChange={(event) => change("displayName", event.currentTarget.value)}
              error={errors.fields.displayName}
              required
              autoComplete="off"
              data-testid="user-display-name"
            />
          </Group>
          <Select
            label={LABELS.role}
            description={roleDescriptions[input.role]}
            data={roleOptions}
            value={input.role}
            onChange={(value) => value && change("role", value as Role)}
            allowDeselect={false}
            error={errors.fields.role}
            required
            data-testid="user-role"
          />
          {input.role === "regional_manager" ? (
            <MultiSelect
              label={LABELS.regionIds}
              description="The regional manager sees contacts at sites in these regions."
              placeholder={scopePlaceholder ?? (input.regionIds.length === 0 ? "Choose regions" : undefined)}
              data={regionData}
              value={input.regionIds}
              onChange={(value) => change("regionIds", value)}
              error={errors.fields.regionIds ?? scopeLoadError}
              disabled={regions.isPending}
              searchable
              clearable
              nothingFoundMessage="No region with that name"
              required
              data-testid="user-regions"
            />
          ) : null}
          {input.role === "territory_manager" ? (
            <MultiSelect
              label={LABELS.territoryIds}
              description="The territory manager sees contacts at sites in these territories."
              placeholder={scopePlaceholder ?? (input.territoryIds.length === 0 ? "Choose territories" : undefined)}
              data={territoryData}
              value={input.territoryIds}
              onChange={(value) => change("territoryIds", value)}
              error={errors.fields.territoryIds ?? scopeLoadError}
              disabled={regions.isPending}
              searchable
              clearable
              maxDropdownHeight={280}
              nothingFoundMessage="No territory with that name"
              required
              data-testid="user-territories"
            />
          ) : null}
          {creating ? (
            <PasswordInput
              label={LABELS.password}
              description="At least 10 characters, not containing the user name. Give it to the person in private."
              value={input.password ?? ""}
              onChange={(event) => change("password", event.currentTarget.value)}
              error={errors.fields.password}
              required
              autoComplete="new-password"
              data-testid="user-password"
            />
          ) : null}
          <Switch
            label="Disabled"
            description="A disabled user cannot sign in; their history stays."
            checked={input.disabled}
            onChange={(event) => change("disabled", event.currentTarget.checked)}
            error={errors.fields.disabled}
            mt={4}
            data-testid="user-disabled"
          />
          {!creating && user.lockedUntil ? (
            <Text size="xs" c="dimmed">
              This user is locked after failed sign-ins; use “Unlock now” in the list to end it early.
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="user-save">
              {creating ? "Create user" : "Save changes"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
