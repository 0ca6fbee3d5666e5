import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconMapPlus, IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Region, Territory } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import type { useRegions } from "../hooks/useRegions";
import { RegionFormModal } from "./RegionFormModal";
import { SectionHeader } from "./SectionHeader";
import { TableSkeleton } from "./TableSkeleton";
import { TerritoryFormModal } from "./TerritoryFormModal";

export type RegionsSectionProps = {
  regions: ReturnType<typeof useRegions>;
};

type Dialog =
  | { kind: "region"; region: Region | null }
  | { kind: "territory"; territory: Territory | null; regionId?: string };

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

type RegionCardProps = {
  region: Region;
  onEditRegion: () => void;
  onAddTerritory: () => void;
  onEditTerritory: (territory: Territory) => void;
};

function RegionCard({ region, onEditRegion, onAddTerritory, onEditTerritory }: RegionCardProps) {
  const sites = region.territories.reduce((sum, t) => sum + t.siteCount, 0);
  return (
    <Card component="section" aria-label={region.name} data-testid="region-card" data-region-code={region.code}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Badge variant="light" tt="none" ff="monospace" style={{ flexShrink: 0 }}>
            {region.code}
          </Badge>
          <Text fw={600} truncate="end" title={region.name} component="h4" m={0} size="md">
            {region.name}
          </Text>
        </Group>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Add a territory">
            <ActionIcon variant="subtle" color="gray" aria-label={`Add a territory to ${region.name}`} onClick={onAddTerritory}>
              <IconPlus size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Edit region">
            <ActionIcon variant="subtle" color="gray" aria-label={`Edit region ${region.name}`} onClick={onEditRegion}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {plural(region.territories.length, "territory", "territories")} · {plural(sites, "site", "sites")}
      </Text>
      {region.territories.length === 0 ? (
        <Text size="sm" c="dimmed" py="xs">
          No territories yet.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} style={{ tableLayout: "fixed" }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={92}>Code</Table.Th>
              <Table.Th>Territory</Table.Th>
              <Table.Th w={64} ta="right">
                Sites
              </Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...region.territories]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((territory) => (
                <Table.Tr key={territory.id} data-testid="territory-row">
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed" truncate="end" title={territory.code}>
                      {territory.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" title={territory.name}>
                      {territory.name}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(territory.siteCount)}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={`Edit territory ${territory.name}`}
                      onClick={() => onEditTerritory(territory)}
                    >
                      <IconPencil size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function RegionsSection({ regions }: RegionsSectionProps) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const list = [...(regions.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const territoryCount = list.reduce((sum, r) => sum + r.territories.length, 0);

  let body;
  if (regions.isPending) {
    body = <TableSkeleton label="Loading regions" rows={5} columns={3} testId="regions-loading" />;
  } else if (regions.isError) {
    body = (
      <Card>
        <ErrorState error={regions.error} onRetry={() => void regions.refetch()} retrying={regions.isRefetching} />
      </Card>
    );
  } else if (list.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconMapPlus size={24} />} title="No regions yet" testId="regions-empty">
          Regions group territories; every site belongs to a territory. Start with a region.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {list.map((region) => (
          <RegionCard
            key={region.id}
            region={region}
            onEditRegion={() => setDialog({ kind: "region", region })}
            onAddTerritory={() => setDialog({ kind: "territory", territory: null, regionId: region.id })}
            onEditTerritory={(territory) => setDialog({ kind: "territory", territory })}
          />
        ))}
      </SimpleGrid>
    );
  }

  return (
    <Stack gap="sm" data-testid="regions-section">
      <SectionHeader
        title="Regions and territories"
        description={
          regions.data
            ? `${plural(list.length, "region", "regions")} with ${plural(territoryCount, "territory", "territories")}. Regional and territory managers see the contacts at the sites in theirs.`
            : "Regional and territory managers see the contacts at the sites in theirs."
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setDialog({ kind: "territory", territory: null })}
              disabled={list.length === 0}
              data-testid="territory-new"
            >
              New territory
            </Button>
            <Button leftSection={<IconMapPlus size={16} />} onClick={() => setDialog({ kind: "region", region: null })} data-testid="region-new">
              New region
            </Button>
          </>
        }
      />
      {body}
      {dialog?.kind === "region" ? <RegionFormModal region={dialog.region} onClose={close} /> : null}
      {dialog?.kind === "territory" ? (
        <TerritoryFormModal territory={dialog.territory} regionId={dialog.regionId} regions={list} onClose={close} />
      ) : null}
    </Stack>
  );
}
