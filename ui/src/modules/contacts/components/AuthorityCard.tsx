import { IconShieldCheck } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { formatMoney } from "../utils/formatMoney";
import { DetailCard } from "./DetailCard";
import { FieldList } from "./FieldList";

export type AuthorityCardProps = {
  contact: ContactDetail;
};

export function AuthorityCard({ contact }: AuthorityCardProps) {
  return (
    <DetailCard title="Authority" icon={<IconShieldCheck size={16} />} testId="card-authority">
      <FieldList
        items={[
          { label: "Level", value: contact.authorityLevel },
          { label: "Scope", value: contact.authorityScope },
          { label: "Approval limit", value: contact.approvalLimit ? formatMoney(contact.approvalLimit) : null },
        ]}
      />
    </DetailCard>
  );
}
