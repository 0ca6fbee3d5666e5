import { Alert, Button, Card, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconChevronDown, IconListCheck, IconShieldCheck } from "@tabler/icons-react";
import { useMemo } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { formatCount } from "../../contacts/utils/formatCount";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useAuditEvents } from "../hooks/useAuditEvents";
import { useVerifyAudit } from "../hooks/useVerifyAudit";
import { AuditTable } from "./AuditTable";
import { AuditVerificationAlert } from "./AuditVerificationAlert";
import { SectionHeader } from "./SectionHeader";
import { TableSkeleton } from "./TableSkeleton";

export function AuditPanel() {
  const audit = useAuditEvents();
  const verify = useVerifyAudit();
  const events = useMemo(() => audit.data?.pages.flatMap((page) => page.events) ?? [], [audit.data]);

  let body;
  if (audit.isPending) {
    body = <TableSkeleton label="Loading the audit trail" columns={6} rows={10} testId="audit-loading" />;
  } else if (audit.isError && !audit.isFetchNextPageError) {
    body = (
      <Card>
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isRefetching} testId="audit-error" />
      </Card>
    );
  } else if (events.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconListCheck size={24} />} title="No events yet" testId="audit-empty">
          Every change, sign-in and backup will be listed here.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <Stack gap="sm">
        <Card p={0}>
          <AuditTable events={events} />
        </Card>
        {audit.isFetchNextPageError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
            {formatIpcError(audit.error).message}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="audit-shown">
            {audit.hasNextPage
              ? `The newest ${formatCount(events.length)} events`
              : `All ${formatCount(events.length)} ${events.length === 1 ? "event" : "events"}`}
          </Text>
          {audit.hasNextPage ? (
            <Button
              variant="default"
              leftSection={<IconChevronDown size={16} />}
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              data-testid="audit-load-older"
            >
              Load older
            </Button>
          ) : null}
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="admin-audit">
      <SectionHeader
        title="Audit trail"
        description="Every change, sign-in and administrative action, newest first. Each event is chained to the one before it, so a changed or deleted event is detected."
        actions={
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-testid="audit-verify"
          >
            Verify chain
          </Button>
        }
      />
      {verify.isSuccess ? <AuditVerificationAlert result={verify.data} onClose={() => verify.reset()} /> : null}
      {verify.isError ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          title="The chain could not be checked"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => verify.reset()}
          role="alert"
          data-testid="audit-verification-error"
        >
          {formatIpcError(verify.error).message}
        </Alert>
      ) : null}
      {body}
    </Stack>
  );
}
