import { Alert, Divider } from "@mantine/core";
import { IconAlertTriangle, IconRosetteDiscountCheck } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { formatDate, formatDateTime } from "../utils/formatDateTime";
import { monthsSince, VERIFICATION_STALE_MONTHS } from "../utils/monthsSince";
import { DetailCard } from "./DetailCard";
import { FieldList } from "./FieldList";

export type VerificationCardProps = {
  contact: ContactDetail;
  /** Injected for tests; defaults to the current time. */
  now?: Date;
};

export function VerificationCard({ contact, now }: VerificationCardProps) {
  const months = contact.verifiedAt ? monthsSince(contact.verifiedAt, now) : null;
  let warning: string | null = null;
  if (months === null) warning = "These details have never been verified.";
  else if (months >= VERIFICATION_STALE_MONTHS) warning = `Not verified for ${months} months`;

  return (
    <DetailCard title="Verification & approval" icon={<IconRosetteDiscountCheck size={16} />} testId="card-verification">
      {warning ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          mb="sm"
          p="xs"
          data-testid="verification-warning"
        >
          {warning}
        </Alert>
      ) : null}
      <FieldList
        items={[
          {
            label: "Verified",
            value: contact.verifiedAt ? (
              <span title={formatDateTime(contact.verifiedAt)}>{formatDate(contact.verifiedAt)}</span>
            ) : null,
          },
          { label: "Verified by", value: contact.verifiedBy },
          { label: "Method", value: contact.verificationMethod },
        ]}
      />
      <Divider my="sm" variant="dashed" />
      <FieldList
        items={[
          { label: "Approval source", value: contact.approvalSource },
          { label: "Approved", value: contact.approvalDate ? formatDate(contact.approvalDate) : null },
        ]}
      />
    </DetailCard>
  );
}
