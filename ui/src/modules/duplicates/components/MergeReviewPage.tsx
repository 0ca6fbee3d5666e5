import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  ScrollArea,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconArrowLeft, IconArrowMerge, IconCheck, IconCopy } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { MergeField, MergeInput, MergeOutcome, MergePreview } from "../../../ipc/bindings";
import { formatDate } from "../../contacts/utils/formatDateTime";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useMergeContacts, useMergePreview, useUnmergeContacts } from "../hooks/useMerge";
import { formatMergeValue, mergeFieldLabel } from "../utils/mergeFields";
import { MergeResult } from "./MergeResult";
import { Refusal } from "./Refusal";

/** Fields whose records all agree (or are all empty) need no choice; they are listed apart. */
function differs(field: MergeField): boolean {
  const filled = field.values.filter((value) => value !== null);
  return filled.length > 0 && new Set(filled).size > 1;
}

/** The merge review: a group's records side by side, a value chosen field by field, and the merge. */
export function MergeReviewPage() {
  const [params] = useSearchParams();
  const ids = useMemo(
    () => (params.get("ids") ?? "").split(",").map((id) => id.trim()).filter(Boolean),
    [params],
  );
  const preview = useMergePreview(ids);
  const merge = useMergeContacts();
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);

  const back = (
    <Anchor component={Link} to="/duplicates" size="sm" data-testid="merge-back">
      <Group gap={4}>
        <IconArrowLeft size={14} /> Duplicates
      </Group>
    </Anchor>
  );

  let body;
  if (ids.length < 2) {
    body = (
      <StatePanel icon={<IconCopy size={24} />} title="Choose a group to merge" testId="merge-none">
        A merge needs at least two records. Open a group from the duplicate scan and choose “Review and merge”.
      </StatePanel>
    );
  } else if (outcome) {
    body = <MergeDone outcome={outcome} preview={preview.data ?? null} />;
  } else if (preview.isError) {
    body = <ErrorState error={preview.error} onRetry={() => void preview.refetch()} testId="merge-error" />;
  } else if (!preview.data) {
    body = <Skeleton height={320} radius="md" />;
  } else {
    body = (
      <MergeChoices
        key={ids.join(",")}
        preview={preview.data}
        merging={merge.isPending}
        error={merge.error}
        onMerge={(input) => merge.mutate(input, { onSuccess: setOutcome })}
      />
    );
  }

  return (
    <Stack gap="lg" p="lg" maw={1300} data-testid="merge-page">
      <Stack gap={4}>
        {back}
        <Group gap="xs">
          <IconArrowMerge size={22} />
          <Title order={2}>Review and merge</Title>
        </Group>
        <Text size="sm" c="dimmed">
          Keep one record and choose, field by field, which value it keeps. Emails, phones, addresses, sites,
          relationships, interactions and follow-ups of every record move to it; the others' ids and references
          lead to it. You can undo the merge.
        </Text>
      </Stack>
      {body}
    </Stack>
  );
}

type MergeChoicesProps = {
  preview: MergePreview;
  merging: boolean;
  error: unknown;
  onMerge: (input: MergeInput) => void;
};

