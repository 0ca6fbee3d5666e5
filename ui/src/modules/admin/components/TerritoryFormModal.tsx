import { Alert, Select } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useMemo } from "react";
import type { Region, Territory, TerritoryInput } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { useEditForm } from "../hooks/useEditForm";
import { useSaveTerritory } from "../hooks/useSaveTerritory";
import { regionOptions } from "../utils/territoryOptions";
import { CodeNameFields } from "./CodeNameFields";
import { FormModal } from "./FormModal";

export type TerritoryFormModalProps = {
  /** null: a new territory (in `regionId` when given). */
  territory: Territory | null;
  regionId?: string;
  regions: Region[];
  onClose: () => void;
};

const LABELS: Record<keyof TerritoryInput, string> = { regionId: "Region", code: "Code", name: "Name" };

export function TerritoryFormModal({ territory, regionId, regions, onClose }: TerritoryFormModalProps) {
  const save = useSaveTerritory();
  const { input, change, errors, check, submit, pending } = useEditForm<TerritoryInput>({
    initial: {
      regionId: territory?.regionId ?? regionId ?? "",
      code: territory?.code ?? "",
      name: territory?.name ?? "",
    },
    labels: LABELS,
    save,
    onSaved: onClose,
  });
  const options = useMemo(() => regionOptions(regions), [regions]);
  const moving = territory !== null && input.regionId !== territory.regionId;
  const newRegion = regions.find((r) => r.id === input.regionId);

  const onSubmit = () => {
    const ok = check({
      regionId: input.regionId ? undefined : "Choose a region",
      code: input.code.trim() ? undefined : "Enter a short code",
      name: input.name.trim() ? undefined : "Enter the territory's name",
    });
    if (!ok) return;
    submit(
      territory?.id ?? null,
      { ...input, code: input.code.trim(), name: input.name.trim() },
      {
        title: territory ? "Territory saved" : "Territory created",
        message: `${input.name.trim()} is saved${newRegion ? ` in ${newRegion.name}` : ""}.`,
      },
    );
  };

  return (
    <FormModal
      title={territory ? `Edit territory ${territory.name}` : "New territory"}
      testIdPrefix="territory"
      error={errors.general}
      submitLabel={territory ? "Save changes" : "Create territory"}
      pending={pending}
      onSubmit={onSubmit}
      onClose={onClose}
    >
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
      <CodeNameFields
        value={input}
        labels={LABELS}
        errors={errors.fields}
        onChange={change}
        codeExample="UKI-SCO"
        testIdPrefix="territory"
      />
    </FormModal>
  );
}
