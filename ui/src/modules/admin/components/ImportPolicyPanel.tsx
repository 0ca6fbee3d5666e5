import { Card, Skeleton, Stack } from "@mantine/core";
import { useImportPolicy } from "../../import/hooks/useImportPolicy";
import { ErrorState } from "../../shell/components/ErrorState";
import { ImportPolicyForm } from "./ImportPolicyForm";
import { SectionHeader } from "./SectionHeader";

/** Administration → Import: the fields every imported record must have. */
export function ImportPolicyPanel() {
  const policy = useImportPolicy();
  let body;
  if (policy.isPending) {
    body = (
      <Card maw={640} aria-busy="true" aria-label="Loading the import policy" data-testid="import-policy-loading">
        <Stack gap="sm">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={18} width={`${40 + row * 8}%`} />
          ))}
        </Stack>
      </Card>
    );
  } else if (policy.isError) {
    body = (
      <Card maw={640}>
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} retrying={policy.isRefetching} />
      </Card>
    );
  } else {
    // Keyed by the saved values, so the form starts over from what is stored after each save.
    body = <ImportPolicyForm key={policy.data.required.join(",")} policy={policy.data} />;
  }
  return (
    <Stack gap="md" data-testid="admin-import">
      <SectionHeader
        title="Import"
        description="The fields every imported record must have. A record without one of them is rejected and listed with the reason in the preview. Changes are recorded in the audit trail."
      />
      {body}
    </Stack>
  );
}
