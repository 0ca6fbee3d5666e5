import { Group, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";

export type SearchModeHintProps = {
  search: string;
};

/** Shown when no word starts with the text and the core fell back to matches inside words. */
export function SearchModeHint({ search }: SearchModeHintProps) {
  return (
    <Group gap={6} wrap="nowrap" data-testid="search-mode-hint">
      <IconInfoCircle size={14} stroke={1.6} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
      <Text size="sm" c="dimmed" truncate>
        No word starts with “{search}” — showing matches inside words
      </Text>
    </Group>
  );
}
