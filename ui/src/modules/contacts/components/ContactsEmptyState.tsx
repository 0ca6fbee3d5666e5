import { Button } from "@mantine/core";
import { IconFilterOff, IconUsers, IconUserSearch } from "@tabler/icons-react";
import { StatePanel } from "../../shell/components/StatePanel";

export type ContactsEmptyStateProps = {
  /** True when a search or filter is narrowing the list. */
  narrowed: boolean;
  onClear: () => void;
};

export function ContactsEmptyState({ narrowed, onClear }: ContactsEmptyStateProps) {
  if (!narrowed) {
    return (
      <StatePanel icon={<IconUsers size={24} />} title="No contacts yet" testId="contacts-empty">
        This database does not hold any contacts yet.
      </StatePanel>
    );
  }
  return (
    <StatePanel
      icon={<IconUserSearch size={24} />}
      title="No contacts match"
      testId="contacts-empty"
      actions={
        <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          Clear search and filters
        </Button>
      }
    >
      Nobody matches this search and these filters. Check the spelling, search for part of a name, email or phone
      number, or clear the filters.
    </StatePanel>
  );
}
