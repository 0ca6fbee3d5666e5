import { Stack } from "@mantine/core";
import { memo } from "react";
import type { ContactFormApi } from "../hooks/useContactForm";
import { ContactMethods } from "./ContactMethods";
import { FormGroup } from "./FormGroup";
import { ManagementFields } from "./ManagementFields";
import { NameFields } from "./NameFields";
import { RoleFields } from "./RoleFields";

export type BasicSectionProps = {
  form: ContactFormApi;
  /** See `ContactMethodsProps.layout`. */
  layout: "slots" | "lists";
  lastNameRequired: boolean;
};

/** Name, role and authority, how to reach them, and who looks after them. */
export const BasicSection = memo(function BasicSection({ form, layout, lastNameRequired }: BasicSectionProps) {
  return (
    <Stack gap="lg">
      <FormGroup legend="Name" testId="group-name">
        <NameFields form={form} lastNameRequired={lastNameRequired} />
      </FormGroup>
      <FormGroup legend="Role and authority" testId="group-role">
        <RoleFields form={form} />
      </FormGroup>
      <FormGroup
        legend="How to reach them"
        hint={layout === "slots" ? "Numbers without a + are read in the country chosen beside them." : undefined}
        testId="group-contact-details"
      >
        <ContactMethods form={form} layout={layout} />
      </FormGroup>
      <FormGroup legend="Account management" testId="group-management">
        <ManagementFields form={form} />
      </FormGroup>
    </Stack>
  );
});
