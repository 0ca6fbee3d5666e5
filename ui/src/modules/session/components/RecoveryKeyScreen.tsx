import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconCopy, IconKey } from "@tabler/icons-react";
import { useState } from "react";
import type { AppInfo } from "../../../ipc/bindings";
import { StartFooter } from "./StartFooter";
import { StartLayout } from "./StartLayout";

export type RecoveryKeyScreenProps = {
  recoveryKey: string;
  info: AppInfo;
  onContinue: () => void;
};

/** Shown once, right after the organisation's database was created. */
export function RecoveryKeyScreen({ recoveryKey, info, onContinue }: RecoveryKeyScreenProps) {
  const [stored, setStored] = useState(false);
  return (
    <StartLayout footer={<StartFooter info={info} />} width={560} testId="recovery-key-screen">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            Store your recovery key
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            Your database is encrypted with a key that Rapport keeps in this computer&rsquo;s keychain. If that keychain
            is ever lost (a new computer, a reinstalled system, a reset user account), this recovery key is the only way
            back into your data. Nobody can recover it for you.
          </Text>
        </div>
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Text
              ff="monospace"
              fz="md"
              fw={600}
              lh={1.7}
              style={{ wordBreak: "break-all", userSelect: "all" }}
              data-testid="recovery-key"
            >
              {recoveryKey}
            </Text>
            <CopyButton value={recoveryKey}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? "light" : "default"}
                  color={copied ? "teal" : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                  style={{ flexShrink: 0 }}
                  data-testid="recovery-key-copy"
                >
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Paper>
        <List size="sm" spacing={4} c="dimmed" icon={<IconKey size={14} style={{ marginTop: 3 }} />}>
          <List.Item>Keep it in your organisation&rsquo;s password manager, or print it and lock it away.</List.Item>
          <List.Item>Keep it apart from backups: anyone with both can read every contact.</List.Item>
          <List.Item>A site administrator can show it again later, after entering their password.</List.Item>
        </List>
        <Alert color="yellow" variant="light" p="sm">
          <Checkbox
            label="I have stored the recovery key safely"
            checked={stored}
            onChange={(event) => setStored(event.currentTarget.checked)}
            data-testid="recovery-key-stored"
          />
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onContinue} disabled={!stored} data-testid="recovery-key-continue">
            Continue
          </Button>
        </Group>
      </Stack>
    </StartLayout>
  );
}
