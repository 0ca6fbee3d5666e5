import { Alert, Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconUserPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import type { CreatedContact } from "../../../../ipc/bindings";
import classes from "./ContactForm.module.css";

export type CreatedPanelProps = {
  created: CreatedContact;
  name: string;
  /** Field paths of warnings in words. */
  warningText: (field: string, message: string) => string;
  onAddAnother: () => void;
};

/** The result of the wizard: the new reference number, and where to go next. */
export function CreatedPanel({ created, name, warningText, onAddAnother }: CreatedPanelProps) {
  return (
    <Card p="xl" data-testid="created-panel" maw={640} mx="auto" w="100%">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" color="teal" variant="light" aria-hidden>
          <IconCheck size={30} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {name || "The contact"} is created
        </Title>
        <Text c="dimmed" size="sm">
          Reference number
        </Text>
        <Text className={classes.reference} data-testid="created-reference" aria-live="polite">
          {created.reference}
        </Text>
        <Text size="sm" c="dimmed">
          Quote it when you talk to colleagues or the customer; search finds the contact by it.
        </Text>
        {created.warnings.length > 0 ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={16} />}
            title="Saved with notes for data quality"
            ta="left"
            w="100%"
            data-testid="created-warnings"
          >
            <List size="sm">
              {created.warnings.map((w) => (
                <List.Item key={`${w.field}:${w.message}`}>{warningText(w.field, w.message)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Group mt="md">
          <Button component={Link} to={`/contacts/${created.id}`} data-autofocus data-testid="created-open">
            Open contact
          </Button>
          <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={onAddAnother} data-testid="created-add-another">
            Add another
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
