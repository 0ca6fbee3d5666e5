import { Badge, Button, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconAlertTriangle, IconChecks, IconPencil, IconRosetteDiscountCheck, IconStethoscope } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Finding } from "../../../ipc/bindings";
import { DetailCard } from "./DetailCard";
import { findingFix } from "./findingFix";
import { qualityColor } from "../utils/qualityColor";

export type FindingsCardProps = {
  contactId: string;
  findings: Finding[];
  /** 100 less the weight of each finding, as the core scores it. */
  score: number;
  /** Whether the user may fix what is found (edit the contact, verify it). */
  canEdit: boolean;
  onVerify(): void;
};

function FixButton({ contactId, finding, canEdit, onVerify }: { finding: Finding } & Omit<FindingsCardProps, "findings" | "score">) {
  const fix = findingFix(contactId, finding, canEdit);
  if (fix.kind === "verify") {
    return (
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconRosetteDiscountCheck size={14} />}
        onClick={onVerify}
        data-testid="finding-fix"
      >
        Verify now
      </Button>
    );
  }
  if (fix.kind === "edit") {
    return (
      <Button
        size="compact-sm"
        variant="light"
        component={Link}
        to={fix.to}
        leftSection={<IconPencil size={14} />}
        data-testid="finding-fix"
      >
        Fix
      </Button>
    );
  }
  return null;
}

/** Data-quality findings: what is missing, invalid, stale or inconsistent, each with its fix. */

export function FindingsCard({ contactId, findings, score, canEdit, onVerify }: FindingsCardProps) {
  return (
    <DetailCard
      title="Data quality"
      icon={<IconStethoscope size={16} />}
      testId="card-findings"
      rightSection={
        <Group gap={6} wrap="nowrap">
          <Badge color={qualityColor(score)} variant="light" tt="none" fw={600} data-testid="quality-score" title="Data-quality score out of 100">
            Score {score}
          </Badge>
          {findings.length > 0 ? (
            <Badge color="yellow" variant="light" tt="none" fw={500}>
              {findings.length === 1 ? "1 problem" : `${findings.length} problems`}
            </Badge>
          ) : null}
        </Group>
      }
    >
      {findings.length === 0 ? (
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" size={22} radius="xl" aria-hidden>
            <IconChecks size={14} />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            No problems found.
          </Text>
        </Group>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {findings.map((finding, index) => (
            <Group
              key={`${finding.code}-${finding.field ?? ""}-${index}`}
              component="li"
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              justify="space-between"
              data-testid="finding"
              data-code={finding.code}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start" miw={0}>
                <IconAlertTriangle
                  size={16}
                  color="var(--mantine-color-yellow-filled)"
                  style={{ flexShrink: 0, marginTop: 2 }}
                  aria-hidden
                />
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {finding.message}
                </Text>
              </Group>
              <FixButton contactId={contactId} finding={finding} canEdit={canEdit} onVerify={onVerify} />
            </Group>
          ))}
        </Stack>
      )}
    </DetailCard>
  );
}
