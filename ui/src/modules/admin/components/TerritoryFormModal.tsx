import { Alert, Modal, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useMemo, useState, type FormEvent } from "react";
import type { Region, Territory, TerritoryInput } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { useFormErrors } from "../hooks/useFormErrors";
import { useSaveTerritory } from "../hooks/useSaveTerritory";
import { regionOptions } from "../utils/territoryOptions";
import { FormActions } from "./FormActions";
import { FormAlert } from "./FormAlert";

export type TerritoryFormModalProps = {
  /** null: a new territory (in `regionId` when given). */
  territory: Territory | null;
  regionId?: string;
  regions: Region[];
  onClose: () => void;
};

const LABELS: Record<keyof TerritoryInput, string> = { regionId: "Region", code: "Code", name: "Name" };

export function TerritoryFormModal({ territory, regionId, regions, onClose }: TerritoryFormModalProps) {
  const [input, setInput] = useState<TerritoryInput>({
    regionId: territory?.regionId ?? regionId ?? "",
    code: territory?.code ?? "",
    name: territory?.name ?? "",
  });
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const save = useSaveTerritory();
  const options = useMemo(() => regionOptions(regions), [regions]);
  const moving = territory !== null && input.regionId !== territory.regionId;
  const newRegion = regions.find((r) => r.id === input.regionId);

  const change = (field: keyof TerritoryInput, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = check({
      regionId: input.regionId ? undefined : "Choose a region",
      code: input.code.trim() ? undefined : "Enter a short code",
      name: input.name.trim() ? undefined : "Enter the territory's name",
    });
    if (!ok) return;
    save.mutate(
      { id: territory?.id ?? null, input: { ...input, code: input.code.trim(), name: input.name.trim() } },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: territory ? "Territory saved" : "Territory created",
            message: `${input.name.trim()} is saved${newRegion ? ` in ${newRegion.name}` : ""}.`,
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
      title={territory ? `Edit territory ${territory.name}` : "New territory"}
      centered
      data-testid="territory-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={errors.general} />
          <Select
            label={LABELS.regionId}
            data={options}
            value={input.regionId || null}
            onChange={(value) => change("regionId", value ?? "")}
            allowDeselect={false}
            searchable
            error={errors.fields.regionId}
            required
            data-testid="territory-region"
          />
          {moving ? (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />} p="xs">
              Moving this territory to {newRegion?.name ?? "another region"} moves its{" "}
              {formatCount(territory.siteCount)} {territory.siteCount === 1 ? "site" : "sites"} and their contacts into
              that region’s scope: its regional managers see them, those of the old region no longer do.
            </Alert>
          ) : null}
          <TextInput
            label={LABELS.code}
            description="2 to 16 letters, digits or dashes, e.g. UKI-SCO"
            value={input.code}
            onChange={(event) => change("code", event.currentTarget.value.toUpperCase())}
            error={errors.fields.code}
            required
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            data-testid="territory-code"
          />
          <TextInput
            label={LABELS.name}
            value={input.name}
            onChange={(event) => change("name", event.currentTarget.value)}
            error={errors.fields.name}
            required
            maxLength={120}
            autoComplete="off"
            data-testid="territory-name"
          />
          <FormActions
            submitLabel={territory ? "Save changes" : "Create territory"}
            pending={save.isPending}
            onCancel={onClose}
            submitTestId="territory-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
