import { Card, Skeleton, Stack } from "@mantine/core";
import { SectionHeader } from "../../admin/components/SectionHeader";
import { ErrorState } from "../../shell/components/ErrorState";
import { useEscalationPolicy } from "../hooks/useEscalationPolicy";
import { EscalationPolicyForm } from "./EscalationPolicyForm";

/** Administration → Escalation. */
export function EscalationPolicyPanel() {
  const policy = useEscalationPolicy();
  let body;
  if (policy.isPending) {
    body = (
      <Card maw={720} aria-busy="true" aria-label="Loading the escalation policy">
        <Stack gap="sm">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={36} width={`${50 + row * 6}%`} />
          ))}
        </Stack>
      </Card>
    );
  } else if (policy.isError) {
    body = (
      <Card maw={720}>
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} retrying={policy.isRefetching} />
      </Card>
    );
  } else {
    // Keyed by the stored values, so the form starts over from them after each save.
    body = <EscalationPolicyForm key={JSON.stringify(policy.data)} policy={policy.data} />;
  }
  return (
    <Stack gap="md" data-testid="admin-escalation">
      <SectionHeader
        title="Escalation"
        description="When a contact stops answering, Rapport marks them non-responsive and passes the matter along the chain: the contact's owner, the territory manager, the regional manager, then a site administrator. Changes are recorded in the audit trail and apply at once."
      />
      {body}
    </Stack>
  );
}
