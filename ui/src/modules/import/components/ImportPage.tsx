import { Box, Group, Skeleton, Stack, Tabs, ThemeIcon, Title } from "@mantine/core";
import { IconFileImport, IconHistory, IconLock, IconUpload } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { StatePanel } from "../../shell/components/StatePanel";
import { useAppInfo } from "../../shell/hooks/useAppInfo";
import { useMayImport } from "../hooks/useMayImport";
import { ImportHistory } from "./ImportHistory";
import { ImportWorkspace } from "./ImportWorkspace";

type ImportTab = "import" | "history";

/** /import: the files to import with their preview, and the history of imports (`?tab=history`). */
export function ImportPage() {
  const info = useAppInfo();
  const { mayImport, withoutSite } = useMayImport();
  const [params, setParams] = useSearchParams();
  const tab: ImportTab = params.get("tab") === "history" ? "history" : "import";

  let body;
  if (info.isPending) {
    body = (
      <Stack gap="sm" p="md" aria-busy="true" aria-label="Loading the import page">
        <Skeleton height={28} width="30%" />
        <Skeleton height={240} />
      </Stack>
    );
  } else if (!mayImport) {
    body = (
      <StatePanel icon={<IconLock size={24} />} title="Importing is not part of your role" testId="import-forbidden">
        Ask a site administrator or a manager of your region or territory to import contacts for you.
      </StatePanel>
    );
  } else {
    body = (
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === "history" ? { tab: "history" } : {})}
        keepMounted={false}
        data-testid="import-tabs"
      >
        <Tabs.List px="md">
          <Tabs.Tab value="import" leftSection={<IconUpload size={16} stroke={1.6} />} data-testid="import-tab">
            Import
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} stroke={1.6} />} data-testid="import-history-tab">
            History
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import">
          <ImportWorkspace withoutSite={withoutSite} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <Box p="md" maw={1600}>
            <ImportHistory />
          </Box>
        </Tabs.Panel>
      </Tabs>
    );
  }

  return (
    <Box flex={1} mih={0} style={{ overflow: "auto" }} data-testid="import-page">
      <Group gap="sm" px="md" pt="md" pb="sm" wrap="nowrap">
        <ThemeIcon size={32} radius="md" variant="light" aria-hidden>
          <IconFileImport size={18} stroke={1.6} />
        </ThemeIcon>
        <Title order={2}>Import</Title>
      </Group>
      {body}
    </Box>
  );
}
