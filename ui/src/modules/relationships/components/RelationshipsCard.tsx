import { Anchor, Badge, Button, Group, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { IconHierarchy2, IconTopologyStar3 } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { ContactRelationship } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { DetailCard } from "../../contacts/components/DetailCard";
import { useContactRelationships } from "../hooks/useContactRelationships";
import { NetworkView } from "../network/NetworkView";
import { relationshipPhrase } from "../utils/relationshipPhrase";

export type RelationshipsCardProps = {
  contactId: string;
};

function Other({ item }: { item: ContactRelationship }) {
  const { other } = item;
  if (other.placeholder) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {other.displayName}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/contacts/${other.id}`} size="sm" truncate="end">
      {other.displayName}
    </Anchor>
  );
}

/** Who this person reports to, who reports to them, and their other relationships, across accounts. */
export function RelationshipsCard({ contactId }: RelationshipsCardProps) {
  const relationships = useContactRelationships(contactId);
  const items = relationships.data ?? [];
  const [networkOpen, setNetworkOpen] = useState(false);
  const navigate = useNavigate();

  let body;
  if (relationships.isPending) {
    body = <Skeleton height={48} />;
  } else if (relationships.isError) {
    body = (
      <Text size="sm" c="red">
        {formatIpcError(relationships.error).message}
      </Text>
    );
  } else if (items.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        No relationships recorded. Add them on the org chart of this person's account.
      </Text>
    );
  } else {
    body = (
      <Stack gap={6}>
        {items.map((item) => (
          <Group
            key={item.relationship.id}
            gap="xs"
            wrap="nowrap"
            data-testid="contact-relationship"
            data-kind={item.relationship.kind}
          >
            <Badge size="sm" variant="light" tt="none" miw={120}>
              {relationshipPhrase(item.relationship.kind, item.outgoing)}
            </Badge>
            <Stack gap={0} miw={0}>
              <Other item={item} />
              {item.other.jobTitle ? (
                <Text size="xs" c="dimmed" truncate="end">
                  {item.other.jobTitle}
                </Text>
              ) : null}
            </Stack>
          </Group>
        ))}
      </Stack>
    );
  }

  return (
    <DetailCard
      title="Relationships"
      icon={<IconHierarchy2 size={16} />}
      testId="card-relationships"
      rightSection={
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconTopologyStar3 size={14} />}
          onClick={() => setNetworkOpen(true)}
          data-testid="show-network"
        >
          Show network
        </Button>
      }
    >
      {body}
      <Modal
        opened={networkOpen}
        onClose={() => setNetworkOpen(false)}
        size="90%"
        title="Network"
        data-testid="network-modal"
      >
        {networkOpen ? (
          <NetworkView
            source={{ kind: "contact", id: contactId }}
            onOpenPerson={(id) => {
              setNetworkOpen(false);
              void navigate(`/contacts/${id}`);
            }}
          />
        ) : null}
      </Modal>
    </DetailCard>
  );
}
