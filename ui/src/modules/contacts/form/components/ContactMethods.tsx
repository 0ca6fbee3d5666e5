import { Button, Group, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { AddressKind, EmailKind, PhoneKind } from "../../../../ipc/bindings";
import { addressKindLabels, emailKindLabels, phoneKindLabels } from "../../utils/labels";
import { memo } from "react";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldFeedback } from "../hooks/useFieldFeedback";
import { emptyAddress, emptyEmail, emptyPhone, WIZARD_SLOTS } from "../utils/formValues";
import { AddressFields, EmailFields, PhoneFields } from "./ContactMethodFields";

export type ContactMethodsProps = {
  form: ContactFormApi;
  /**
   * "slots": the wizard's fixed fields (office phone, mobile, business and alternate email, mailing
   * address). "lists": every stored entry with its type, entries can be added and removed (the edit
   * screen; imported contacts may have a home phone, a fax, a personal email...).
   */
  layout: "slots" | "lists";
};

export const ContactMethods = memo(function ContactMethods({ form, layout }: ContactMethodsProps) {
  return layout === "slots" ? <Slots form={form} /> : <Lists form={form} />;
});

function Slots({ form }: { form: ContactFormApi }) {
  return (
    <Stack gap="sm">
      <PhoneFields form={form} index={WIZARD_SLOTS.officePhone} label="Office phone" />
      <PhoneFields form={form} index={WIZARD_SLOTS.mobilePhone} label="Mobile" withExtension={false} />
      <Group grow align="flex-start" gap="sm">
        <EmailFields form={form} index={WIZARD_SLOTS.businessEmail} label="Business email" />
        <EmailFields form={form} index={WIZARD_SLOTS.alternateEmail} label="Alternate email" />
      </Group>
      <AddressFields form={form} index={WIZARD_SLOTS.mailingAddress} label="Mailing address" />
    </Stack>
  );
}

function ListProblem({ path }: { path: string }) {
  const { field } = useFieldFeedback();
  const state = field(path, "");
  return state.error ? (
    <Text size="sm" c="red" role="alert">
      {state.error}
    </Text>
  ) : null;
}

/** The kinds of a list's entries, as one string, so the lists re-render only when an entry is added, removed or retyped. */
function useKinds(form: ContactFormApi, list: "emails" | "phones" | "addresses"): string[] {
  const joined = useFormValue(form, (v) => v[list].map((e) => e.kind).join(","));
  return joined ? joined.split(",") : [];
}

function Lists({ form }: { form: ContactFormApi }) {
  const { addEntry } = form;
  const phoneKinds = useKinds(form, "phones") as PhoneKind[];
  const emailKinds = useKinds(form, "emails") as EmailKind[];
  const addressKinds = useKinds(form, "addresses") as AddressKind[];
  return (
    <Stack gap="lg">
      <Stack gap="xs" data-testid="phones-list">
        {phoneKinds.map((kind, i) => (
          <PhoneFields key={i} form={form} index={i} label={`${phoneKindLabels[kind]} phone`} editable />
        ))}
        <ListProblem path="phones" />
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => addEntry("phones", emptyPhone(phoneKinds.includes("office") ? "mobile" : "office"))}
            data-testid="add-phone"
          >
            Add phone
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs" data-testid="emails-list">
        {emailKinds.map((kind, i) => (
          <EmailFields key={i} form={form} index={i} label={`${emailKindLabels[kind]} email`} editable />
        ))}
        <ListProblem path="emails" />
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => addEntry("emails", emptyEmail(emailKinds.includes("business") ? "alternate" : "business"))}
            data-testid="add-email"
          >
            Add email
          </Button>
        </Group>
      </Stack>
      <Stack gap="md" data-testid="addresses-list">
        {addressKinds.map((kind, i) => (
          <AddressFields key={i} form={form} index={i} label={`${addressKindLabels[kind]} address`} editable />
        ))}
        <ListProblem path="addresses" />
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => addEntry("addresses", emptyAddress(addressKinds.includes("mailing") ? "home" : "mailing"))}
            data-testid="add-address"
          >
            Add address
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
