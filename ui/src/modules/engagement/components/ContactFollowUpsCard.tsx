import { Button, Skeleton, Stack, Text } from "@mantine/core";
import { IconChecklist, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { DetailCard } from "../../contacts/components/DetailCard";
import { useContactFollowUps } from "../hooks/useContactFollowUps";
import { FollowUpList as List } from "./FollowUpList";
import { NewFollowUpModal } from "./NewFollowUpModal";

export type ContactFollowUpsCardProps = {
  contactId: string;
};

/** The contact's open follow-ups, and the closed ones on request. */
export function ContactFollowUpsCard({ contactId }: ContactFollowUpsCardProps) {
  const followUps = useContactFollowUps(contactId);
  const [showClosed, setShowClosed] = useState(false);
  const [creating, setCreating] = useState(false);
  let body;
  if (followUps.isPending) {
    body = <Skeleton height={40} aria-label="Loading follow-ups" />;
  } else if (followUps.isError) {
    body = (
      <Text size="sm" c="red">
        {formatIpcError(followUps.error).message}
      </Text>
    );
  } else {
    const open = followUps.data.filter((f) => f.status === "open");
    const closed = followUps.data.filter((f) => f.status !== "open");
    body = (
      <Stack gap="sm" data-testid="contact-follow-ups">
        {open.length ? (
          <List items={open} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="follow-ups-empty">
            Nothing to follow up. Tick “Create a follow-up” when you log an interaction with next steps.
          </Text>
        )}
        {closed.length ? (
          <>
            <Button size="compact-xs" variant="subtle" onClick={() => setShowClosed((v) => !v)} w="fit-content" data-testid="follow-ups-closed-toggle">
              {showClosed ? "Hide closed" : `Show ${closed.length} closed`}
            </Button>
            {showClosed ? <List items={closed} /> : null}
          </>
        ) : null}
      </Stack>
    );
  }
  return (
    <DetailCard
      title="Follow-ups"
      icon={<IconChecklist size={16} />}
      testId="card-follow-ups"
      rightSection={
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setCreating(true)} data-testid="new-follow-up-open">
          New
        </Button>
      }
    >
      {body}
      {creating ? <NewFollowUpModal contactId={contactId} onClose={() => setCreating(false)} /> : null}
    </DetailCard>
  );
}
