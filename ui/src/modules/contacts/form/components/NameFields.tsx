import { Grid } from "@mantine/core";
import { memo } from "react";
import type { ContactFormApi } from "../hooks/useContactForm";
import { SALUTATIONS, SUFFIXES } from "../utils/options";
import { FormAutocomplete, FormTextInput } from "./FormFields";

export type NameFieldsProps = { form: ContactFormApi; lastNameRequired: boolean };

/** Salutation, first, middle and last name, preferred name and suffix. */
export const NameFields = memo(function NameFields({ form, lastNameRequired }: NameFieldsProps) {
  return (
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, xs: 4, md: 2 }}>
        <FormAutocomplete form={form} field="salutation" label="Salutation" data={SALUTATIONS} placeholder="Mr., Ms., Dr." />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 8, md: 4 }}>
        <FormTextInput form={form} field="firstName" label="First name" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 4, md: 2 }}>
        <FormTextInput form={form} field="middleName" label="Middle name or initial" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 8, md: 4 }}>
        <FormTextInput form={form} field="lastName" label="Last name" required={lastNameRequired} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 8, md: 6 }}>
        <FormTextInput
          form={form}
          field="preferredName"
          label="Preferred name"
          description="What they like to be called, if not their first name."
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 4, md: 2 }} style={{ alignSelf: "flex-end" }}>
        <FormAutocomplete form={form} field="suffix" label="Suffix" data={SUFFIXES} placeholder="Jr., PhD" />
      </Grid.Col>
    </Grid>
  );
});
