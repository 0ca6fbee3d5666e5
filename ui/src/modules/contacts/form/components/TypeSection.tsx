import { SimpleGrid, Stack, Text, TextInput, ThemeIcon, UnstyledButton } from "@mantine/core";
import {
  IconAlertOctagon,
  IconCategory,
  IconReceipt,
  IconStar,
  IconTool,
  type Icon,
} from "@tabler/icons-react";
import { memo, useRef, type KeyboardEvent } from "react";
import type { ContactType } from "../../../../ipc/bindings";
import { contactTypeLabels } from "../../utils/labels";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldFeedback } from "../hooks/useFieldFeedback";
import { useFieldProps } from "../hooks/useFieldProps";
import { CONTACT_TYPES, contactTypeDescriptions } from "../utils/options";
import classes from "./ContactForm.module.css";

const icons: Record<ContactType, Icon> = {
  primary: IconStar,
  billing: IconReceipt,
  operations: IconTool,
  emergency: IconAlertOctagon,
  other: IconCategory,
};

export type TypeSectionProps = {
  form: ContactFormApi;
  /** Smaller cards without their explanation (the edit screen). */
  compact?: boolean;
};

/**
 * The contact type as large cards in a radio group: arrows move between them (and choose, as in
 * any radio group), Tab leaves the group from the chosen one.
 */
export const TypeSection = memo(function TypeSection({ form, compact = false }: TypeSectionProps) {
  const { set } = form;
  const contactType = useFormValue(form, (v) => v.contactType);
  const contactTypeOther = useFormValue(form, (v) => v.contactTypeOther);
  const fieldProps = useFieldProps();
  const { field } = useFieldFeedback();
  const typeState = field("contactType", "Contact type");
  const refs = useRef<Partial<Record<ContactType, HTMLButtonElement | null>>>({});

  const choose = (type: ContactType, focus = false) => {
    set("contactType", type);
    if (focus) refs.current[type]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!delta || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const at = CONTACT_TYPES.indexOf(contactType);
    const next = CONTACT_TYPES[(at + delta + CONTACT_TYPES.length) % CONTACT_TYPES.length];
    choose(next, true);
  };

  return (
    <Stack gap="md">
      <SimpleGrid
        cols={compact ? { base: 2, sm: 3, lg: 5 } : { base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        role="radiogroup"
        aria-label="Contact type"
        onKeyDown={onKeyDown}
        data-testid="contact-type-group"
      >
        {CONTACT_TYPES.map((type) => {
          const checked = contactType === type;
          const TypeIcon = icons[type];
          return (
            <UnstyledButton
              key={type}
              ref={(el) => {
                refs.current[type] = el;
              }}
              className={classes.typeCard}
              role="radio"
              aria-checked={checked}
              data-checked={checked || undefined}
              tabIndex={checked ? 0 : -1}
              onClick={() => choose(type)}
              data-testid={`contact-type-${type}`}
              data-autofocus={checked || undefined}
            >
              <ThemeIcon size={compact ? 28 : 36} radius="md" variant={checked ? "filled" : "light"} aria-hidden>
                <TypeIcon size={compact ? 16 : 20} />
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1 }}>
                <Text fw={600}>{contactTypeLabels[type]}</Text>
                {compact ? null : (
                  <Text size="sm" c="dimmed">
                    {contactTypeDescriptions[type]}
                  </Text>
                )}
              </Stack>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      {typeState.error ? (
        <Text size="sm" c="red" role="alert">
          {typeState.error}
        </Text>
      ) : null}
      {contactType === "other" ? (
        <TextInput
          {...fieldProps("contactTypeOther", "What kind of contact", "For example: facilities consultant, auditor, tenant representative.")}
          value={contactTypeOther ?? ""}
          onChange={(event) => set("contactTypeOther", event.currentTarget.value)}
          required
          maw={520}
          autoComplete="off"
        />
      ) : null}
    </Stack>
  );
});
