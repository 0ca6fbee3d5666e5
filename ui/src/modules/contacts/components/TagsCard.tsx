import { Badge, Group, Text } from "@mantine/core";
import { IconTags } from "@tabler/icons-react";
import { DetailCard } from "./DetailCard";

export type TagsCardProps = {
  tags: string[];
};

export function TagsCard({ tags }: TagsCardProps) {
  return (
    <DetailCard title="Tags" icon={<IconTags size={16} />} testId="card-tags">
      {tags.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tags.
        </Text>
      ) : (
        <Group gap={6}>
          {tags.map((tag) => (
            <Badge key={tag} variant="default" tt="none" fw={500} maw="100%">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
    </DetailCard>
  );
}
