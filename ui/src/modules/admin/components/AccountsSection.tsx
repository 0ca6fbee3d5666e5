import {
  Badge,
  Button,
  Card,
  CloseButton,
  Grid,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBuildingPlus, IconBuildingStore, IconMapPin, IconPencil, IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { Account, Region, Site } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useAccounts } from "../hooks/useAccounts";
import { useSites } from "../hooks/useSites";
import { accountKindLabels } from "../utils/labels";
import { AccountFormModal } from "./AccountFormModal";
import { SectionHeader } from "./SectionHeader";
import { SiteFormModal } from "./SiteFormModal";
import { SitesTable } from "./SitesTable";
import { TableSkeleton } from "./TableSkeleton";

export type AccountsSectionProps = {
  regions: Region[];
};

/** The core answers at most this many accounts per search. */
const ACCOUNT_LIMIT = 200;
const LIST_HEIGHT = 520;

type Dialog = { kind: "account"; account: Account | null } | { kind: "site"; account: Account; site: Site | null };

function sitesText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "site" : "sites"}`;
}

type AccountSitesProps = {
  account: Account;
  onEditAccount: () => void;
  onSite: (site: Site | null) => void;
};

function AccountSites({ account, onEditAccount, onSite }: AccountSitesProps) {
  const sites = useSites(account.id);
  let body;
  if (sites.isPending) {
    body = <TableSkeleton label="Loading sites" rows={3} columns={4} />;
  } else if (sites.isError) {
    body = <ErrorState error={sites.error} onRetry={() => void sites.refetch()} retrying={sites.isRefetching} />;
  } else if (sites.data.length === 0) {
    body = (
      <StatePanel icon={<IconMapPin size={24} />} title="No sites yet" testId="sites-empty">
        Contacts are associated with an account through its sites.
      </StatePanel>
    );
  } else {
    body = <SitesTable sites={sites.data} onEdit={(site) => onSite(site)} />;
  }
  return (
    <Card h="100%" data-testid="account-sites">
      <Group justify="space-between" wrap="nowrap" gap="sm" mb="sm" align="flex-start">
        <Stack gap={4} miw={0}>
          <Text fw={600} size="lg" truncate="end" title={account.name} component="h4" m={0}>
            {account.name}
          </Text>
          <Group gap={6}>
            <Badge variant="light" tt="none" fw={500}>
              {accountKindLabels[account.kind]}
            </Badge>
            <Badge variant="light" color={account.active ? "teal" : "gray"} tt="none" fw={500}>
              {account.active ? "Active" : "Inactive"}
            </Badge>
            <Text size="xs" c="dimmed">
              {sitesText(account.siteCount)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={onEditAccount} data-testid="account-edit">
            Edit account
          </Button>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => onSite(null)} data-testid="site-new">
            New site
          </Button>
        </Group>
      </Group>
      {body}
    </Card>
  );
}

export function AccountsSection({ regions }: AccountsSectionProps) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const accounts = useAccounts(debounced);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const selected = accounts.data?.find((a) => a.id === selectedId) ?? null;

  let list;
  if (accounts.isPending) {
    list = (
      <Stack gap="sm" p="sm" aria-busy="true" aria-label="Loading accounts">
        {Array.from({ length: 8 }, (_, i) => (
          <Stack key={i} gap={4}>
            <Skeleton height={12} width="70%" />
            <Skeleton height={8} width="40%" />
          </Stack>
        ))}
      </Stack>
    );
  } else if (accounts.isError) {
    list = <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isRefetching} />;
  } else if (accounts.data.length === 0) {
    list = (
      <Text size="sm" c="dimmed" p="md" ta="center" data-testid="accounts-empty">
        {debounced ? `No account name contains “${debounced}”.` : "No accounts yet."}
      </Text>
    );
  } else {
    list = (
      <ScrollArea h={LIST_HEIGHT} type="auto" offsetScrollbars>
        <Stack gap={2} p={4} role="list" aria-label="Accounts" data-testid="accounts-list">
          {accounts.data.map((account) => (
            <NavLink
              key={account.id}
              role="listitem"
              component="button"
              type="button"
              active={account.id === selectedId}
              onClick={() => setSelectedId(account.id)}
              label={
                <Text size="sm" fw={500} truncate="end" title={account.name}>
                  {account.name}
                </Text>
              }
              description={`${accountKindLabels[account.kind]} · ${sitesText(account.siteCount)}`}
              rightSection={
                account.active ? null : (
                  <Badge size="xs" variant="default" tt="none" fw={500}>
                    Inactive
                  </Badge>
                )
              }
              aria-current={account.id === selectedId ? "true" : undefined}
              data-testid="account-item"
              style={{ borderRadius: "var(--mantine-radius-sm)" }}
            />
          ))}
        </Stack>
        {accounts.data.length >= ACCOUNT_LIMIT ? (
          <Text size="xs" c="dimmed" p="xs" ta="center">
            The first {formatCount(ACCOUNT_LIMIT)} accounts are shown; type part of a name to find others.
          </Text>
        ) : null}
      </ScrollArea>
    );
  }

  return (
    <Stack gap="sm" data-testid="accounts-section">
      <SectionHeader
        title="Accounts and sites"
        description="Customer organisations and their sites. Each site belongs to a territory, which decides who sees its contacts."
        actions={
          <Button leftSection={<IconBuildingPlus size={16} />} onClick={() => setDialog({ kind: "account", account: null })} data-testid="account-new">
            New account
          </Button>
        }
      />
      <Grid gutter="md" align="stretch">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card p={0} h="100%">
            <TextInput
              m="sm"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              placeholder="Search accounts…"
              aria-label="Search accounts"
              leftSection={<IconSearch size={16} stroke={1.6} />}
              rightSection={
                accounts.isFetching && !accounts.isPending ? (
                  <Loader size={14} />
                ) : search ? (
                  <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch("")} />
                ) : null
              }
              autoComplete="off"
              spellCheck={false}
              data-testid="account-search"
            />
            {list}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <AccountSites
              account={selected}
              onEditAccount={() => setDialog({ kind: "account", account: selected })}
              onSite={(site) => setDialog({ kind: "site", account: selected, site })}
            />
          ) : (
            <Card h="100%">
              <StatePanel icon={<IconBuildingStore size={24} />} title="Choose an account" testId="account-none">
                Its sites, their territories and how many contacts each has appear here.
              </StatePanel>
            </Card>
          )}
        </Grid.Col>
      </Grid>
      {dialog?.kind === "account" ? (
        <AccountFormModal account={dialog.account} onSaved={(id) => setSelectedId(id)} onClose={close} />
      ) : null}
      {dialog?.kind === "site" ? (
        <SiteFormModal account={dialog.account} site={dialog.site} regions={regions} onClose={close} />
      ) : null}
    </Stack>
  );
}
