import { Alert, Code, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { StartFooter } from "./StartFooter";
import { StartLayout } from "./StartLayout";

export type FailedScreenProps = {
  message: string;
  databasePath: string | null;
  version: string | null;
};

/** The database cannot be used at all; nothing else can be done from inside the app. */
export function FailedScreen({ message, databasePath, version }: FailedScreenProps) {
  return (
    <StartLayout
      width={560}
      footer={databasePath && version ? <StartFooter info={{ databasePath, version }} /> : undefined}
      testId="failed-screen"
    >
      <Stack gap="md">
        <Title order={2} size="h3">
          Rapport cannot open its database
        </Title>
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="failed-problem">
          {message}
        </Alert>
        {databasePath ? (
          <Text size="sm">
            Database: <Code style={{ wordBreak: "break-all" }}>{databasePath}</Code>
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          Close Rapport, deal with the problem above, then start Rapport again. To use another
          database, start Rapport with <Code>--db PATH</Code> or set <Code>RAPPORT_DB</Code>.
        </Text>
      </Stack>
    </StartLayout>
  );
}
