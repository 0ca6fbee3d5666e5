import { Anchor, Badge, Button, Table, Text } from "@mantine/core";
import { IconBuilding } from "@tabler/icons-react";
import { Link } from "react-router";
import type { ContactSite } from "../../../ipc/bindings";
import { formatMoney } from "../utils/formatMoney";
import { siteRoleLabels } from "../utils/labels";
import { DetailCard } from "./DetailCard";
import { EmptyValue } from "./EmptyValue";

export type SitesCardProps = {
  sites: ContactSite[];
  /** Offered on the sites where the contact is not the primary contact, when the user may set it. */
  onSetPrimary?: (siteId: string) => void;
};

export function SitesCard({ sites, onSetPrimary }: SitesCardProps) {
  return (
    <DetailCard title="Sites and roles" icon={<IconBuilding size={16} />} testId="card-sites">
      {sites.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not associated with any site.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} fz="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Territory</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th style={{ whiteSpace: "nowrap" }}>Primary</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
                  Authority limit
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.map((site) => (
                <Table.Tr key={site.siteId} data-testid="site-row" data-site-id={site.siteId} data-primary={site.isPrimary}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${site.accountId}`} size="sm" data-testid="site-account-link">
                      {site.accountName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{site.siteName}</Table.Td>
                  <Table.Td>{site.territory}</Table.Td>
                  <Table.Td>{site.region}</Table.Td>
                  <Table.Td>{siteRoleLabels[site.role] ?? <EmptyValue />}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {site.isPrimary ? (
                      <Badge
                        size="sm"
                        variant="light"
                        tt="none"
                        style={{ minWidth: "max-content" }}
                        data-testid="site-primary-badge"
                      >
                        Primary contact
                      </Badge>
                    ) : onSetPrimary ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onSetPrimary(site.siteId)}
                        aria-label={`Set as primary contact of ${site.siteName}`}
                        data-testid="site-set-primary"
                      >
                        Set as primary
                      </Button>
                    ) : (
                      <EmptyValue label="Not the primary contact" />
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {site.authorityLimit ? formatMoney(site.authorityLimit) : <EmptyValue />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DetailCard>
  );
}
