import { ActionIcon, Table, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { Site } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";

export type SitesTableProps = {
  sites: Site[];
  onEdit: (site: Site) => void;
};

function address(site: Site): string {
  const place = [site.postalCode, site.city].filter(Boolean).join(" ");
  return [site.line1, place, site.country].filter(Boolean).join(", ");
}

export function SitesTable({ sites, onEdit }: SitesTableProps) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid="sites-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">Site</Table.Th>
            <Table.Th w="18%">Territory</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th w={84} ta="right">
              Contacts
            </Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((site) => {
            const where = address(site);
            return (
              <Table.Tr key={site.id} data-testid="site-row">
                <Table.Td>
                  <Text size="sm" fw={500} truncate="end" title={site.name}>
                    {site.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={site.territoryName}>
                    {site.territoryName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={where}>
                    {where}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatCount(site.contactCount)}</Table.Td>
                <Table.Td>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Edit site ${site.name}`} onClick={() => onEdit(site)}>
                    <IconPencil size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
