import { Grid } from "@mantine/core";
import { memo } from "react";
import { todayIso } from "../../components/significantFields";
import type { ContactFormApi } from "../hooks/useContactForm";
import { FormAutocomplete, FormTextInput } from "./FormFields";

const SOURCES = [
  "Confirmed by the existing primary contact",
  "Email from the customer",
  "Signed customer form",
  "Phone call with the customer",
  "Purchase order",
];

export type ApprovalFieldsProps = { form: ContactFormApi };

/** Who at the customer approved adding this contact, and when (seed: "document approval source and date"). */
export const ApprovalFields = memo(function ApprovalFields({ form }: ApprovalFieldsProps) {
  return (
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <FormAutocomplete
          form={form}
          field="approvalSource"
          label="Approval source"
          description="Who or what confirmed this contact, e.g. the customer's primary contact by email."
          data={SOURCES}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }} style={{ alignSelf: "flex-end" }}>
        <FormTextInput form={form} field="approvalDate" label="Approval date" type="date" max={todayIso()} />
      </Grid.Col>
    </Grid>
  );
});
