import { Anchor, Badge, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBuildingCommunity, IconHierarchy2, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useMapAccounts } from "../hooks/useMapAccounts";

/** The accounts whose people the user sees: the way into each account's page and org chart. */
export function AccountsPage() {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const accounts = useMapAccounts(debounced);
  const rows = accounts.data ?? [];

  let body;
  if (accounts.isPending) {
    body = (
      <Stack gap="xs" aria-busy="true" aria-label="Loading accounts">
        {[0, 1, 2, 3, 4].map((row) => (
          <Skeleton key={row} height={36} />
        ))}
      </Stack>
    );
  } else if (accounts.isError) {
    body = <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} testId="accounts-error" />;
  } else if (rows.length === 0) {
    body = (
      <StatePanel icon={<IconBuildingCommunity size={24} />} title="No account found" testId="accounts-empty">
        {debounced
          ? `No account you can see has a name containing “${debounced}”.`
          : "None of the people in your area belong to an account's site yet."}
      </StatePanel>
    );
  } else {
    body = (
      <Table highlightOnHover verticalSpacing="sm" data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th ta="right" w={120}>
              Sites
            </Table.Th>
            <Table.Th ta="right" w={160}>
              People you see
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((account) => (
            <Table.Tr key={account.id} data-testid="account-row" data-account-id={account.id}>
              <Table.Td maw={0}>
                <Anchor component={Link} to={`/accounts/${account.id}`} fw={600} size="sm" truncate="end" display="block">
                  {account.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{account.siteCount.toLocaleString()}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Badge variant="light" tt="none">
                  {account.peopleCount.toLocaleString()}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Stack gap="lg" p="lg" maw={1000} data-testid="accounts-page">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <IconHierarchy2 size={22} />
            <Title order={2}>Accounts and relationship maps</Title>
          </Group>
          <Text c="dimmed" size="sm">
            Choose an account to see its sites, its people's org chart, its communication flows and its history.
          </Text>
        </Stack>
      </Group>
      <TextInput
        placeholder="Search accounts by name"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        aria-label="Search accounts"
        data-testid="accounts-search"
        maw={420}
      />
      <Paper withBorder radius="md" p={rows.length > 0 ? 0 : "md"}>
        {body}
      </Paper>
    </Stack>
  );
}
