import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconMapPin, IconStarFilled } from "@tabler/icons-react";
import { Link } from "react-router";
import type { AccountMap, MapPerson, SiteRole } from "../../../ipc/bindings";
import { ContactStatusBadge } from "../../contacts/components/ContactStatusBadge";
import { siteRoleLabels } from "../../contacts/utils/labels";
import { GroupsCard } from "./GroupsCard";

export type PeopleSitesPanelProps = {
  account: AccountMap;
};

type SitePerson = { person: MapPerson; role: SiteRole; isPrimary: boolean };

/** Each of the account's sites with the people who serve it, their role there and the primary contact first. */
export function PeopleSitesPanel({ account }: PeopleSitesPanelProps) {
  const groupNames = new Map(account.groups.map((group) => [group.id, group.name]));
  const bySite = new Map<string, SitePerson[]>(account.sites.map((site) => [site.id, []]));
  for (const person of account.people) {
    for (const site of person.sites) {
      bySite.get(site.siteId)?.push({ person, role: site.role, isPrimary: site.isPrimary });
    }
  }
  for (const people of bySite.values()) {
    people.sort(
      (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.person.displayName.localeCompare(b.person.displayName),
    );
  }

  return (
    <Stack gap="lg" data-testid="account-people">
      <GroupsCard account={account} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {account.sites.map((site) => {
          const people = bySite.get(site.id) ?? [];
          return (
            <Card key={site.id} withBorder radius="md" padding="md" data-testid="account-site" data-site-id={site.id}>
              <Group gap="sm" wrap="nowrap" mb="sm">
                <ThemeIcon variant="light" radius="xl" aria-hidden>
                  <IconMapPin size={16} />
                </ThemeIcon>
                <Stack gap={0} miw={0}>
                  <Text fw={600} truncate="end" title={site.name}>
                    {site.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {[site.city, site.territoryName].filter(Boolean).join(" · ")}
                  </Text>
                </Stack>
              </Group>
              {people.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nobody at this site is in your area.
                </Text>
              ) : (
                <Stack gap={6}>
                  {people.map(({ person, role, isPrimary }) => (
                    <Group key={person.id} gap="xs" wrap="nowrap" data-testid="site-person" data-person-id={person.id}>
                      <Tooltip label="Primary contact of this site" disabled={!isPrimary}>
                        <IconStarFilled
                          size={12}
                          aria-label={isPrimary ? "Primary contact" : undefined}
                          style={{ visibility: isPrimary ? "visible" : "hidden", flexShrink: 0 }}
                          color="var(--mantine-color-yellow-6)"
                        />
                      </Tooltip>
                      <Stack gap={0} miw={0} flex={1}>
                        <Anchor component={Link} to={`/contacts/${person.id}`} size="sm" truncate="end">
                          {person.displayName}
                        </Anchor>
                        <Text size="xs" c="dimmed" truncate="end">
                          {[siteRoleLabels[role], person.jobTitle].filter(Boolean).join(" · ")}
                        </Text>
                      </Stack>
                      {person.groupIds.map((groupId) => (
                        <Badge key={groupId} size="xs" variant="light" tt="none">
                          {groupNames.get(groupId)}
                        </Badge>
                      ))}
                      {person.quality ? (
                        <Tooltip label={person.quality}>
                          <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" aria-label={person.quality} />
                        </Tooltip>
                      ) : null}
                      {person.status && person.status !== "active" ? <ContactStatusBadge status={person.status} /> : null}
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
