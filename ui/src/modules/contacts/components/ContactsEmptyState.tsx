import { Button } from "@mantine/core";
import { IconCircleCheck, IconFilterOff, IconPlus, IconUsers, IconUserSearch } from "@tabler/icons-react";
import { StatePanel } from "../../shell/components/StatePanel";

export type ContactsEmptyStateProps = {
  /** True when a search or filter is narrowing the list. */
  narrowed: boolean;
  /** True when the only narrowing is "Unassigned (no site)": then an empty list is good news. */
  unassignedOnly?: boolean;
  onClear: () => void;
  /** Offered on an empty database to users who may create contacts. */
  onCreate?: () => void;
};

export function ContactsEmptyState({ narrowed, unassignedOnly = false, onClear, onCreate }: ContactsEmptyStateProps) {
  if (unassignedOnly) {
    return (
      <StatePanel
        icon={<IconCircleCheck size={24} />}
        color="teal"
        title="Every contact has a site"
        testId="contacts-empty"
        actions={
          <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
            Show all contacts
          </Button>
        }
      >
        No contact is waiting to be assigned to a site.
      </StatePanel>
    );
  }
  if (!narrowed) {
    return (
      <StatePanel
        icon={<IconUsers size={24} />}
        title="No contacts yet"
        testId="contacts-empty"
        actions={
          onCreate ? (
            <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
              New contact
            </Button>
          ) : null
        }
      >
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
