import { Anchor, Box, Button, Group } from "@mantine/core";
import { IconArrowLeft, IconUserQuestion } from "@tabler/icons-react";
import { Link, useLocation, useParams } from "react-router";
import { isIpcError } from "../../../ipc/client";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useContact } from "../hooks/useContact";
import type { ContactListLocationState } from "../types/contactList";
import { ContactDetailSkeleton } from "./ContactDetailSkeleton";
import { ContactDetailView } from "./ContactDetailView";

function listSearchFrom(state: unknown): string {
  const candidate = (state as Partial<ContactListLocationState> | null)?.listSearch;
  return typeof candidate === "string" ? candidate : "";
}

export function ContactDetailPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const backTo = `/contacts${listSearchFrom(location.state)}`;
  const contact = useContact(id);

  let body;
  if (contact.isPending) {
    body = <ContactDetailSkeleton />;
  } else if (contact.isError && isIpcError(contact.error) && contact.error.code === "not_found") {
    body = (
      <StatePanel
        icon={<IconUserQuestion size={24} />}
        title="This contact does not exist (any more)"
        testId="contact-not-found"
        actions={
          <Button component={Link} to={backTo} variant="light" leftSection={<IconArrowLeft size={16} />}>
            Back to contacts
          </Button>
        }
      >
        It may have been merged into another record or removed, or the link is out of date.
      </StatePanel>
    );
  } else if (contact.isError) {
    body = (
      <ErrorState
        error={contact.error}
        onRetry={() => void contact.refetch()}
        retrying={contact.isRefetching}
        testId="contact-error"
      />
    );
  } else {
    body = <ContactDetailView contact={contact.data} />;
  }

  return (
    <Box flex={1} mih={0} style={{ overflow: "auto" }}>
      <Box p="md" maw={1280} mx="auto">
        <Group mb="sm">
          <Anchor component={Link} to={backTo} size="sm" data-testid="back-to-contacts">
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} />
              Contacts
            </Group>
          </Anchor>
        </Group>
        {body}
      </Box>
    </Box>
  );
}
