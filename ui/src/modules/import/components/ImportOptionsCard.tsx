import { Card, Grid, Input, SegmentedControl, Select, Stack, Text, type ComboboxData } from "@mantine/core";
import type { ContactType, OnDuplicate } from "../../../ipc/bindings";
import { contactTypeLabels } from "../../contacts/utils/labels";
import type { FileOptions, ImportTarget } from "../types/importFile";
import { onDuplicateLabels } from "../utils/labels";
import { RequiredFieldsHint } from "./RequiredFieldsHint";
import { SiteTargetSelect } from "./SiteTargetSelect";

export type ImportOptionsCardProps = {
  options: FileOptions;
  /** The target in effect (site administrators without a choice: no site). */
  target: ImportTarget | null;
  withoutSite: boolean;
  /** The workbook's sheets, from the preview. */
  sheets: string[];
  disabled: boolean;
  onChange: (change: Partial<FileOptions>) => void;
};

const typeOptions: ComboboxData = (Object.keys(contactTypeLabels) as ContactType[]).map((value) => ({
  value,
  label: contactTypeLabels[value],
}));

const duplicateOptions = (Object.keys(onDuplicateLabels) as OnDuplicate[]).map((value) => ({
  value,
  label: onDuplicateLabels[value],
}));

/** Where the new contacts go and how the file is read. Each change checks the file again. */
export function ImportOptionsCard({
  options,
  target,
  withoutSite,
  sheets,
  disabled,
  onChange,
}: ImportOptionsCardProps) {
  return (
    <Card data-testid="import-options">
      <Stack gap="md">
        <Grid gutter="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: sheets.length > 1 ? 6 : 8 }}>
            <SiteTargetSelect
              target={target}
              withoutSite={withoutSite}
              disabled={disabled}
              onChange={(next) => onChange({ target: next })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: sheets.length > 1 ? 3 : 4 }}>
            <Select
              label="Type of new contacts"
              description="Updated contacts keep their type."
              data={typeOptions}
              value={options.contactType}
              onChange={(value) => value && onChange({ contactType: value as ContactType })}
              allowDeselect={false}
              disabled={disabled}
              data-testid="import-contact-type"
            />
          </Grid.Col>
          {sheets.length > 1 ? (
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <Select
                label="Sheet"
                description={`The workbook has ${sheets.length} sheets.`}
                data={sheets}
                value={options.sheet ?? sheets[0]}
                // Record numbers belong to one sheet: decisions for another sheet's records do not apply.
                onChange={(value) => value && onChange({ sheet: value, decisions: [] })}
                allowDeselect={false}
                disabled={disabled}
                data-testid="import-sheet"
              />
            </Grid.Col>
          ) : null}
        </Grid>
        <Input.Wrapper
          label="When a record matches an existing contact"
          description="Matches are found by email, phone or name at the same organisation. You can decide record by record below."
        >
          <SegmentedControl
            mt={6}
            data={duplicateOptions}
            value={options.onDuplicate}
            onChange={(value) => onChange({ onDuplicate: value as OnDuplicate })}
            disabled={disabled}
            data-testid="import-on-duplicate"
          />
        </Input.Wrapper>
        <RequiredFieldsHint />
        {disabled ? (
          <Text size="xs" c="dimmed">
            This file is imported: its options no longer change anything.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
