import { Card, Skeleton, Stack, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import type { ErasureCandidate } from "../../../ipc/bindings";
import { ErasePersonModal } from "../../contacts/components/ErasePersonModal";
import { useContactPolicy } from "../../contacts/hooks/useContactPolicy";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useErasureDue } from "../hooks/useErasureDue";
import { ContactPolicyForm } from "./ContactPolicyForm";
import { ErasureDueTable } from "./ErasureDueTable";
import { SectionHeader } from "./SectionHeader";
import { TableSkeleton } from "./TableSkeleton";

function PolicySection() {
  const policy = useContactPolicy();
  if (policy.isPending) {
    return (
      <Card maw={640} aria-busy="true" aria-label="Loading the contact policy" data-testid="contact-policy-loading">
        <Stack gap="lg">
          {[0, 1, 2].map((row) => (
            <Stack key={row} gap={6}>
              <Skeleton height={12} width="40%" />
              <Skeleton height={10} width="70%" />
              <Skeleton height={34} width={360} />
            </Stack>
          ))}
        </Stack>
      </Card>
    );
  }
  if (policy.isError) {
    return (
      <Card maw={640}>
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} retrying={policy.isRefetching} />
      </Card>
    );
  }
  // Keyed by the saved values, so the form starts over from what is stored after each save.
  return <ContactPolicyForm key={JSON.stringify(policy.data)} policy={policy.data} />;
}

function ErasureDueSection() {
  const due = useErasureDue();
  const [erasing, setErasing] = useState<ErasureCandidate | null>(null);

  let body;
  if (due.isPending) {
    body = <TableSkeleton label="Loading contacts due for erasure" columns={4} rows={3} testId="erasure-due-loading" />;
  } else if (due.isError) {
    body = (
      <Card>
        <ErrorState error={due.error} onRetry={() => void due.refetch()} retrying={due.isRefetching} testId="erasure-due-error" />
      </Card>
    );
  } else if (due.data.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconShieldCheck size={24} />} title="No one is due for erasure" testId="erasure-due-empty">
          Archived contacts appear here once their retention period is over.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <Card p={0}>
        <ErasureDueTable candidates={due.data} onErase={setErasing} />
      </Card>
    );
  }

  return (
    <Stack gap="sm" data-testid="erasure-due">
      <Title order={4}>Due for erasure</Title>
      {body}
      {erasing ? <ErasePersonModal person={erasing} onClose={() => setErasing(null)} /> : null}
    </Stack>
  );
}

/** Administration → Contacts: the lifecycle policy and the archived contacts past their retention period. */
export function ContactsPolicyPanel() {
  return (
    <Stack gap="md" data-testid="admin-contacts">
      <SectionHeader
        title="Contacts"
        description="When contacts count as not verified, when inactive ones are archived and how long archived ones are kept. Changes are recorded in the audit trail."
      />
      <PolicySection />
      <ErasureDueSection />
    </Stack>
  );
}