function MergeChoices({ preview, merging, error, onMerge }: MergeChoicesProps) {
  const [survivor, setSurvivor] = useState(preview.defaultSurvivor);
  // Only the fields the user changed are sent; the rest keep the core's defaults.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [showAgreed, setShowAgreed] = useState(false);

  const choiceOf = (field: MergeField) => {
    const explicit = picked[field.field];
    if (explicit) return explicit;
    // As the core decides: the kept record's own value, unless it has none; then the first
    // record's that has one. (`defaultChoice` holds for the default survivor only.)
    const survivorIndex = preview.records.findIndex((record) => record.id === survivor);
    if (field.values[survivorIndex] !== null) return survivor;
    const filled = field.values.findIndex((value) => value !== null);
    return filled >= 0 ? preview.records[filled].id : survivor;
  };
  const different = preview.fields.filter(differs);
  const agreed = preview.fields.filter((field) => !differs(field) && field.values.some((value) => value !== null));
  const survivorRecord = preview.records.find((record) => record.id === survivor) ?? preview.records[0];
  const others = preview.records.filter((record) => record.id !== survivor);
  const choices = Object.fromEntries(preview.fields.map((field) => [field.field, choiceOf(field)]));

  const fieldRow = (field: MergeField, choosable: boolean) => (
    <Table.Tr key={field.field} data-testid="merge-field" data-field={field.field}>
      <Table.Th scope="row">
        <Text size="sm" fw={600}>
          {mergeFieldLabel(field.field)}
        </Text>
      </Table.Th>
      {preview.records.map((record, index) => {
        const value = formatMergeValue(field.field, field.values[index]);
        const chosen = choiceOf(field) === record.id;
        if (!choosable || value === null) {
          return (
            <Table.Td key={record.id}>
              <Text size="sm" c={value === null ? "dimmed" : undefined} lineClamp={4} style={{ wordBreak: "break-word" }}>
                {value ?? "—"}
              </Text>
            </Table.Td>
          );
        }
        return (
          <Table.Td key={record.id} bg={chosen ? "var(--mantine-primary-color-light)" : undefined}>
            <UnstyledButton
              onClick={() => setPicked((current) => ({ ...current, [field.field]: record.id }))}
              data-testid={`merge-choice-${field.field}-${record.id}`}
              data-chosen={chosen}
              aria-pressed={chosen}
              w="100%"
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Radio checked={chosen} readOnly tabIndex={-1} size="xs" mt={2} aria-hidden />
                <Text size="sm" lineClamp={4} style={{ wordBreak: "break-word" }}>
                  {value}
                </Text>
              </Group>
            </UnstyledButton>
          </Table.Td>
        );
      })}
    </Table.Tr>
  );

  return (
    <Stack gap="md">
      {error ? <Refusal error={error} testId="merge-failed" /> : null}
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table layout="fixed" miw={260 + preview.records.length * 240} verticalSpacing="xs" data-testid="merge-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>Keep</Table.Th>
                {preview.records.map((record) => (
                  <Table.Th key={record.id} data-testid="merge-record" data-contact-id={record.id}>
                    <Stack gap={2}>
                      <Radio
                        checked={record.id === survivor}
                        onChange={() => setSurvivor(record.id)}
                        label={
                          <Text size="sm" fw={700} truncate="end" title={record.displayName} maw={190}>
                            {record.displayName}
                          </Text>
                        }
                        name="merge-survivor"
                        data-testid={`merge-survivor-${record.id}`}
                      />
                      <Anchor component={Link} to={`/contacts/${record.id}`} size="xs" target="_blank">
                        {record.reference}
                      </Anchor>
                      <Group gap={4}>
                        <Badge size="xs" variant="light" color="gray" tt="none" title="Fields and rows filled in">
                          {record.completeness} filled
                        </Badge>
                        <Badge size="xs" variant="light" color={record.verifiedAt ? "teal" : "gray"} tt="none">
                          {record.verifiedAt ? `verified ${formatDate(record.verifiedAt)}` : "never verified"}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        Created {formatDate(record.createdAt)}
                      </Text>
                    </Stack>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {different.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={preview.records.length + 1}>
                    <Text size="sm" c="dimmed" data-testid="merge-no-differences">
                      The records agree on every field they both have: nothing to choose.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                different.map((field) => fieldRow(field, true))
              )}
              {showAgreed ? agreed.map((field) => fieldRow(field, false)) : null}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      {agreed.length > 0 ? (
        <Button variant="subtle" size="xs" w="fit-content" onClick={() => setShowAgreed((v) => !v)} data-testid="merge-agreed-toggle">
          {showAgreed ? "Hide" : "Show"} the {agreed.length} {agreed.length === 1 ? "field" : "fields"} the records agree on
        </Button>
      ) : null}
      <MergeResult preview={preview} choices={choices} survivorName={survivorRecord.displayName} />
      <Group
        justify="flex-end"
        pos="sticky"
        bottom="var(--app-shell-footer-offset, 0px)"
        py="sm"
        bg="var(--mantine-color-body)"
        style={{ borderTop: "1px solid var(--mantine-color-default-border)", zIndex: 2 }}
      >
        <Button component={Link} to="/duplicates" variant="default">
          Cancel
        </Button>
        <Button leftSection={<IconArrowMerge size={16} />} onClick={() => setConfirming(true)} data-testid="merge-confirm-open">
          Merge {preview.records.length} records…
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Merge these records?" centered>
        <Stack gap="md" data-testid="merge-confirm">
          <Text size="sm">
            {others.map((record) => `${record.displayName} (${record.reference})`).join(", ")}{" "}
            {others.length === 1 ? "becomes" : "become"} part of <b>{survivorRecord.displayName}</b> (
            {survivorRecord.reference}). Their references will open {survivorRecord.displayName}.
          </Text>
          <Alert color="blue" variant="light">
            You can undo this merge from the Duplicates screen until the record is changed again.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Back
            </Button>
            <Button
              loading={merging}
              onClick={() => {
                setConfirming(false);
                onMerge({ survivorId: survivor, contactIds: preview.records.map((record) => record.id), choices: picked });
              }}
              data-testid="merge-confirm-button"
            >
              Merge
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function MergeDone({ outcome, preview }: { outcome: MergeOutcome; preview: MergePreview | null }) {
  const undo = useUnmergeContacts();
  const name = preview?.records.find((record) => record.id === outcome.survivorId)?.displayName ?? "the kept record";
  if (undo.isSuccess) {
    return (
      <StatePanel
        icon={<IconCheck size={24} />}
        title="Merge undone"
        color="teal"
        testId="merge-undone"
        actions={
          <Button component={Link} to="/duplicates" variant="default">
            Back to duplicates
          </Button>
        }
      >
        The {outcome.merged.length + 1} records are back exactly as they were before the merge.
      </StatePanel>
    );
  }
  return (
    <StatePanel
      icon={<IconCheck size={24} />}
      title={`Merged into ${name}`}
      color="teal"
      testId="merge-done"
      actions={
        <>
          <Button component={Link} to={`/contacts/${outcome.survivorId}`} data-testid="merge-open-survivor">
            Open {name}
          </Button>
          <Button variant="default" loading={undo.isPending} onClick={() => undo.mutate(outcome.mergeId)} data-testid="merge-undo">
            Undo this merge
          </Button>
        </>
      }
    >
      {outcome.merged.length} {outcome.merged.length === 1 ? "record was" : "records were"} merged.
      {undo.isError ? <Refusal error={undo.error} testId="merge-undo-failed" /> : null}
    </StatePanel>
  );
}

