import { Alert, Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { Link } from "react-router";
import type { DuplicateCandidate } from "../../../../ipc/bindings";

function scoreColor(score: number): string {
  if (score >= 90) return "red";
  if (score >= 70) return "orange";
  return "yellow";
}

function CandidateLink({ candidate }: { candidate: DuplicateCandidate }) {
  return (
    <Anchor component={Link} to={`/contacts/${candidate.id}`} fw={600} data-testid="duplicate-link">
      {candidate.displayName}
    </Anchor>
  );
}

export type DuplicateNoticeProps = {
  duplicates: DuplicateCandidate[];
  /** On the review the full list follows below. */
  onReview?: boolean;
};

/**
 * The compact warning shown while typing: how many stored contacts may be this person, and the
 * likeliest one. Opening it keeps the new contact as a draft to come back to.
 */
export function DuplicateNotice({ duplicates, onReview = false }: DuplicateNoticeProps) {
  if (duplicates.length === 0) return null;
  const best = [...duplicates].sort((a, b) => b.score - a.score)[0];
  const others = duplicates.length - 1;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconCopy size={16} />}
      title={duplicates.length === 1 ? "This may be a contact you already have" : `${duplicates.length} stored contacts may be this person`}
      data-testid="duplicate-notice"
      aria-live="polite"
    >
      <Text size="sm">
        Best match: <CandidateLink candidate={best} /> <Text span c="dimmed" ff="monospace">{best.reference}</Text>
        {best.company ? ` at ${best.company}` : ""} — {best.reasons.join(", ")} ({best.score}%).
        {others > 0 ? ` ${others} more ${onReview ? "below" : "on the review step"}.` : ""} Your entries are kept as a draft if you open it.
      </Text>
    </Alert>
  );
}

export type DuplicateListProps = { duplicates: DuplicateCandidate[] };

/** Every candidate with its score and why it matched, for the review step. */
export function DuplicateList({ duplicates }: DuplicateListProps) {
  if (duplicates.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-duplicates">
        No stored contact has the same email or phone, or a similar name at the same account.
      </Text>
    );
  }
  const sorted = [...duplicates].sort((a, b) => b.score - a.score);
  return (
    <Stack gap="xs" data-testid="duplicate-list">
      <Text size="sm">
        Check these before creating: if one of them is this person, open it and update it instead. What you entered
        stays here as a draft.
      </Text>
      <Table verticalSpacing={6} fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Company</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th ta="right">Match</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((c) => (
            <Table.Tr key={c.id} data-testid="duplicate-row">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <CandidateLink candidate={c} />
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {c.reference}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{c.company ?? <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{c.reasons.join(", ")}</Table.Td>
              <Table.Td ta="right">
                <Badge color={scoreColor(c.score)} variant="light">
                  {c.score}%
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
