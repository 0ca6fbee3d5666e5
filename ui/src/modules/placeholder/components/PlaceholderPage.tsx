import { Badge, Card, Group, List, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconTools } from "@tabler/icons-react";
import { navItem } from "../../shell/utils/navItems";
import type { PlaceholderSection } from "../types/placeholderSection";
import { sectionPlans } from "../utils/sectionPlans";

export type PlaceholderPageProps = {
  section: PlaceholderSection;
};

/** An honest panel for a section that does not exist yet: what it will do, and that it is not built. */
export function PlaceholderPage({ section }: PlaceholderPageProps) {
  const item = navItem(section);
  const plan = sectionPlans[section];
  return (
    <Stack p="xl" gap="lg" maw={760} data-testid={`placeholder-${section}`} style={{ overflow: "auto" }}>
      <Group gap="sm">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
          <item.icon size={22} stroke={1.6} />
        </ThemeIcon>
        <Title order={2}>{item.label}</Title>
        <Badge variant="default" tt="none" fw={500}>
          Not built yet
        </Badge>
      </Group>
      <Card>
        <Stack gap="sm">
          <Text>{plan.summary}</Text>
          <Text size="sm" fw={600}>
            When it is built, this section will offer:
          </Text>
          <List size="sm" spacing={6} c="dimmed">
            {plan.plans.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Group gap="xs" mt="xs" wrap="nowrap" align="flex-start">
            <IconTools size={16} stroke={1.6} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" c="dimmed">
              This part of Rapport is not built yet. Nothing here reads or changes your data.
            </Text>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
