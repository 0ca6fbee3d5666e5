import { Grid, Text } from "@mantine/core";
import { memo } from "react";
import type { ContactFormApi } from "../hooks/useContactForm";
import { AUTHORITY_LEVELS } from "../utils/options";
import { FormAutocomplete, FormTextarea, FormTextInput } from "./FormFields";

export type RoleFieldsProps = { form: ContactFormApi };

const GBP = (
  <Text size="xs" c="dimmed">
    GBP
  </Text>
);

/** Job title, department, authority level and scope, approval limit, employee ID. */
export const RoleFields = memo(function RoleFields({ form }: RoleFieldsProps) {
  return (
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <FormTextInput form={form} field="jobTitle" label="Job title" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <FormTextInput form={form} field="department" label="Department" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <FormAutocomplete
          form={form}
          field="authorityLevel"
          label="Authority level"
          data={AUTHORITY_LEVELS}
          placeholder="e.g. Budget holder"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <FormTextInput
          form={form}
          field="approvalLimit"
          label="Approval limit"
          inputMode="decimal"
          placeholder="e.g. 10000.00"
          rightSection={GBP}
          rightSectionWidth={44}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <FormTextInput form={form} field="employeeId" label="Employee ID" spellCheck={false} />
      </Grid.Col>
      <Grid.Col span={12}>
        <FormTextarea
          form={form}
          field="authorityScope"
          label="Authority scope"
          description="What they may decide or approve, and for which sites."
        />
      </Grid.Col>
    </Grid>
  );
});
