import { ActionIcon, Box, Grid, Group, Select, TextInput, Tooltip } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { memo } from "react";
import type { AddressKind, EmailKind, PhoneKind } from "../../../../ipc/bindings";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldProps } from "../hooks/useFieldProps";
import {
  addressCountryOptions,
  addressCountryValue,
  addressKindOptions,
  emailKindOptions,
  HOME_COUNTRY,
  phoneCountryOptions,
  phoneKindOptions,
} from "../utils/options";

const INTERNATIONAL = "international";
const INTERNATIONAL_OPTIONS = [{ value: INTERNATIONAL, label: "From the + number" }];

type RowProps = {
  form: ContactFormApi;
  index: number;
  label: string;
  /** Offer the kind (office, mobile, ...) as a choice, and removing the entry: the edit screen's lists. */
  editable?: boolean;
};

function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Tooltip label={`Remove ${label.toLowerCase()}`}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        onClick={onRemove}
        aria-label={`Remove ${label.toLowerCase()}`}
        mt={25}
        data-testid="remove-entry"
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

export type PhoneFieldsProps = RowProps & { withExtension?: boolean };

/** A phone: its country (for numbers typed without +), the number and an extension. */
export const PhoneFields = memo(function PhoneFields({ form, index, label, editable = false, withExtension = true }: PhoneFieldsProps) {
  const phone = useFormValue(form, (v) => v.phones[index]);
  const fieldProps = useFieldProps();
  const path = `phones.${index}`;
  if (!phone) return null;
  const international = phone.number.trim().startsWith("+");
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid={`phone-${index}`}>
      {editable ? (
        <Select
          label="Type"
          data={phoneKindOptions}
          value={phone.kind}
          onChange={(value) => value && form.setEntry("phones", index, { kind: value as PhoneKind })}
          allowDeselect={false}
          w={110}
          data-testid={`field-${path}.kind`}
        />
      ) : null}
      <Select
        label="Country"
        aria-label={`${label} country`}
        // A number starting with + carries its country; the choice would be ignored.
        data={international ? INTERNATIONAL_OPTIONS : phoneCountryOptions}
        value={international ? INTERNATIONAL : phone.country || HOME_COUNTRY}
        onChange={(value) => form.setEntry("phones", index, { country: !value || value === HOME_COUNTRY ? "" : value })}
        disabled={international}
        allowDeselect={false}
        searchable
        w={{ base: 150, sm: 210 }}
        style={{ flexShrink: 0 }}
        data-testid={`field-${path}.country`}
      />
      <TextInput
        {...fieldProps(`${path}.number`, label)}
        value={phone.number}
        onChange={(event) => form.setEntry("phones", index, { number: event.currentTarget.value })}
        inputMode="tel"
        autoComplete="off"
        style={{ flex: 1, minWidth: 0 }}
      />
      {withExtension ? (
        <TextInput
          {...fieldProps(`${path}.extension`, "Extension")}
          value={phone.extension ?? ""}
          onChange={(event) => form.setEntry("phones", index, { extension: event.currentTarget.value })}
          inputMode="numeric"
          autoComplete="off"
          w={100}
          style={{ flexShrink: 0 }}
        />
      ) : null}
      {editable ? <RemoveButton label={label} onRemove={() => form.removeEntry("phones", index)} /> : null}
    </Group>
  );
});

/** An email address. */
export const EmailFields = memo(function EmailFields({ form, index, label, editable = false }: RowProps) {
  const email = useFormValue(form, (v) => v.emails[index]);
  const fieldProps = useFieldProps();
  const path = `emails.${index}`;
  if (!email) return null;
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid={`email-${index}`}>
      {editable ? (
        <Select
          label="Type"
          data={emailKindOptions}
          value={email.kind}
          onChange={(value) => value && form.setEntry("emails", index, { kind: value as EmailKind })}
          allowDeselect={false}
          w={120}
          style={{ flexShrink: 0 }}
          data-testid={`field-${path}.kind`}
        />
      ) : null}
      <TextInput
        {...fieldProps(`${path}.address`, label)}
        value={email.address}
        onChange={(event) => form.setEntry("emails", index, { address: event.currentTarget.value })}
        type="email"
        autoComplete="off"
        spellCheck={false}
        style={{ flex: 1, minWidth: 0 }}
      />
      {editable ? <RemoveButton label={label} onRemove={() => form.removeEntry("emails", index)} /> : null}
    </Group>
  );
});

/** A postal address: street, city, region, postcode and country. */
export const AddressFields = memo(function AddressFields({ form, index, label, editable = false }: RowProps) {
  const address = useFormValue(form, (v) => v.addresses[index]);
  const fieldProps = useFieldProps();
  const path = `addresses.${index}`;
  if (!address) return null;
  const set = (patch: Partial<typeof address>) => form.setEntry("addresses", index, patch);
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid={`address-${index}`}>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Grid gutter="sm">
          {editable ? (
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <Select
                label="Type"
                data={addressKindOptions}
                value={address.kind}
                onChange={(value) => value && set({ kind: value as AddressKind })}
                allowDeselect={false}
                data-testid={`field-${path}.kind`}
              />
            </Grid.Col>
          ) : null}
          <Grid.Col span={{ base: 12, sm: editable ? 9 : 12 }}>
            <TextInput
              {...fieldProps(`${path}.line1`, `${label}: street`)}
              label={editable ? "Street" : `${label}: street`}
              value={address.line1}
              onChange={(event) => set({ line1: event.currentTarget.value })}
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              {...fieldProps(`${path}.line2`, "Address line 2")}
              value={address.line2 ?? ""}
              onChange={(event) => set({ line2: event.currentTarget.value })}
              autoComplete="off"
              placeholder="Building, floor, department"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...fieldProps(`${path}.city`, "City")}
              value={address.city}
              onChange={(event) => set({ city: event.currentTarget.value })}
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput
              {...fieldProps(`${path}.region`, "County or region")}
              value={address.region ?? ""}
              onChange={(event) => set({ region: event.currentTarget.value })}
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 2 }}>
            <TextInput
              {...fieldProps(`${path}.postalCode`, "Postcode")}
              value={address.postalCode ?? ""}
              onChange={(event) => set({ postalCode: event.currentTarget.value })}
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              {...fieldProps(`${path}.country`, "Country")}
              data={addressCountryOptions(address.country)}
              value={addressCountryValue(address.country)}
              onChange={(value) => set({ country: value ?? "" })}
              searchable
              clearable
              placeholder="Choose"
            />
          </Grid.Col>
        </Grid>
      </Box>
      {editable ? <RemoveButton label={label} onRemove={() => form.removeEntry("addresses", index)} /> : null}
    </Group>
  );
});
