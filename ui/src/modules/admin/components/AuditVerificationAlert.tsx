import { Alert, List, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import type { AuditVerification } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { formatDateTime } from "../../contacts/utils/formatDateTime";

export type AuditVerificationAlertProps = {
  result: AuditVerification;
  onClose: () => void;
};

function eventsText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "event" : "events"}`;
}

export function AuditVerificationAlert({ result, onClose }: AuditVerificationAlertProps) {
  const { ok, events, appendOnly, firstBad } = result;
  const safeguards = appendOnly
    ? "The append-only safeguards are in place: the database refuses to change or delete events."
    : "The append-only safeguards are missing: events could be changed or deleted without the database refusing it.";

  if (ok) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconShieldCheck size={20} />}
        title="The audit chain is intact"
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={onClose}
        role="status"
        data-testid="audit-verification"
        data-ok="true"
      >
        <Text size="sm">
          All {eventsText(events)} verify, from the first to the newest, and none is missing. {safeguards}
        </Text>
      </Alert>
    );
  }

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconShieldX size={20} />}
      title={firstBad ? "The audit chain is broken" : "The audit trail is not protected"}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      role="alert"
      data-testid="audit-verification"
      data-ok="false"
    >
      <List size="sm" spacing={4}>
        {firstBad ? (
          <List.Item>
            Event <strong>#{firstBad.seq}</strong> of {formatDateTime(firstBad.at)} does not verify: {firstBad.reason}.{" "}
            {eventsText(events)} were checked up to it; the events before it are intact.
          </List.Item>
        ) : (
          <List.Item>All {eventsText(events)} verify.</List.Item>
        )}
        <List.Item>{safeguards}</List.Item>
      </List>
      {firstBad ? (
        <Text size="sm" mt="xs">
          Someone changed the database outside Rapport. Keep this database as it is and restore the newest backup made
          before {formatDateTime(firstBad.at)} if the records matter.
        </Text>
      ) : null}
    </Alert>
  );
}
